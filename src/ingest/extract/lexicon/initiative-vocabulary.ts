// Policy vocabulary for initiatives: the words that head a programme's name and national programmes that
// reports name without quotes. These are the same in every report.

/** Words that follow a quoted programme name and belong to it (“地票”改革, “三名”工程), longest first. */
export const PROGRAMME_HEADS = [
  '三年行动计划',
  '行动计划',
  '三年计划',
  '联动改革',
  '培育计划',
  '培养计划',
  '五年规划',
  '工程',
  '计划',
  '战略',
  '建设',
  '改革',
  '行动',
  '创建',
  '活动',
  '试点',
  '机制',
  '体系',
  '模式',
  '理念',
  '经济',
  '品牌',
  '招商',
  '规划',
  '联动',
  '工作',
  '攻坚战',
].sort((a, b) => b.length - a.length);

/** Heads of programme names written without quotes: 小城镇环境综合整治三年行动计划, 山海协作工程, 拥江发展战略. */
export const UNQUOTED_PROGRAMME_HEADS: ReadonlyArray<{ head: string; keepsBodyAsAlias: boolean }> = [
  { head: '三年行动计划', keepsBodyAsAlias: false },
  { head: '三年建设计划', keepsBodyAsAlias: false },
  { head: '三年行动', keepsBodyAsAlias: true },
  { head: '三年计划', keepsBodyAsAlias: false },
  { head: '行动计划', keepsBodyAsAlias: false },
  { head: '专项行动', keepsBodyAsAlias: true },
  { head: '攻坚战', keepsBodyAsAlias: true },
  { head: '工程', keepsBodyAsAlias: false },
  { head: '战略', keepsBodyAsAlias: false },
];

/** Words before a quotation that make it an honour or a title, not a programme (被评为“全国围棋之乡”). */
export const HONOUR_BEFORE = /(?:评为|命名为|荣膺|荣获|获评|授予|获得|被列为|入选|称为|誉为)\s*$/;
export const HONOUR_AFTER = /^\s*(?:称号|荣誉|奖)/;

/** A counted bundle of programmes (六大战略, 两大试点, 四个全面); the head is the kind of thing counted. */
export const BUNDLE_PHRASE = /([一二三四五六七八九十两]+)(大|个|项)(战略|理念|规定|工程|行动|计划|试点|举措|改革|活动)/g;
/** A quoted bundle name: “六个浙江”, “三个年”, “五大发展理念”. */
export const QUOTED_BUNDLE = /^([一二三四五六七八九十两]+)(个|大|项)([\u4e00-\u9fff+]{1,6})$/;
/** Bundles that are programmes themselves; the others (两大试点) only introduce their parts. */
export const PROGRAMME_BUNDLE_HEADS = new Set(['战略', '理念', '规定', '工程', '行动', '计划', '活动']);

/**
 * National and provincial programmes that reports name without quotes. Policy vocabulary, not any one
 * report's names.
 */
export const KNOWN_PROGRAMMES = [
  '美丽乡村',
  '乡村振兴',
  '精准扶贫',
  '一带一路',
  '五水共治',
  '五气合治',
  '三改一拆',
  '四边三化',
  '最多跑一次',
  '放管服',
  '八项规定',
  '供给侧结构性改革',
  '河长制',
  '两学一做',
  '三严三实',
  '全域旅游',
  '厕所革命',
  '大众创业、万众创新',
  '互联网+',
  '中国制造2025',
  '新型城镇化',
  '美丽中国',
  '健康中国',
  '平安中国',
  '法治中国',
  '数字中国',
  '四个全面',
  '五大发展理念',
  '腾笼换鸟',
  '机器换人',
  '亩均论英雄',
  '三去一降一补',
  '清三河',
  '剿灭劣V类水',
  '污水零直排',
  '蓝天保卫战',
];
