// Generic project vocabulary: the verbs that introduce works in government reports and the words that end
// the name of a work.

/** Verbs whose objects are works to build ("开工建设艮山东路提升改造、文一西路快速路西延"), longest first. */
export const CONSTRUCTION_VERBS = [
  '加快建设', '开工建设', '全面建成', '建成运营', '建成投用', '加快推进', '新建改造', '启动', '建设', '建成', '完成', '实施',
  '新建', '改建', '扩建', '续建', '推进', '加快', '开工', '筹建', '迁建', '创建', '设立', '建立', '完善',
].sort((a, b) => b.length - a.length);

/** Verbs that report a work finished or begun ("杭长铁路客运专线建成投用"); the subject is the work. */
export const COMPLETION_VERBS = [
  '建成通车', '建成投用', '建成开园', '建成运营', '完成建设', '破土动工', '开工建设', '启动实施', '建成', '落成', '投用', '通车',
  '开园', '开学', '贯通', '成型', '竣工', '动工', '开业', '完成',
].sort((a, b) => b.length - a.length);

/** Adverbs between a subject and its completion verb (即将建成, 主体建成, 满铺开业). */
export const ADVERBS_BEFORE_COMPLETION = /(?:即将|基本|满铺|次第|主体|实现|顺利|全面|正式|已经|已|均|率先|如期|相继|陆续|先后|秋季|年内|全线)+$/;

/** Words that end the name of a work. */
export const PROJECT_HEADS = [
  '工程', '项目', '改造', '改建', '扩建', '拓宽', '东延', '西延', '南延', '北延', '北移', '南移', '东移', '西移', '外移', '复线',
  '整治', '治理', '修复', '加固', '一期', '二期', '三期', '住院楼', '综合楼', '大楼', '用房', '校区', '分院', '新建', '景区',
  '停车场', '体育馆', '游泳馆', '体育场', '系统', '平台', '大厅', '基地', '管网', '线路', '管道', '供水', '公园', '广场',
  '楼宇', '走廊', '骨架', '框架', '门户', '示范街', '礼堂', '学校', '小学', '中学', '幼儿园', '医院', '中心', '高铁', '铁路',
  '公路', '大道', '通道', '海塘', '段', '变', '支线', '客厅', '艺术村', '风情区', '示范区', '大世界', '路', '线', '升级',
];

/** What is said about a work after its name, not part of it ("…建设", "…主体工程", "…11座"). */
export const TRAILING_NOT_NAME = /(?:建设|创建工作|创建|主体工程|工作|[0-9.]+(?:余|多)?(?:座|个|家|所|条|公里|千米|米|平方米|万平方米|亩|只|项|套|张|台|处)(?:以上)?|量[0-9.]+%|[0-9.]+%)$/;
/** Lengths, areas and plain counts in front of a work say how much is built ("10公里城市道路提升改造"). */
export const LEADING_MEASURE = /^(?:[0-9.]+(?:余|多)?(?:公里|千米|万平方米|平方米|亩|个|家)|一批|各类|一系列)(?=[\u4e00-\u9fff“])/;
/** Money amounts open a class of projects ("5亿元以上产业项目"), not a named work. */
export const LEADING_AMOUNT = /^[0-9.]+(?:亿|万)?元/;
/** A count inside the last item closes the list ("瓜沥至临浦三条美丽乡村精品线" names 瓜沥至临浦). */
export const COUNT_IN_ITEM = /(?:[0-9]+|[一二三四五六七八九十两]+)(?:余|多)?(?:条|个|项|座|所|家)/;
