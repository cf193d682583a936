// Units: figures compare after conversion (万/亿 prefixes, spellings of one unit), and only within one measure.
import { describe, expect, it } from 'vitest';
import { comparableUnits, convert, toBase, unitFamily } from '../../src/consistency/units.ts';

describe('consistency units', () => {
  it('converts magnitude prefixes: 万 and 亿', () => {
    expect(convert(12000, '万元', '亿元')).toBe(1.2);
    expect(convert(1.35, '万亿元', '亿元')).toBe(13500);
    expect(convert(6.35, '万个', '个')).toBe(63500);
    expect(convert(5, '万平方米', '平方米')).toBe(50000);
    expect(toBase(1.2, '亿元')).toEqual({ value: 120000000, base: '元', family: 'money' });
  });

  it('treats spellings of one unit as one (千米 = 公里, 平米 = 平方米, 百分点 = 个百分点, ‰ in %)', () => {
    expect(convert(3, '千米', '公里')).toBe(3);
    expect(convert(500, '米', '公里')).toBe(0.5);
    expect(convert(2, '平米', '平方米')).toBe(2);
    expect(convert(1, '平方公里', '万平方米')).toBe(100);
    expect(convert(0.5, '百分点', '个百分点')).toBe(0.5);
    expect(convert(5, '‰', '%')).toBe(0.5);
  });

  it('keeps a share (%) apart from a change in it (个百分点), and different things apart', () => {
    expect(comparableUnits('%', '个百分点')).toBe(false);
    expect(convert(3, '%', '个百分点')).toBeNull();
    expect(convert(3, '公里', '平方米')).toBeNull();
    expect(convert(3, '家', '个')).toBeNull();
    expect(convert(3, '元/月', '元')).toBeNull();
  });

  it('names the family of a unit as the ingest reader does', () => {
    expect(unitFamily('%')).toBe('percent');
    expect(unitFamily('个百分点')).toBe('percent');
    expect(unitFamily('万平方米')).toBe('area');
    expect(unitFamily('公里')).toBe('length');
    expect(unitFamily('微克/立方米')).toBe('concentration');
    expect(unitFamily('家')).toBe('count');
  });
});
