// Two small hand-made report graphs for the GraphStore contract. They share one place (青山镇), so deleting
// one document must keep it; every offset is computed from the text, so spans always match their surfaces.
import { contentHash, stableId } from '../../src/domain/ids.ts';
import type { Chunk, DocumentGraph, Entity, Mention, Observation, Paragraph, Relation, Section, Task } from '../../src/domain/schemas.ts';

/** Half-open span of the n-th occurrence (0-based) of `needle` in `text`, searching from `after`. */
function spanOf(text: string, needle: string, occurrence = 0, after = 0): { charStart: number; charEnd: number } {
  let at = text.indexOf(needle, after);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`fixture: "${needle}" not found`);
  return { charStart: at, charEnd: at + needle.length };
}

interface DocumentBuilder {
  id: string;
  text: string;
  section(
    path: string,
    parentPath: string | null,
    heading: string,
    title: string,
    ordinal: number,
    level: Section['level'],
    endsBefore: string | null,
  ): Section;
  task(section: Section, number: number, line: string, title: string): Task;
  paragraph(section: Section, task: Task | null, line: string, ordinal: number): Paragraph;
  mention(entity: Entity, paragraph: Paragraph, surface: string, occurrence?: number): Mention;
  observation(
    indicator: Entity,
    paragraph: Paragraph,
    clause: string,
    value: number,
    unit: string,
    kind: Observation['kind'],
    period: string,
    comparator: Observation['comparator'],
  ): Observation;
  relation(type: Relation['type'], from: Entity, to: Entity, paragraph: Paragraph): Relation;
  chunk(paragraph: Paragraph): Chunk;
}

function builder(text: string): DocumentBuilder {
  const id = contentHash(text);
  const sentencesOf = (start: number, line: string) => {
    const out: Array<{ charStart: number; charEnd: number }> = [];
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '。' || i === line.length - 1) {
        out.push({ charStart: start + from, charEnd: start + i + 1 });
        from = i + 1;
      }
    }
    return out;
  };
  return {
    id,
    text,
    section(path, parentPath, heading, title, ordinal, level, endsBefore) {
      const start = spanOf(text, heading).charStart;
      const charEnd = endsBefore === null ? text.length : spanOf(text, endsBefore).charStart;
      return {
        id: stableId('sec', id, path),
        documentId: id,
        path,
        parentPath,
        title,
        ordinal,
        level,
        horizon: 'year',
        charStart: start,
        charEnd,
      };
    },
    task(section, number, line, title) {
      const span = spanOf(text, line);
      return {
        id: stableId('task', id, span.charStart),
        documentId: id,
        sectionPath: section.path,
        number,
        title,
        category: section.level === 'section' ? section.title : null,
        horizon: 'year',
        parentId: null,
        ...span,
      };
    },
    paragraph(section, task, line, ordinal) {
      const span = spanOf(text, line);
      return {
        id: stableId('par', id, span.charStart),
        documentId: id,
        sectionPath: section.path,
        taskId: task?.id ?? null,
        ordinal,
        text: line,
        sentences: sentencesOf(span.charStart, line),
        ...span,
      };
    },
    mention(entity, paragraph, surface, occurrence = 0) {
      const span = spanOf(text, surface, occurrence, paragraph.charStart);
      if (span.charEnd > paragraph.charEnd) throw new Error(`fixture: "${surface}" is outside its paragraph`);
      return { entityId: entity.id, documentId: id, paragraphId: paragraph.id, surface, ...span };
    },
    observation(indicator, paragraph, clause, value, unit, kind, period, comparator) {
      const span = spanOf(text, clause, 0, paragraph.charStart);
      return {
        id: stableId('obs', id, span.charStart, span.charEnd, indicator.name),
        indicatorId: indicator.id,
        indicator: indicator.name,
        value,
        unit,
        kind,
        period,
        comparator,
        documentId: id,
        paragraphId: paragraph.id,
        text: clause,
        ...span,
      };
    },
    relation(type, from, to, paragraph) {
      return { type, fromId: from.id, toId: to.id, documentId: id, paragraphId: paragraph.id };
    },
    chunk(paragraph) {
      return {
        id: stableId('chk', id, paragraph.charStart, paragraph.charEnd),
        documentId: id,
        paragraphId: paragraph.id,
        sectionPath: paragraph.sectionPath,
        taskId: paragraph.taskId,
        text: paragraph.text,
        charStart: paragraph.charStart,
        charEnd: paragraph.charEnd,
      };
    },
  };
}

// ── Entities (ids as resolution would give them: the same in every document) ──────────────────────────

