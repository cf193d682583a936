// Matching one indicator written differently in two reports, and keeping different indicators apart.
import { describe, expect, it } from 'vitest';
import { indicatorKey, nameSimilarity, SAME_INDICATOR } from '../../src/consistency/names.ts';

const same = (a: string, b: string) => nameSimilarity(a, b) >= SAME_INDICATOR;

describe('indicator names', () => {
  it('keys drop action verbs, quotes, item numbers, scope words and trailing 目标', () => {
    expect(indicatorKey('新建美丽乡村公路')).toBe('美丽乡村公路');
    expect(indicatorKey('空气质量优良率目标')).toBe('空气质量优良率');
    expect(indicatorKey('再实施“科学治废气”企业')).toBe('科学治废气企业');
    expect(indicatorKey('9.全市新增城镇就业')).toBe('城镇就业');
    expect(indicatorKey('研发经费支出与地区生产总值之比')).toBe('研发经费支出占地区生产总值比重');
    expect(indicatorKey('引进内资')).toBe('引进内资');
  });

  it('matches names with words added or reordered verbs', () => {
    expect(same('PM2.5平均浓度', 'PM2.5颗粒平均浓度')).toBe(true);
    expect(same('城市道路增亮', '道路增亮')).toBe(true);
    expect(same('提升改造农村公路', '农村公路提升改造')).toBe(true);
    expect(same('“僵尸企业”处置', '处置“僵尸企业”')).toBe(true);
    expect(same('研发经费支出与地区生产总值之比', '全社会研发经费支出占地区生产总值比重')).toBe(true);
  });

  it('keeps apart names that differ in what they measure, and bare generic nouns', () => {
    expect(same('城镇常住居民人均可支配收入', '农村常住居民人均可支配收入')).toBe(false);
    expect(same('新增上市公司', '首发上市')).toBe(false);
    expect(same('项目', '项目')).toBe(false);
    expect(same('“三改”', '“三改”')).toBe(true);
  });
});
