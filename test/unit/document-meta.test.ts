import { describe, expect, it } from 'vitest';
import { documentLabel, documentMeta } from '../../src/ingest/document-meta.ts';

describe('documentMeta', () => {
  it('reads place, code, level, dates and speaker from the meeting line', () => {
    const text = '政府工作报告\n——2017年4月9日在宁波市第十五届人民代表大会第一次会议上\n代市长 裘东耀\n各位代表：';
    const meta = documentMeta(text, '2017年政府工作报告', 'x/2017.md');
    expect(meta).toMatchObject({
      place: '宁波市',
      placeCode: '330200',
      level: 'prefecture',
      year: 2017,
      planYear: 2017,
      date: '2017-04-09',
      speaker: '裘东耀',
    });
    expect(meta.label).toBe('宁波市 2017年政府工作报告');
  });

  it('names a district within its city, and a State Council report by 国务院', () => {
    const district = documentMeta('绍兴市上虞区人民政府\n在上虞区第一届人民代表大会第一次会议上\n', undefined, 'a.txt');
    expect(district).toMatchObject({ place: '上虞区', placeCode: '330604', level: 'county' });
    const state = documentMeta(
      '**政府工作报告**\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n',
      undefined,
      '2024.md',
    );
    expect(state).toMatchObject({ place: '全国', level: 'state', year: 2024, speaker: '李强', label: '国务院 2024年政府工作报告' });
  });

  it('reads dates in Chinese numerals, plans the next year in December, and falls back to the folder', () => {
    const xiamen = documentMeta(
      '**――二〇二一年一月十八日在厦门市第十五届人民代表大会第六次会议上**\n',
      '厦门市第十五届人民代表大会第六次会议政府工作报告',
      'x.md',
    );
    expect(xiamen).toMatchObject({ date: '2021-01-18', year: 2021, place: '厦门市' });
    const december = documentMeta('各位代表：\n', '2021年政府工作报告（12月21日 张伟文）', 'c/兰州市/2022.md');
    expect(december).toMatchObject({ year: 2021, planYear: 2022, place: '兰州市', speaker: '张伟文' });
  });

  it('mends titles the sources letter-spaced or wrote twice', () => {
    const spaced = documentMeta('各位代表：\n', '2 0 1 9 年 政府工作报告', 'c/昆明市/2019.md');
    expect(spaced).toMatchObject({ title: '2019年政府工作报告', label: '昆明市 2019年政府工作报告' });
    const twice = documentMeta('各位代表：\n', '2016年昆明市政府工作报告2016年昆明市政府工作报告', 'c/昆明市/2016.md');
    expect(twice).toMatchObject({ title: '2016年昆明市政府工作报告', label: '昆明市 2016年政府工作报告' });
    expect(documentMeta('各位代表：\n', 'Annual Report 2019', 'x.md').title).toBe('Annual Report 2019');
  });

  it('keeps the title when place or year is unknown', () => {
    expect(documentLabel({ title: '工作报告', place: null, level: null, year: 2017 })).toBe('工作报告');
  });
});