export const QINGSHAN_TOWN: Entity = {
  id: 'place_qingshanzhen',
  type: 'place',
  name: '青山镇',
  kind: 'town',
  aliases: [],
  pinyin: 'qingshanzhen',
};
export const MINGHU_PROJECT: Entity = {
  id: 'project_minghuzhiligongcheng',
  type: 'project',
  name: '明湖治理工程',
  kind: null,
  aliases: [],
  pinyin: 'minghuzhiligongcheng',
};
export const SANGAI_INITIATIVE: Entity = {
  id: 'initiative_sangaiyichai',
  type: 'initiative',
  name: '三改一拆',
  kind: 'campaign',
  aliases: [],
  pinyin: 'sangaiyichai',
};
export const GDP_INDICATOR: Entity = {
  id: 'indicator_diqushengchanzongzhi',
  type: 'indicator',
  name: '地区生产总值',
  kind: null,
  aliases: [],
  pinyin: 'diqushengchanzongzhi',
};
export const BINJIANG_PARK: Entity = {
  id: 'project_binjianggongyuan',
  type: 'project',
  name: '滨江公园',
  kind: null,
  aliases: [],
  pinyin: 'binjianggongyuan',
};

// ── Document A: a 2017 report with a review part, two numbered tasks and three observations ───────────

const A_REVIEW = '2016年全县实现地区生产总值500亿元,增长7.5%。青山镇完成明湖治理工程一期。';
const A_TASK_1 = '1.实施“三改一拆”行动。在青山镇全面推进“三改一拆”,加快明湖治理工程建设。';
const A_TASK_2 = '2.发展数字经济。全年地区生产总值增长7%左右。';
const A_TEXT = [
  '示范县2017年政府工作报告',
  '一、2016年工作回顾',
  A_REVIEW,
  '二、2017年主要任务',
  '(一)经济建设方面',
  A_TASK_1,
  A_TASK_2,
  '',
].join('\n');

function buildDocumentA(): DocumentGraph {
  const b = builder(A_TEXT);
  const review = b.section('一', null, '一、2016年工作回顾', '2016年工作回顾', 1, 'part', '二、2017年主要任务');
  const plan = b.section('二', null, '二、2017年主要任务', '2017年主要任务', 2, 'part', null);
  const economy = b.section('二/(一)', '二', '(一)经济建设方面', '经济建设方面', 1, 'section', null);
  const task1 = b.task(economy, 1, A_TASK_1, '实施“三改一拆”行动');
  const task2 = b.task(economy, 2, A_TASK_2, '发展数字经济');
  const pReview = b.paragraph(review, null, A_REVIEW, 1);
  const pTask1 = b.paragraph(economy, task1, A_TASK_1, 2);
  const pTask2 = b.paragraph(economy, task2, A_TASK_2, 3);
  const paragraphs = [pReview, pTask1, pTask2];
  return {
    document: {
      id: b.id,
      title: '示范县2017年政府工作报告',
      label: '示范县 2017年政府工作报告',
      place: '示范县',
      placeCode: null,
      level: 'county',
      year: 2017,
      planYear: 2017,
      speaker: null,
      issuer: '示范县人民政府',
      date: '2017-01-10',
      sourcePath: 'fixtures/a.txt',
      source: null,
      text: A_TEXT,
    },
    sections: [review, plan, economy],
    tasks: [task1, task2],
    paragraphs,
    entities: [QINGSHAN_TOWN, MINGHU_PROJECT, SANGAI_INITIATIVE, GDP_INDICATOR],
    mentions: [
      b.mention(GDP_INDICATOR, pReview, '地区生产总值'),
      b.mention(QINGSHAN_TOWN, pReview, '青山镇'),
      b.mention(MINGHU_PROJECT, pReview, '明湖治理工程'),
      b.mention(SANGAI_INITIATIVE, pTask1, '三改一拆', 0),
      b.mention(SANGAI_INITIATIVE, pTask1, '三改一拆', 1),
      b.mention(QINGSHAN_TOWN, pTask1, '青山镇'),
      b.mention(MINGHU_PROJECT, pTask1, '明湖治理工程'),
      b.mention(GDP_INDICATOR, pTask2, '地区生产总值'),
    ],
    observations: [
      b.observation(GDP_INDICATOR, pReview, '实现地区生产总值500亿元', 500, '亿元', 'actual', '2016', null),
      b.observation(GDP_INDICATOR, pReview, '增长7.5%', 7.5, '%', 'growth', '2016', null),
      b.observation(GDP_INDICATOR, pTask2, '地区生产总值增长7%左右', 7, '%', 'growth_target', '2017', '左右'),
    ],
    relations: [b.relation('LOCATED_IN', MINGHU_PROJECT, QINGSHAN_TOWN, pTask1)],
    chunks: paragraphs.map((p) => b.chunk(p)),
  };
}

