import { describe, expect, it } from 'vitest';
import { pinyinReadings } from '../../src/search/pinyin-readings.ts';

describe('pinyinReadings', () => {
  it('gives every reading of a polyphonic name, toneless and lower-case', () => {
    expect(pinyinReadings('崧厦镇')).toEqual(expect.arrayContaining(['songshazhen', 'songxiazhen']));
    expect(pinyinReadings('长江')).toEqual(expect.arrayContaining(['changjiang', 'zhangjiang']));
  });

  it('gives one reading for a name without polyphones and keeps letters and digits', () => {
    expect(pinyinReadings('钱塘江')).toEqual(['qiantangjiang']);
    expect(pinyinReadings('E商小镇')).toEqual(['eshangxiaozhen']);
  });

  it('bounds the number of readings of long names', () => {
    expect(pinyinReadings('重庆长乐行都会').length).toBeLessThanOrEqual(8);
  });
});
