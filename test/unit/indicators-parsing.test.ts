import { describe, expect, it } from 'vitest';
import { parseChineseDecimal, parseChineseFraction, parseChineseNumeral } from '../../src/ingest/extract/indicators/numbers.ts';
import { scanQuantities } from '../../src/ingest/extract/indicators/quantities.ts';
import { matchUnit } from '../../src/ingest/extract/indicators/units.ts';
import { splitMetrics, trimMetricText } from '../../src/ingest/extract/indicators/metrics.ts';

const brief = (text: string) => scanQuantities(text).map((q) => [q.value, q.unit, q.form, q.qualifier]);

describe('Chinese numerals', () => {
  it('reads the forms reports use', () => {
    expect(parseChineseNumeral('七')).toBe(7);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('二十三')).toBe(23);
    expect(parseChineseNumeral('两千')).toBe(2000);
    expect(parseChineseNumeral('百')).toBe(100);
    expect(parseChineseNumeral('一百二十')).toBe(120);
    // 零 holds an empty place after a multiplier.
    expect(parseChineseNumeral('一百零八')).toBe(108);
    expect(parseChineseNumeral('一千一百零八')).toBe(1108);
    expect(parseChineseNumeral('三千零五十')).toBe(3050);
  });
  it('rejects digit lists and malformed numerals', () => {
    expect(parseChineseNumeral('一二')).toBeNull();
    expect(parseChineseNumeral('十百')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });
  it('reads fractions and decimals', () => {
    expect(parseChineseFraction('三', '二')).toBeCloseTo(2 / 3);
    expect(parseChineseFraction('百', '十一点五')).toBeCloseTo(0.115);
    expect(parseChineseDecimal('十一点五')).toBe(11.5);
    expect(parseChineseDecimal('点五')).toBeNull();
  });
});

describe('units', () => {
  it('takes the longest unit with its magnitude', () => {
    expect(matchUnit('万平方米以上', 0)).toMatchObject({ unit: '万平方米', family: 'area' });
    expect(matchUnit('个百分点', 0)).toMatchObject({ unit: '个百分点', family: 'percent' });
    expect(matchUnit('亿美元', 0)).toMatchObject({ unit: '亿美元', family: 'money' });
    expect(matchUnit(' 万元以下', 0)).toMatchObject({ unit: '万元', length: 3 });
  });
  it('reads a bare magnitude as money and refuses words that only start like a unit', () => {
    expect(matchUnit('亿,', 0)).toMatchObject({ unit: '亿元' });
    expect(matchUnit('亿级产业', 0)).toMatchObject({ unit: '亿元' });
    expect(matchUnit('万亿台阶', 0)).toBeNull();
    expect(matchUnit('年', 0)).toBeNull();
  });
});