// ── Document B: a 2018 report that mentions the same town, once by a short alias ──────────────────────

const B_REVIEW = '青山镇建成滨江公园,青山片区面貌明显改善。';
const B_TASK_1 = '1.建设滨江公园二期。继续推进滨江公园建设,服务青山镇居民。';
const B_TEXT = ['示范县2018年政府工作报告', '一、2017年工作回顾', B_REVIEW, '二、2018年主要任务', B_TASK_1, ''].join('\n');

function buildDocumentB(): DocumentGraph {
  const b = builder(B_TEXT);
  const review = b.section('一', null, '一、2017年工作回顾', '2017年工作回顾', 1, 'part', '二、2018年主要任务');
  const plan = b.section('二', null, '二、2018年主要任务', '2018年主要任务', 2, 'part', null);
  const task1 = b.task(plan, 1, B_TASK_1, '建设滨江公园二期');
  const pReview = b.paragraph(review, null, B_REVIEW, 1);
  const pTask1 = b.paragraph(plan, task1, B_TASK_1, 2);
  const town: Entity = { ...QINGSHAN_TOWN, aliases: ['青山'] };
  return {
    document: {
      id: b.id,
      title: '示范县2018年政府工作报告',
      label: '示范县 2018年政府工作报告',
      place: '示范县',
      placeCode: null,
      level: 'county',
      year: 2018,
      planYear: 2018,
      speaker: null,
      issuer: null,
      date: null,
      sourcePath: 'fixtures/b.txt',
      source: 'https://example.org/b',
      text: B_TEXT,
    },
    sections: [review, plan],
    tasks: [task1],
    paragraphs: [pReview, pTask1],
    entities: [town, { ...BINJIANG_PARK, aliases: ['滨江中央公园'] }],
    mentions: [
      b.mention(town, pReview, '青山镇'),
      b.mention(BINJIANG_PARK, pReview, '滨江公园'),
      b.mention(town, pReview, '青山', 1),
      b.mention(BINJIANG_PARK, pTask1, '滨江公园', 0),
      b.mention(BINJIANG_PARK, pTask1, '滨江公园', 1),
      b.mention(town, pTask1, '青山镇'),
    ],
    observations: [],
    relations: [b.relation('LOCATED_IN', BINJIANG_PARK, town, pReview)],
    chunks: [pReview, pTask1].map((p) => b.chunk(p)),
  };
}

export const DOCUMENT_A = buildDocumentA();
export const DOCUMENT_B = buildDocumentB();

/** One embedding per chunk (4 dimensions, distinct per chunk) so stores can keep and return them. */
export function fixtureVectors(graph: DocumentGraph): Float32Array[] {
  return graph.chunks.map((_, i) => Float32Array.from([1, i + 1, graph.document.year ?? 0, 0.5]));
}

/**
 * Valid by the schema but impossible to store: two observations share an id, so the write fails late, after
 * the document, its paragraphs, a new alias of the shared town and its mentions were already sent.
 */
export function documentFailingMidWrite(): DocumentGraph {
  const line = '青山镇地区生产总值增长8%。';
  const text = `示范县2019年政府工作报告\n一、总体要求\n${line}\n`;
  const b = builder(text);
  const part = b.section('一', null, '一、总体要求', '总体要求', 1, 'part', null);
  const paragraph = b.paragraph(part, null, line, 1);
  const town: Entity = { ...QINGSHAN_TOWN, aliases: ['青山街区'] };
  const observation = b.observation(GDP_INDICATOR, paragraph, '地区生产总值增长8%', 8, '%', 'growth', '2019', null);
  return {
    document: {
      id: b.id,
      title: '示范县2019年政府工作报告',
      label: '示范县 2019年政府工作报告',
      place: '示范县',
      placeCode: null,
      level: 'county',
      year: 2019,
      planYear: 2019,
      speaker: null,
      issuer: null,
      date: null,
      sourcePath: 'fixtures/c.txt',
      source: null,
      text,
    },
    sections: [part],
    tasks: [],
    paragraphs: [paragraph],
    entities: [town, GDP_INDICATOR],
    mentions: [b.mention(town, paragraph, '青山镇'), b.mention(GDP_INDICATOR, paragraph, '地区生产总值')],
    observations: [observation, { ...observation, value: 9 }],
    relations: [],
    chunks: [b.chunk(paragraph)],
  };
}
