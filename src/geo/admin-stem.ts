// The stem of an administrative name: the name without its administrative suffix and ethnic designation,
// as reports write the unit bare (柯桥区 → 柯桥, 乌镇镇 → 乌镇, 恩施土家族苗族自治州 → 恩施, 阿拉善盟 → 阿拉善).

/** The 55 minority nationalities as autonomous-area names write them (蒙古, 维吾尔 may stand without 族). */
const NATIONALITIES = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].sort((a, b) => b.length - a.length);

/** Suffixes of administrative units, longest first. */
const SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '街道办事处',
  '街道',
  '林区',
  '特区',
  '苏木',
  '地区',
  '省',
  '市',
  '区',
  '县',
  '旗',
  '盟',
  '州',
  '镇',
  '乡',
];

const MIN_STEM = 2;

function withoutNationalities(body: string): string {
  let rest = body;
  for (let changed = true; changed; ) {
    changed = false;
    for (const nationality of NATIONALITIES) {
      // One-character nationalities only with 族 (回族), so 宁夏回 never loses its 回 without it.
      const forms = nationality.length > 1 ? [`${nationality}族`, nationality] : [`${nationality}族`];
      const form = forms.find((f) => rest.endsWith(f) && rest.length - f.length >= MIN_STEM);
      if (form) {
        rest = rest.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/** The stem, or the whole name when too little would remain (城区, 矿区, 沙县 stays 沙县). */
export function adminStem(name: string): string {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= MIN_STEM);
  if (!suffix) return name;
  const body = name.slice(0, -suffix.length);
  if (!suffix.startsWith('自治')) return body;
  // 东乡族自治县, 鄂温克族自治旗: the nationality is the name.
  const own = NATIONALITIES.find((n) => body === `${n}族` && n.length >= MIN_STEM);
  return own ?? withoutNationalities(body);
}
