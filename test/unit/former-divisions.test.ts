import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../src/geo/gazetteer.ts';
import { extractEntities } from '../../src/ingest/extract/entities.ts';
import { oneParagraphContext } from '../helpers/seed-context.ts';

const places = (text: string, place: string, placeCode: string, year: number) =>
  extractEntities(oneParagraphContext(text, { year, place, placeCode })).entities.filter((e) => e.type === 'place');

describe('former divisions (earlier GB/T 2260 revisions)', () => {
  it('keeps a unit whose code is gone under its prefecture, marked former, and out of the current levels', () => {
    const [pixian] = gazetteer().byName('郫县');
    expect(pixian).toMatchObject({ code: '510124', level: 'county', parentCode: '510100', former: true });
    expect(
      gazetteer()
        .atLevel('county')
        .some((u) => u.name === '郫县'),
    ).toBe(false);
    expect(
      gazetteer()
        .children('510100')
        .map((u) => u.name),
    ).toContain('郫县');
  });

  it('reads a renamed unit, or the same unit under an earlier suffix, as today’s unit', () => {
    expect(
      gazetteer()
        .byName('襄樊市')
        .map((u) => u.name),
    ).toEqual(['襄阳市']);
    expect(
      gazetteer()
        .byName('密云县')
        .map((u) => u.name),
    ).toEqual(['密云区']);
    expect(
      gazetteer()
        .byName('定陶县')
        .map((u) => u.name),
    ).toEqual(['定陶区']);
    // Same stem, other level: the county 绍兴县 is not the prefecture 绍兴市.
    expect(gazetteer().byName('绍兴县')).toEqual([]);
    // A revision's placeholder rows are no unit.
    expect(gazetteer().byName('市')).toEqual([]);
    // Each unit once per stem, whatever names it bore (铜仁地区, 铜仁市).
    expect(
      gazetteer()
        .byStem('铜仁')
        .filter((u) => u.level === 'prefecture'),
    ).toHaveLength(1);
  });

  it('recognises a former county of the report’s city bare, and a renamed prefecture under the name written', () => {
    const found = places('推进龙泉驿、双流、郫县、新津等卫星城建设。', '成都市', '510100', 2010);
    expect(found.find((e) => e.name === '郫县')).toMatchObject({ code: '510124' });
    const renamed = places('加强与襄樊、十堰的合作。', '湖北省', '420000', 2005);
    expect(renamed.find((e) => e.code === '420600')).toMatchObject({ name: '襄樊市' });
  });
});
