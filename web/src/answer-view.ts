// The answer of the Ask view: the direct answer first (in the UI language, with the report paragraphs it
// cites), the entities named, the tasks with their report, then the evidence grouped by report. How each passage
// was found and how the question was read wait behind disclosure toggles.
import type { Answer, Passage } from './api.ts';
import { directAnswer } from './direct-answer.ts';
import { button, h, highlighted, type Span } from './dom.ts';
import { formatFigure } from './figures.ts';
import { currentLanguage, t } from './i18n.ts';
import { colourOf, labelOfEntityType } from './labels.ts';
import { placeOf, reportName } from './reports.ts';

export interface AnswerContext {
  /** Exact mention spans per paragraph id, where the graph knows them. */
  spans: Map<string, Span[]>;
  showEntity(id: string): void;
  showTask(documentId: string, number: number): void;
  showAnswerGraph(): void;
  openReport(documentId: string, target: { paragraphId?: string; task?: number }): void;
}

/** Single characters (河, 江 from an English "river") match everywhere: only words of two or more are marked. */
const MIN_MARKED = 2;

/** Every occurrence of the words in the text. */
function wordSpans(text: string, words: string[], className: string): Span[] {
  return words
    .filter((w) => w.length >= MIN_MARKED)
    .flatMap((word) => {
      const spans: Span[] = [];
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length))
        spans.push({ start: at, end: at + word.length, title: word, className });
      return spans;
    });
}

/** Entity mentions the graph knows, then the entities' names, then matched terms of two characters or more. */
function passageSpans(passage: Passage, answer: Answer, context: AnswerContext): Span[] {
  const mentions = (context.spans.get(passage.paragraphId) ?? []).map((s) => ({ ...s, className: 'entity' }));
  const matched = (passage.spans ?? [])
    .filter((s) => s.end - s.start >= MIN_MARKED)
    .map((s) => ({ start: s.start, end: s.end, title: s.text, className: 'term' }));
  return [
    ...mentions,
    ...wordSpans(
      passage.text,
      answer.entities.map((e) => e.name),
      'entity',
    ),
    ...matched,
    ...wordSpans(passage.text, answer.translatedTerms, 'term'),
  ];
}

function whyThisPassage(passage: Passage, rank: number): HTMLElement {
  const via = (passage as Passage & { via?: Record<string, string> }).via ?? {};
  const retrievers = passage.retrievers.map((r) => t(`retriever.${r}`)).join(currentLanguage() === 'zh' ? '、' : ', ');
  return h(
    'details',
    { class: 'why' },
    h('summary', {}, t('ask.why')),
    h('p', {}, t('ask.whyFound', { retrievers, score: passage.score.toFixed(2), rank })),
    h(
      'ul',
      { class: 'muted' },
      ...passage.retrievers.map((r) =>
        h('li', {}, h('span', { class: `retriever retriever-${r}` }, t(`retriever.${r}`)), via[r] ? ` ${via[r]}` : ''),
      ),
    ),
  );
}

function passageView(passage: Passage, rank: number, answer: Answer, context: AnswerContext): HTMLElement {
  return h(
    'article',
    { class: 'passage', 'data-paragraph-id': passage.paragraphId },
    h('p', { lang: 'zh-Hans' }, highlighted(passage.text, passageSpans(passage, answer, context))),
    h(
      'div',
      { class: 'passage-actions' },
      button(t('ask.openReport'), () => context.openReport(passage.documentId, { paragraphId: passage.paragraphId }), {
        class: 'open-report',
      }),
      whyThisPassage(passage, rank),
    ),
  );
}

/** Passages under their report (place and year), reports in the order of their best passage. */
function evidenceByReport(answer: Answer, context: AnswerContext): HTMLElement[] {
  const groups = new Map<string, Array<{ passage: Passage; rank: number }>>();
  answer.passages.forEach(
    (passage, i) => void groups.set(passage.documentId, [...(groups.get(passage.documentId) ?? []), { passage, rank: i + 1 }]),
  );
  return [...groups.entries()].map(([documentId, items]) =>
    h(
      'section',
      { class: 'report-group', 'data-document': reportName(documentId) },
      h('h3', {}, reportName(documentId)),
      ...items.map(({ passage, rank }) => passageView(passage, rank, answer, context)),
    ),
  );
}

