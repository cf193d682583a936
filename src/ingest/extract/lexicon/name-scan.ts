// Finding where a Chinese name starts. Names are written without spaces, so a suffix (镇, 水库, 开发区)
// says where a name ends and the words in front of it (verbs, prepositions, punctuation) say where it starts.
import { gazetteer } from '../../../geo/gazetteer.ts';
import { cutWords, isCommonWord, tagDictionaryWords } from './jieba.ts';

const CJK_CHAR = /[\u3400-\u9fff]/;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/**
 * Words after which a new name begins: the verbs that introduce objects in government reports and the
 * function words that join phrases. Deliberately excludes characters common inside names (同, 安); 和 is included although
 * a few names start with it (和平), because it joins listed names far more often.
 */
const BOUNDARY_WORDS = [
  // verbs that take a named object
  '建设',
  '加快',
  '推进',
  '完成',
  '实施',
  '启动',
  '建成',
  '开展',
  '打造',
  '创建',
  '培育',
  '加强',
  '深化',
  '推动',
  '支持',
  '提升',
  '实现',
  '形成',
  '构建',
  '引进',
  '设立',
  '新建',
  '改建',
  '扩建',
  '开工',
  '投用',
  '争创',
  '创成',
  '争取',
  '列入',
  '成为',
  '围绕',
  '依托',
  '对接',
  '融入',
  '包括',
  '位于',
  '加大',
  '做好',
  '抓好',
  '办好',
  '强化',
  '优化',
  '完善',
  '健全',
  '落实',
  '搞好',
  '举办',
  '承办',
  '入驻',
  '落户',
  '建立',
  '推行',
  '加固',
  '修复',
  '保护',
  '申报',
  '规划',
  '编制',
  '建好',
  '用好',
  '组建',
  '运营',
  '生成',
  '成立',
  '挂牌',
  '设置',
  '策划',
  '取消',
  '取缔',
  '帮扶',
  '开放式',
  '发挥',
  '延伸',
  '覆盖',
  '连接',
  '贯通',
  '联通',
  '串联',
  '服务',
  '主动',
  '积极',
  '全力',
  '全面',
  '大力',
  '着力',
  '努力',
  '力争',
  '确保',
  '继续',
  '进一步',
  '新增',
  '聚焦',
  '突出',
  '重点',
  '同时',
  '其中',
  '以及',
  '并且',
  '就是',
  '包含',
  '涵盖',
  '升格为',
  '评为',
  '命名为',
  '获评',
  '荣获',
  '入围',
  '跻身',
  '启用',
  '开通',
  '通车',
  '竣工',
  '开业',
  '开园',
  '提高',
  '实行',
  '开辟',
  '拓展',
  '深耕',
  '开拓',
  '加速',
  '谋划',
  '筹建',
  '续建',
  '迁建',
  '做强',
  '做大',
  '做优',
  '做精',
  '做实',
  '做美',
  '增加',
  '鼓励',
  '引导',
  '带动',
  '吸引',
  '打好',
  '打赢',
  // function words
  '在',
  '对',
  '向',
  '和',
  '与',
  '及',
  '或',
  '的',
  '等',
  '至',
  '把',
  '为',
  '从',
  '由',
  '将',
  '到',
  '是',
  '了',
  '被',
  '于',
  '并',
  '让',
  '使',
  '给',
  '按',
  '以',
  '其',
  '即',
  '又',
  '也',
  '还',
  '都',
  '而',
  '且',
  '已',
  '再',
  '要',
  '会',
  '能',
  '如',
  '跟',
  '往',
  '比',
  '较',
  '各',
  '每',
  '该',
  '本',
  '这',
  '那',
  '此',
  '我',
  '它',
  '抓',
  '坚持',
  '扶持',
  '共建',
  '统一',
  '指',
  '所有',
  '获',
  '代表',
].sort((a, b) => b.length - a.length);

/** 和 that starts a county's or prefecture's name (实施|和田河灌区), not a conjunction (和|平台, 乐龙路|和|顺番公路). */
function startsUnitName(text: string, at: number): boolean {
  for (const length of [4, 3, 2]) {
    const stem = text.slice(at, at + length);
    if (
      stem.length !== length ||
      !gazetteer()
        .byStem(stem)
        .some((u) => u.level === 'prefecture' || u.level === 'county')
    )
      continue;
    // The word the dictionary starts there holds the whole stem (和田河|灌区), not only its first character (和|平台).
    if ((tagDictionaryWords(text.slice(at, at + 8))[0]?.word.length ?? 0) >= length) return true;
  }
  return false;
}

