// Renders an answer: summary, linked entities as chips, tasks, cited passages (matched spans highlighted, with
// the retrievers that found them) and observations.
import type { Answer, Passage } from './api.ts';
import { button, h, highlighted, type Span } from './dom.ts';
import { t } from './i18n.ts';
import { colourOf, labelOfEntityType } from './labels.ts';

export interface AnswerContext {
  documentTitle(id: string): string;
  /** Exact mention spans per paragraph id, where the graph knows them. */
  spans: Map<string, Span[]>;
  showEntity(id: string): void;
  showParagraph(id: string): void;
  showTask(documentId: string, number: number): void;
  showAnswerGraph(): void;
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
 * Entity mentions where the graph knows them, then the spans the search matched (terms of the question,
 * translated terms), then the entities' names; overlapping spans are skipped when drawn.
 */
function passageSpans(passage: Passage, answer: Answer, context: AnswerContext): Span[] {
  const mentions = context.spans.get(passage.paragraphId) ?? [];
  const matched = (passage.spans ?? []).map((s) => ({ start: s.start, end: s.end, title: s.text, className: 'term' }));
  return [...mentions, ...matched, ...wordSpans(passage.text, answer.entities.map((e) => e.name)), ...wordSpans(passage.text, answer.translatedTerms, 'term')];
}

function passageView(passage: Passage, rank: number, answer: Answer, context: AnswerContext): HTMLElement {
  const via = passage.via ?? {};
  return h('article', { class: 'passage', 'data-paragraph-id': passage.paragraphId },
    h('header', {},
      h('span', { class: 'rank' }, `#${rank}`),
      h('cite', {}, context.documentTitle(passage.documentId)),
      ...passage.retrievers.map((r) => h('span', { class: `retriever retriever-${r}`, title: via[r] ?? r }, r)),
      h('span', { class: 'muted' }, `${passage.charStart}–${passage.charEnd} · ${passage.score}`),
      button(t('ask.showInGraph'), () => context.showParagraph(passage.paragraphId), { class: 'link' })),
    h('p', { lang: 'zh-Hans' }, highlighted(passage.text, passageSpans(passage, answer, context))));
}

/** One row of figures per observation and its source sentence beneath: the answer column can be narrow. */
function observationsTable(observations: Answer['observations']): HTMLElement {
  const columns = [t('col.indicator'), t('col.value'), t('col.kind'), t('col.period')];
  return h('table', { class: 'observations' },
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
    ...observations.map((o) => h('tbody', {},
      h('tr', {},
        h('td', {}, o.indicator),
        h('td', { class: 'number' }, `${o.comparator ? `${o.comparator} ` : ''}${o.value} ${o.unit}`),
        h('td', {}, t(`kind.${o.kind}`)), h('td', {}, o.period)),
      h('tr', { class: 'observation-text' }, h('td', { colspan: '4', lang: 'zh-Hans' }, o.text)))));
}

export function renderAnswer(container: HTMLElement, answer: Answer, context: AnswerContext): void {
  const chips = answer.entities.map((e) => {
    const chip = button(e.name, () => context.showEntity(e.id), { class: 'chip', title: `${e.type} · ${t('ask.showInGraph')}` });
    chip.style.setProperty('--chip', colourOf(labelOfEntityType(e.type)));
    return chip;
  });
  const timings = Object.entries(answer.timings ?? {}).map(([stage, ms]) => `${stage} ${Math.round(ms)}`).join(' · ');
  container.replaceChildren(
    h('p', { class: 'meta muted', title: timings }, `${answer.language === 'zh' ? '中文' : 'English'} · ${answer.intent} · ${answer.ms} ms`,
      answer.translatedTerms.length ? ` · ${t('ask.searchedAs')} ${answer.translatedTerms.join('、')}` : ''),
    answer.summary ? h('p', { class: 'summary' }, answer.summary) : '',
    answer.semanticSearch === 'off'
      ? h('div', { class: 'notice', role: 'note' }, h('strong', {}, t('ask.semanticOff')), h('ul', {}, ...answer.notes.map((n) => h('li', {}, n))))
      : answer.notes.length ? h('ul', { class: 'notes muted' }, ...answer.notes.map((n) => h('li', {}, n))) : '',
    h('div', { class: 'answer-actions' }, button(t('ask.showGraph'), () => context.showAnswerGraph(), { class: 'show-graph' })),
    h('h2', {}, t('ask.entities')),
    chips.length ? h('div', { class: 'chips' }, ...chips) : h('p', { class: 'muted' }, t('ask.noEntity')),
    h('h2', {}, `${t('ask.tasks')} (${answer.tasks.length})`),
    answer.tasks.length
      ? h('ol', { class: 'tasks chips-list' }, ...answer.tasks.map((task) => h('li', { 'data-task-number': String(task.number) },
        button(String(task.number), () => context.showTask(task.documentId, task.number), { class: 'task-number', title: t('ask.showInGraph') }),
        h('span', { class: 'task-title' }, task.title),
        h('span', { class: 'muted' }, [task.category, task.horizon === 'review' ? t('ask.review') : ''].filter(Boolean).join(' · ')))))
      : h('p', { class: 'muted' }, t('ask.noTask')),
    h('h2', {}, `${t('ask.passages')} (${answer.passages.length})`),
    ...answer.passages.map((p, i) => passageView(p, i + 1, answer, context)),
    answer.observations.length ? h('h2', {}, `${t('ask.observations')} (${answer.observations.length})`) : '',
    answer.observations.length ? observationsTable(answer.observations) : '',
  );
}
