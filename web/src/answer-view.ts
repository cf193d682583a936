// Renders an answer: linked entities, tasks, cited passages (mentions highlighted) and observations.
import type { Answer, Passage } from './api.ts';
import { button, h, highlighted, type Span } from './dom.ts';
import { colourOf, labelOfEntityType } from './labels.ts';

export interface AnswerContext {
  documentTitle(id: string): string;
  /** Exact mention spans per paragraph id, where the graph knows them. */
  spans: Map<string, Span[]>;
  showEntity(id: string): void;
  showParagraph(id: string): void;
}

/** Every occurrence of the words in the text. */
function wordSpans(text: string, words: string[], className?: string): Span[] {
  return words.flatMap((word) => {
    const spans: Span[] = [];
    for (let at = text.indexOf(word); word && at >= 0; at = text.indexOf(word, at + word.length)) spans.push({ start: at, end: at + word.length, title: word, className });
    return spans;
  });
}

/**
 * Entity mentions where the graph knows them, else the entities' names (an alias then goes unmarked); then
 * the Chinese terms an English question was searched with, marked apart.
 */
function passageSpans(passage: Passage, answer: Answer, context: AnswerContext): Span[] {
  const mentions = context.spans.get(passage.paragraphId) ?? wordSpans(passage.text, answer.entities.map((e) => e.name));
  return [...mentions, ...wordSpans(passage.text, answer.translatedTerms, 'term')];
}

function passageView(passage: Passage, rank: number, answer: Answer, context: AnswerContext): HTMLElement {
  const spans = passageSpans(passage, answer, context);
  return h('article', { class: 'passage', 'data-paragraph-id': passage.paragraphId },
    h('header', {},
      h('span', { class: 'rank' }, `#${rank}`),
      h('cite', {}, context.documentTitle(passage.documentId)),
      ...passage.retrievers.map((r) => h('span', { class: `retriever retriever-${r}` }, r)),
      h('span', { class: 'muted' }, `chars ${passage.charStart}–${passage.charEnd} · score ${passage.score}`),
      button('Show in graph', () => context.showParagraph(passage.paragraphId), { class: 'link' })),
    h('p', { lang: 'zh-Hans' }, highlighted(passage.text, spans)));
}

/** One row of figures per observation and its source sentence beneath: the answer column is narrow. */
function observationsTable(observations: Answer['observations']): HTMLElement {
  const columns = ['Indicator 指标', 'Value 数值', 'Kind 类型', 'Period 期间'];
  return h('table', { class: 'observations' },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    ...observations.map((o) => h('tbody', {},
      h('tr', {},
        h('td', {}, o.indicator),
        h('td', { class: 'number' }, `${o.comparator ? `${o.comparator} ` : ''}${o.value} ${o.unit}`),
        h('td', {}, o.kind), h('td', {}, o.period)),
      h('tr', { class: 'observation-text' }, h('td', { colspan: '4', lang: 'zh-Hans' }, o.text)))));
}

export function renderAnswer(container: HTMLElement, answer: Answer, context: AnswerContext): void {
  const chips = answer.entities.map((e) => {
    const chip = button(e.name, () => context.showEntity(e.id), { class: 'chip', title: `${e.type} · show in graph` });
    chip.style.setProperty('--chip', colourOf(labelOfEntityType(e.type)));
    return chip;
  });
  container.replaceChildren(
    h('p', { class: 'meta muted' }, `${answer.language === 'zh' ? '中文' : 'English'} · ${answer.intent} · ${answer.ms} ms`,
      answer.translatedTerms.length ? ` · searched as ${answer.translatedTerms.join('、')}` : ''),
    answer.semanticSearch === 'off'
      ? h('div', { class: 'notice', role: 'note' }, h('strong', {}, 'Semantic search is off 语义检索未启用'), h('ul', {}, ...answer.notes.map((n) => h('li', {}, n))))
      : answer.notes.length ? h('ul', { class: 'notes muted' }, ...answer.notes.map((n) => h('li', {}, n))) : '',
    h('h2', {}, 'Entities 实体'),
    chips.length ? h('div', { class: 'chips' }, ...chips) : h('p', { class: 'muted' }, 'No entity recognised in the question.'),
    h('h2', {}, `Tasks 任务 (${answer.tasks.length})`),
    answer.tasks.length
      ? h('ol', { class: 'tasks' }, ...answer.tasks.map((t) => h('li', { 'data-task-number': String(t.number) },
        h('span', { class: 'task-number' }, t.number), h('span', { class: 'task-title' }, t.title),
        h('span', { class: 'muted' }, [t.category, t.horizon === 'review' ? 'review 回顾' : ''].filter(Boolean).join(' · ')))))
      : h('p', { class: 'muted' }, 'No task found.'),
    h('h2', {}, `Passages 段落 (${answer.passages.length})`),
    ...answer.passages.map((p, i) => passageView(p, i + 1, answer, context)),
    answer.observations.length ? h('h2', {}, `Observations 数据 (${answer.observations.length})`) : '',
    answer.observations.length ? observationsTable(answer.observations) : '',
  );
}
