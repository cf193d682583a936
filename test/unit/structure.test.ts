// Structure of the seed against ../shared/eval/seed-structure.json, and of the generic patterns on small texts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeWidth } from '../../src/ingest/normalize.ts';
import { chineseNumeral, headingHorizon, numeralOf, parseStructure, splitSentences } from '../../src/ingest/structure.ts';
import { sharedPath } from '../helpers/shared.ts';
import { expectDefined } from '../helpers/expect-defined.ts';

const SEED = new URL('../../seeds/shangyu-2017-government-work-report.txt', import.meta.url);
const GOLD = JSON.parse(readFileSync(sharedPath('eval', 'seed-structure.json'), 'utf8'));

function structureOf(text: string, boldLines: Array<{ charStart: number; charEnd: number }> = []) {
  return parseStructure({ documentId: 'doc', text, normalized: normalizeWidth(text), boldLines });
}

describe('seed structure', () => {
  const text = readFileSync(SEED, 'utf8');
  const { sections, tasks, paragraphs } = structureOf(text);
  const parts = sections.filter((s) => s.level === 'part');
  const itemsOf = (path: string) => tasks.filter((t) => t.sectionPath === path || t.sectionPath.startsWith(`${path}/`));

  it('finds the three parts with their titles and offsets', () => {
    expect(parts.map((p) => p.title)).toEqual(GOLD.parts.map((p: { title: string }) => p.title));
    expect(parts.map((p) => p.charStart)).toEqual(GOLD.parts.map((p: { char_start: number }) => p.char_start));
  });

  it('finds the 40 numbered 2017 tasks with titles, categories and offsets', () => {
    const planned = itemsOf(expectDefined(parts[2]).path);
    expect(planned.map((t) => t.number)).toEqual(GOLD.tasks2017.map((t: { number: number }) => t.number));
    expect(planned.map((t) => t.title)).toEqual(GOLD.tasks2017.map((t: { title: string }) => t.title));
    expect(
      planned.map(
        (t) =>
          `（${'一二三四五'[['经济建设方面', '城乡建设方面', '生态建设方面', '社会建设方面', '政府自身建设方面'].indexOf(expectDefined(t.category))]}）${t.category}`,
      ),
    ).toEqual(GOLD.tasks2017.map((t: { category: string }) => t.category));
    expect(planned.map((t) => t.charStart)).toEqual(GOLD.tasks2017.map((t: { char_start: number }) => t.char_start));
  });

  it('finds the 5 points of the 2016 review, the 4 five-year review points and the 4 five-year paths', () => {
    const review = itemsOf(expectDefined(parts[0]).path);
    expect(review.map((t) => t.title)).toEqual([...GOLD.review2016, ...GOLD.review5yr].map((t: { title: string }) => t.title));
    expect(itemsOf(expectDefined(parts[1]).path).map((t) => t.title)).toEqual(GOLD.paths5yr.map((t: { title: string }) => t.title));
  });

  it('marks review points as review, the five-year paths as multi-year and the 2017 tasks as year', () => {
    expect(parts.map((p) => p.horizon)).toEqual(['review', 'multi-year', 'year']);
    expect(new Set(itemsOf(expectDefined(parts[0]).path).map((t) => t.horizon))).toEqual(new Set(['review']));
    expect(new Set(itemsOf(expectDefined(parts[1]).path).map((t) => t.horizon))).toEqual(new Set(['multi-year']));
    expect(new Set(itemsOf(expectDefined(parts[2]).path).map((t) => t.horizon))).toEqual(new Set(['year']));
  });

  it('cuts paragraphs into sentences whose offsets point into the text', () => {
    const task19 = expectDefined(paragraphs.find((p) => p.text.startsWith('19.')));
    expect(task19.sentences.length).toBeGreaterThan(3);
    for (const s of task19.sentences) expect(text.slice(s.charStart, s.charEnd)).toBe(text.slice(s.charStart, s.charEnd).trimStart());
    expect(text.slice(expectDefined(task19.sentences[0]).charStart, expectDefined(task19.sentences[0]).charEnd)).toBe(
      '19.实施“2521”城乡路网建设。',
    );
  });
});

