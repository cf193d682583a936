// Generic organisation vocabulary: the suffixes of institution names, the organs of local government and
// the mass organisations every report thanks.
import type { SuffixRule } from './place-vocabulary.ts';

const ORG_GENERIC = [
  '基金', '跨国', '上市', '民营', '国有', '本土', '投资', '各类', '企业', '大企业', '行业', '中小', '公办', '民办', '国际',
  '高等', '重点', '知名', '优质', '相关', '非公立', '公立', '名', '职业', '社会', '商业', '金融', '科技', '龙头', '骨干',
  '研发', '科创', '服务', '综合', '公共', '养老', '文化', '便民', '运维', '结算', '采购', '创新', '孵化', '电子商务',
  '产业', '企业研究', '检测', '社区', '综合性', '乡镇', '城乡', '村级', '区域', '总部', '营运', '运营', '物流', '数据',
  '优秀', '全国', '大学', '先进', '示范', '星级', '一流', '著名', '新型',
];

export const ORGANIZATION_RULES: readonly SuffixRule[] = [
  { suffix: '大学', kind: 'university', minBody: 2, maxBody: 10, generic: ORG_GENERIC, nextBlock: '生' },
  { suffix: '学院', kind: 'college', minBody: 2, maxBody: 10, generic: ORG_GENERIC },
  { suffix: '中学', kind: 'school', minBody: 2, maxBody: 6, generic: ORG_GENERIC },
  { suffix: '小学', kind: 'school', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '学校', kind: 'school', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '医院', kind: 'hospital', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '银行', kind: 'bank', minBody: 2, maxBody: 6, generic: ORG_GENERIC },
  { suffix: '支行', kind: 'bank', minBody: 2, maxBody: 12, generic: ORG_GENERIC },
  { suffix: '分行', kind: 'bank', minBody: 2, maxBody: 12, generic: ORG_GENERIC },
  { suffix: '公司', kind: 'company', minBody: 2, maxBody: 10, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '集团', kind: 'company', minBody: 2, maxBody: 8, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '协会', kind: 'association', minBody: 2, maxBody: 8, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '联谊会', kind: 'association', minBody: 2, maxBody: 6, generic: ORG_GENERIC },
  { suffix: '商会', kind: 'association', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '研究院', kind: 'institute', minBody: 2, maxBody: 10, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '研究所', kind: 'institute', minBody: 2, maxBody: 10, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '实验室', kind: 'institute', minBody: 2, maxBody: 8, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '公证处', kind: 'agency', minBody: 2, maxBody: 6, generic: ORG_GENERIC },
  { suffix: '执法局', kind: 'agency', minBody: 2, maxBody: 6, generic: ['行政'] },
  { suffix: '管理局', kind: 'agency', minBody: 2, maxBody: 8, generic: ORG_GENERIC },
  { suffix: '委员会', kind: 'agency', minBody: 2, maxBody: 8, generic: ORG_GENERIC },
  { suffix: '中心', kind: 'center', minBody: 2, maxBody: 12, generic: ORG_GENERIC, countMeansClass: true, nextBlock: '大城区镇村' },
  { suffix: '体育馆', kind: 'venue', minBody: 2, maxBody: 6, generic: ORG_GENERIC },
  { suffix: '博物馆', kind: 'venue', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '图书馆', kind: 'venue', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '美术馆', kind: 'venue', minBody: 2, maxBody: 6, generic: ORG_GENERIC, countMeansClass: true },
  { suffix: '广场', kind: 'venue', minBody: 2, maxBody: 4, generic: [...ORG_GENERIC, '城市', '市民', '文化', '休闲'], countMeansClass: true },
];

/** Organs of government written with their level: 区委, 市人民政府, 区人大, 区政协, 区法院. */
export const GOVERNMENT_ORGAN = /([省市区县])(人民政府|政府|人大常委会|人大|政协|人民法院|法院|人民检察院|检察院|人武部|纪委|监委|委)/g;

/** Institutions a level prefix makes particular: 区人力资源市场, 区殡仪馆, 区监管中心, 区康复医院. */
export const LEVEL_INSTITUTION = /([区市县])([\u4e00-\u9fff]{2,6}?)(市场|中心|馆|医院|院|所|站)/g;

/** Mass organisations and institutions named the same in every report. */
export const STANDARD_ORGANIZATIONS = [
  '工商联', '红十字会', '红十字', '残联', '工青妇', '供销社', '妇联', '团委', '总工会', '科协', '侨联', '文联', '社科联',
  '人民医院', '中医院', '妇幼保健院', '实验小学', '实验中学',
];