function figuresTable(observations: Answer['observations'], context: AnswerContext): HTMLElement {
  const columns = [t('col.place'), t('col.indicator'), t('col.period'), t('col.kind'), t('col.value'), t('col.document')];
  return h(
    'details',
    { class: 'figures' },
    h('summary', {}, t('ask.allFigures', { n: observations.length })),
    h(
      'table',
      { class: 'observations' },
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...observations.map((o) =>
          h(
            'tr',
            { title: o.text },
            h('td', {}, placeOf(o) ?? ''),
            h('td', {}, o.indicator),
            h('td', {}, o.period),
            h('td', {}, t(`kind.${o.kind}`)),
            h('td', { class: 'number' }, formatFigure(o.value, o.unit, o.comparator)),
            h(
              'td',
              {},
              button(reportName(o.documentId), () => context.openReport(o.documentId, { paragraphId: o.paragraphId }), { class: 'link' }),
            ),
          ),
        ),
      ),
    ),
  );
}

function searchDetails(answer: Answer, context: AnswerContext): HTMLElement {
  return h(
    'details',
    { class: 'search-details' },
    h('summary', {}, t('ask.details')),
    h('p', {}, t('ask.readAs', { language: t(`language.${answer.language}`), intent: t(`intent.${answer.intent}`), ms: answer.ms })),
    answer.translatedTerms.length
      ? h('p', {}, `${t('ask.searchedAs')}: `, h('span', { lang: 'zh-Hans' }, answer.translatedTerms.join('、')))
      : '',
    button(t('ask.showGraph'), () => context.showAnswerGraph(), { class: 'show-graph' }),
  );
}

export function renderAnswer(container: HTMLElement, answer: Answer, context: AnswerContext): void {
  const direct = directAnswer(answer);
  const chips = answer.entities.map((e) => {
    const chip = button(e.name, () => context.showEntity(e.id), { class: 'chip', title: t('ask.showInGraph') });
    chip.style.setProperty('--chip', colourOf(labelOfEntityType(e.type)));
    return chip;
  });
  const citations = direct.citations.map((c) =>
    button(t('ask.from', { report: reportName(c.documentId) }), () => context.openReport(c.documentId, { paragraphId: c.paragraphId }), {
      class: 'citation',
    }),
  );
  container.replaceChildren(
    h(
      'section',
      { class: `direct-answer${direct.abstained ? ' abstained' : ''}`, 'aria-labelledby': 'answer-heading' },
      h('h2', { id: 'answer-heading' }, t('ask.answer')),
      h('p', { class: 'answer-text' }, direct.text),
      citations.length ? h('p', { class: 'citations' }, ...citations) : '',
      chips.length ? h('div', { class: 'chips' }, ...chips) : '',
    ),
    answer.semanticSearch === 'off' ? h('p', { class: 'notice', role: 'note' }, t('ask.semanticOff')) : '',
    answer.tasks.length ? h('h2', {}, `${t('ask.tasks')} (${answer.tasks.length})`) : '',
    answer.tasks.length
      ? h(
          'ol',
          { class: 'tasks' },
          ...answer.tasks.map((task) =>
            h(
              'li',
              { 'data-task-number': String(task.number) },
              button(String(task.number), () => context.showTask(task.documentId, task.number), {
                class: 'task-number',
                title: t('ask.showInGraph'),
                'aria-label': `${t('ask.showInGraph')}: ${task.number}`,
              }),
              button(task.title, () => context.openReport(task.documentId, { task: task.number }), {
                class: 'task-title link',
                title: t('ask.openReport'),
              }),
              h(
                'span',
                { class: 'task-report muted' },
                [reportName(task.documentId), task.horizon === 'review' ? t('ask.review') : ''].filter(Boolean).join(' · '),
              ),
            ),
          ),
        )
      : '',
    h('h2', {}, `${t('ask.evidence')} (${answer.passages.length})`),
    ...evidenceByReport(answer, context),
    answer.observations.length ? figuresTable(answer.observations, context) : '',
    searchDetails(answer, context),
  );
}