const MODALS = new Set(['能', '会', '要', '将', '可']);
const MAX_BOUNDARY_LENGTH = Math.max(...BOUNDARY_WORDS.map((w) => w.length));
const BOUNDARY_SET = new Set(BOUNDARY_WORDS);
/** A count in front of a name ("两大经济开发区", "5个小城镇") ends the name's left context. */
const COUNT_BEFORE = /(?:[0-9]+|[一二三四五六七八九十两几多]+)(?:大|个|条|项|座|所|家|只|批|类|种|级|片)$/;

export interface ScanOptions {
  maxBody: number;
  letters?: boolean;
  digits?: boolean;
  /** Texts that end a preceding name (镇, 乡, 区 …): the new name starts right after them. */
  stopAfter?: readonly string[];
  /** Further characters allowed inside a name (the hyphen of 西安河-高明河). */
  extraChars?: string;
  /** Boundary words that may occur inside this kind of name (至 in 郭巨至昆亭段改建). */
  insideWords?: ReadonlySet<string>;
}

function isBodyChar(ch: string, options: ScanOptions): boolean {
  return (
    isCjk(ch) ||
    (options.letters === true && LETTER.test(ch)) ||
    (options.digits === true && DIGIT.test(ch)) ||
    options.extraChars?.includes(ch) === true
  );
}

/** Whether a new name may start at `index`, judging by the text in front of it. */
export function boundaryBefore(
  text: string,
  index: number,
  stopAfter: readonly string[] = [],
  insideWords: ReadonlySet<string> = new Set(),
): boolean {
  if (index === 0) return true;
  const previous = text.charAt(index - 1);
  if (!isCjk(previous) && !LETTER.test(previous) && !DIGIT.test(previous)) return true;
  for (let length = Math.min(MAX_BOUNDARY_LENGTH, index); length >= 1; length--) {
    const word = text.slice(index - length, index);
    if (!BOUNDARY_SET.has(word) || insideWords.has(word)) continue;
    if (word === '和' && startsUnitName(text, index - 1) && boundaryBefore(text, index - 1, stopAfter, insideWords)) continue;
    // 氢能|源, 会|展: a modal verb glued by the dictionary to the character after it is that word's, not a boundary.
    if (MODALS.has(word) && isCommonWord(text.slice(index - 1, index + 1))) continue;
    return true;
  }
  // 实施好|长江, 保护好|东平湖: the complement 好 closes the boundary verb before it.
  if (
    previous === '好' &&
    index >= 2 &&
    text[index - 2] !== '好' &&
    boundaryBefore(text, index - 1, [], insideWords) &&
    isCjk(text[index - 2])
  )
    return true;
  // 省|级 is a level qualifier (省级), not the end of a province's name.
  if (text[index] !== '级' && stopAfter.some((s) => text.endsWith(s, index))) return true;
  return COUNT_BEFORE.test(text.slice(Math.max(0, index - 6), index));
}

/**
 * Where the name whose body ends at `bodyEnd` starts: walk left over name characters until punctuation or a
 * boundary word. Returns null when no boundary is found within maxBody characters (the extent is a guess).
 */
export function scanNameStart(text: string, bodyEnd: number, options: ScanOptions): number | null {
  let start = bodyEnd;
  for (;;) {
    if (boundaryBefore(text, start, options.stopAfter, options.insideWords)) return start;
    if (!isBodyChar(text.charAt(start - 1), options)) return start;
    if (bodyEnd - start >= options.maxBody) return null;
    start--;
  }
}

/**
 * Items of a 、-list starting at `listStart`; the first item is cut at the boundary in front of it (加快|瓜沥、塘栖),
 * or null without one within `maxBody` characters.
 */
export function listItems(
  text: string,
  listStart: number,
  list: string,
  options: ScanOptions,
): Array<{ name: string; start: number }> | null {
  const items: Array<{ name: string; start: number }> = [];
  let offset = listStart;
  for (const raw of list.split('、')) {
    items.push({ name: raw, start: offset });
    offset += raw.length + 1;
  }
  const [first] = items;
  if (!first) return null;
  const firstEnd = first.start + first.name.length;
  const start = scanNameStart(text, firstEnd, options);
  if (start === null || firstEnd - start < 2) return null;
  items[0] = { name: text.slice(start, firstEnd), start };
  return items;
}