describe('generic patterns', () => {
  it('reads Chinese numerals', () => {
    expect([
      chineseNumeral('一'),
      chineseNumeral('十'),
      chineseNumeral('十二'),
      chineseNumeral('二十'),
      chineseNumeral('二十三'),
      chineseNumeral('一百零五'),
    ]).toEqual([1, 10, 12, 20, 23, 105]);
    for (let n = 1; n <= 2100; n++) expect(chineseNumeral(numeralOf(n))).toBe(n);
  });

  it('treats bold headings as parts when a report has no numbered parts, and 一是 lines as items', () => {
    const text =
      '政府工作报告\n各位代表：\n2017年工作回顾\n一是稳增长。地区生产总值增长7%。\n二是促改革。完成改革任务。\n2018年工作安排\n全年目标如下。';
    const start = (line: string) => text.indexOf(line);
    const bold = ['政府工作报告', '2017年工作回顾', '2018年工作安排'].map((l) => ({ charStart: start(l), charEnd: start(l) + l.length }));
    const { sections, tasks } = structureOf(text, bold);
    expect(sections.map((s) => s.title)).toEqual(['2017年工作回顾', '2018年工作安排']);
    expect(tasks.map((t) => [t.number, t.title])).toEqual([
      [1, '稳增长'],
      [2, '促改革'],
    ]);
  });

  it('falls back to short unpunctuated lines as parts when a report has neither numbering nor bold', () => {
    const text =
      '政府工作报告\n市长 某某\n各位代表：\n过去五年回顾及2021年主要工作\n五年来，地区生产总值年均增长7%，各项事业全面进步。\n今后五年的奋斗目标及2022年工作安排\n今后五年，我们将继续努力。';
    expect(structureOf(text).sections.map((s) => s.title)).toEqual(['过去五年回顾及2021年主要工作', '今后五年的奋斗目标及2022年工作安排']);
  });

  it('accepts abridged reports whose numbering opens at 二', () => {
    const text = '各位代表：\n去年工作很好，各项指标完成。\n二、今年的主要任务\n（一）稳增长。推进项目建设。';
    expect(structureOf(text).sections.map((s) => [s.path, s.title])).toEqual([
      ['二', '今年的主要任务'],
      ['二/（一）', '稳增长'],
    ]);
  });

  it('keeps inline section headings as titles and their text as a paragraph', () => {
    const text = '一、今年工作\n（一）加快改革，增强活力。推进重点改革。\n（二）扩大开放。深化合作。';
    const { sections, paragraphs } = structureOf(text);
    expect(sections.map((s) => [s.path, s.title])).toEqual([
      ['一', '今年工作'],
      ['一/（一）', '加快改革，增强活力'],
      ['一/（二）', '扩大开放'],
    ]);
    expect(paragraphs).toHaveLength(2);
  });

  it('tells review, year, multi-year and other parts by their headings and the plan year', () => {
    const horizon = (title: string) => headingHorizon(title, 2018);
    expect(
      ['2017年工作回顾', '过去五年工作回顾', '本届政府工作回顾', '2017年主要工作和成效', '2017年工作', '一、2017年计划的执行情况'].map(
        horizon,
      ),
    ).toEqual(['review', 'review', 'review', 'review', 'review', 'review']);
    expect(['当前形势和2018年重点工作', '2018年政府主要工作安排', '2017年工作回顾和2018年工作安排', '今年的主要任务'].map(horizon)).toEqual(
      ['year', 'year', 'year', 'year'],
    );
    expect(['今后五年的目标任务', '“十四五”时期的主要目标', '2018—2022年奋斗目标'].map(horizon)).toEqual([
      'multi-year',
      'multi-year',
      'multi-year',
    ]);
    expect(['切实加强政府自身建设', '全面加强政府建设'].map(horizon)).toEqual(['other', 'other']);
    expect(horizon('扩大内需')).toBeNull();
  });

  it('numbers any count of unnumbered parts (130 bold headings) with distinct paths', () => {
    const headings = Array.from({ length: 130 }, (_, i) => `第${i + 1}项工作安排`);
    const text = ['各位代表：', ...headings.flatMap((h) => [h, `围绕${h}推进各项工作，全年完成目标。`])].join('\n');
    const bold = headings.map((h) => ({ charStart: text.indexOf(`\n${h}\n`) + 1, charEnd: text.indexOf(`\n${h}\n`) + 1 + h.length }));
    const parts = structureOf(text, bold).sections.filter((s) => s.level === 'part');
    expect(parts).toHaveLength(130);
    expect(new Set(parts.map((p) => p.id)).size).toBe(130);
    expect(parts.slice(108, 112).map((p) => p.path)).toEqual(['一百零九', '一百一十', '一百一十一', '一百一十二']);
    expect(parts.every((p) => !p.path.includes('undefined'))).toBe(true);
  });

  it('splits sentences at Chinese and ASCII stops', () => {
    expect(splitSentences('甲。乙！丙?丁', 10)).toEqual([
      { charStart: 10, charEnd: 12 },
      { charStart: 12, charEnd: 14 },
      { charStart: 14, charEnd: 16 },
      { charStart: 16, charEnd: 17 },
    ]);
  });
});