describe('scanning figures', () => {
  it('finds numbers with units, Chinese or Arabic, with their qualifiers', () => {
    expect(brief('全年地区生产总值773.22亿元、增长7%')).toEqual([
      [773.22, '亿元', 'measure', null],
      [7, '%', 'measure', null],
    ]);
    expect(brief('区域融资总量首破两千亿元')).toEqual([[2000, '亿元', 'measure', null]]);
    expect(brief('城镇登记失业率控制在3.5%以内')).toEqual([[3.5, '%', 'measure', '以内']]);
    expect(brief('打造千亿级产业基地')).toEqual([[1000, '亿元', 'measure', '级']]);
    expect(brief('增长速度在百分之十一点五以上')).toEqual([[11.5, '%', 'fraction', '以上']]);
    expect(brief('确保新增财力三分之二以上用于民生')).toEqual([[66.6667, '%', 'fraction', '以上']]);
    expect(brief('全国实行了职工每周五天半工作制')).toEqual([]);
    expect(brief('收入20 万元以下村')).toEqual([[20, '万元', 'measure', '以下']]);
    const [approximate] = scanQuantities('城市骨架路等20余条城市道路');
    expect(approximate).toMatchObject({ value: 20, unit: '条', approximate: true });
  });
  it('shares a unit over listed numbers, and reads thousands groups, rates per day and 万 inside numerals', () => {
    expect(brief('分别完成198、174、70万平方米')).toEqual([
      [198, '万平方米', 'measure', null],
      [174, '万平方米', 'measure', null],
      [70, '万平方米', 'measure', null],
    ]);
    expect(brief('基本建成21 330套')).toEqual([[21330, '套', 'measure', null]]);
    expect(brief('新增污水处理规模75.5万吨/日')).toEqual([[75.5, '万吨/日', 'measure', null]]);
    expect(brief('由十四万六千吨增加到二十八万五千吨')).toEqual([
      [146000, '吨', 'measure', null],
      [285000, '吨', 'measure', null],
    ]);
    expect(brief('农业总产值达到一百三十七亿六千万元')).toEqual([[137.6, '亿元', 'measure', null]]);
    expect(brief('工业总产值达到二百三十亿六千万元')).toEqual([[230.6, '亿元', 'measure', null]]);
    expect(brief('工业总产值二百三十亿零六百万元')).toEqual([[230.06, '亿元', 'measure', null]]);
    expect(brief('总产量达到三亿零四百七十五万吨')).toEqual([[3.0475, '亿吨', 'measure', null]]);
  });
  it('leaves out years, dates, codes, road numbers, item numbers, ranges and quoted names', () => {
    expect(brief('以400~800米为半径')).toEqual([]);
    expect(brief('办好世界游泳锦标赛(25米)')).toEqual([]);
    expect(brief('2016年,是攻坚克难的一年')).toEqual([]);
    expect(brief('(2017年2月20日在区人民代表大会上)')).toEqual([]);
    expect(brief('G20峰会保障攻坚战取得全面胜利')).toEqual([]);
    expect(brief('启动104国道功能外移、329国道北移')).toEqual([]);
    expect(brief('19.实施“2521”城乡路网建设')).toEqual([]);
    expect(brief('制定出台《中国制造2025杭州行动纲要》')).toEqual([]);
    expect(brief('百崧河1号桥至2号桥河道整治')).toEqual([]);
    expect(brief('争创省第一批教育现代化县')).toEqual([]);
    expect(brief('PM2.5颗粒平均浓度46微克/立方米以下')).toEqual([[46, '微克/立方米', 'measure', '以下']]);
  });
  it('reads ranks, leagues, doublings, runs of years and grades', () => {
    expect(brief('工业强县综合评价全省第八')).toEqual([[8, '名', 'rank', null]]);
    expect(brief('两大经济开发区综合考评均居全省十强')).toEqual([[10, '强', 'league', null]]);
    expect(brief('人均收入比2010年翻一番')).toEqual([[2, '倍', 'double', null]]);
    expect(brief('外贸出口连续七年正增长')).toEqual([[7, '年', 'streak', null]]);
    expect(brief('创成4A级景区')).toEqual([[4, 'A级', 'grade', null]]);
    expect(brief('水质基本达到或优于Ⅲ类水')).toEqual([[3, '类', 'grade', null]]);
    expect(brief('全面消除劣Ⅴ类水')).toEqual([]);
    expect(brief('向第一方阵发起冲击,居全市第一方阵')).toEqual([]);
  });
});

describe('metric text', () => {
  it('drops the words around a metric', () => {
    expect(trimMetricText('全年地区生产总值').text).toBe('地区生产总值');
    expect(trimMetricText('其中一般公共预算收入年均分别增长').text).toBe('一般公共预算收入');
    expect(trimMetricText('空气质量优良率较2014年上升').text).toBe('空气质量优良率');
    expect(trimMetricText('直接融资增量连续三年超').text).toBe('直接融资增量');
    expect(trimMetricText('1978年又比1977年增长').text).toBe('');
    expect(trimMetricText('全市生产总值从2011年的').text).toBe('生产总值');
    expect(trimMetricText('1962年的粮食总产量将比1961年的二千亿斤').text).toBe('粮食总产量');
    expect(trimMetricText('钢产量又比上年同期').text).toBe('钢产量');
  });
  it('splits paired metrics over their figures', () => {
    expect(splitMetrics('城乡常住居民人均可支配收入', 2)).toEqual(['城镇常住居民人均可支配收入', '农村常住居民人均可支配收入']);
    expect(splitMetrics('城镇和农村常住居民人均可支配收入', 2)).toEqual(['城镇常住居民人均可支配收入', '农村常住居民人均可支配收入']);
    expect(splitMetrics('安全生产事故起数和死亡人数', 2)).toEqual(['安全生产事故起数', '安全生产事故死亡人数']);
    expect(splitMetrics('规上高新技术产业、装备制造业增加值', 2)).toEqual(['规上高新技术产业增加值', '装备制造业增加值']);
    expect(splitMetrics('地区生产总值、一般公共预算收入', 2)).toEqual(['地区生产总值', '一般公共预算收入']);
    expect(splitMetrics('新建、改建中小学和幼儿园', 1)).toEqual(['新建、改建中小学和幼儿园']);
  });
});