/** Qualifiers that make a name a class, not a proper name: 省级特色小镇, 国家级开发区. */
const LEVEL_PREFIXES = [
  '首批',
  '第一批',
  '国家级',
  '省级',
  '市级',
  '区级',
  '县级',
  '镇级',
  '村级',
  '国家',
  '全国',
  '全省',
  '全市',
  '全区',
  '全县',
  '省',
  '市',
];

/** Words that describe without naming: a body made only of these is generic (特色小镇, 新型园区). */
const GENERIC_WORDS = new Set([
  '特色',
  '示范',
  '重点',
  '新型',
  '各类',
  '一批',
  '相关',
  '其他',
  '这些',
  '周边',
  '城市',
  '农村',
  '乡村',
  '城乡',
  '美丽',
  '传统',
  '主要',
  '重大',
  '大型',
  '小型',
  '中小',
  '一般',
  '标准',
  '现有',
  '新',
  '老',
  '大',
  '小',
  '优质',
  '高端',
  '高',
  '千亿级',
  '百亿级',
  '万亿级',
  '亿级',
  '高标准',
  '高水平',
  '放心',
  '平安',
  '文明',
  '卫生',
  '绿色',
  '生态',
  '低碳',
  '智慧',
  '智能',
  '数字',
  '创新',
  '双创',
  '众创',
  '一流',
  '知名',
  '首批',
  '第一批',
  '试点',
  '省内',
  '国内',
  '境外',
  '海外',
  '沿线',
  '沿江',
  '沿海',
  '区域',
  '区块',
  '地方',
  '基层',
  '该',
  '本',
  '此',
  '全域',
  '乡镇',
  '城镇',
  '集镇',
  '小城镇',
  '两岸',
  '城区',
  '市区',
  '镇区',
  '园区',
  '景区',
  '社区',
  '街区',
  '小区',
  '片区',
  '新区',
  '开发',
  '建设',
  '发展',
  '提升',
  '黑臭',
  '风情',
  '世界',
  '世界一流',
  '城际',
  '公里',
  '高科技',
  '高新技术',
  '金融',
  '科创',
  '文创',
  '新兴',
  '标杆',
  '高速',
  '旅游',
  '主导',
  '新城',
  '河',
  '江',
  '湖',
  '山',
  '水',
  '首批',
  '类',
  '精品',
  '污水',
  '管线',
  '管网',
  '信息',
  '外资',
  '非公立',
  '中小学',
  '中小',
  '公立',
  '民办',
  '公办',
  '大中型',
  '中型',
  '硬化',
  '获',
  '病险',
  '人均',
  // Quantifiers and rankings: 各县区, 部分路段, 普通公路, 百强县 name no unit.
  '各',
  '各县',
  '县',
  '部分',
  '普通',
  '所有',
  '全部',
  '百强',
  '十强',
  '千强',
  '强',
  '先进',
  // A network's shape (“田”字形高速铁路网).
  '字形',
  '新一代',
  '新一轮',
  '新一批',
  '首个',
]);

function stripLevelPrefixes(body: string): string {
  let rest = body;
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of LEVEL_PREFIXES) {
      if (rest.startsWith(prefix) && rest.length > prefix.length - 1) {
        rest = rest.slice(prefix.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** A body that names nothing in particular: empty after level prefixes, or only generic words. */
export function isGenericBody(body: string, extraGeneric: ReadonlySet<string> = new Set()): boolean {
  const rest = stripLevelPrefixes(body);
  if (rest.length === 0) return true;
  if (GENERIC_WORDS.has(rest) || extraGeneric.has(rest)) return true;
  const words = cutWords(rest);
  return words.every((w) => GENERIC_WORDS.has(w) || extraGeneric.has(w));
}

/** A count right after a name makes it a class of things ("美丽乡村公路140公里", "停车场5个"). */
const COUNT_AFTER =
  /^(?:[0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两百千万]+)(?:余|多)?(?:公里|千米|米|个|座|家|条|所|只|处|亩|万|平方|项|套|张|台|批)/;

const CLASS_COUNT_BEFORE = /(?:[0-9]+|[一二三四五六七八九十两几多]+)(?:个|条|座|所|家|只|批|类|种|片)$/;

/** A count right before a name makes it a class of things too ("一批电商镇", "5个小城镇"); 两大 only groups names. */
export function precededByCount(text: string, start: number): boolean {
  return CLASS_COUNT_BEFORE.test(text.slice(Math.max(0, start - 6), start));
}

export function followedByCount(text: string, end: number): boolean {
  return COUNT_AFTER.test(text.slice(end, end + 12));
}
