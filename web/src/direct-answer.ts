// The answer on top of the Ask view, in the UI's language: the server's own answer text when it speaks that
// language, else a sentence built from the figures asked for (place, year, indicator: target and actual), from
// the tasks, or from the best passage — each with the report paragraphs it rests on.
import { defined } from '../../src/domain/defined.ts';
import type { Answer } from './api.ts';
import { formatFigure } from './figures.ts';
import { currentLanguage, t } from './i18n.ts';
import { placeOf, reportName, samePlace } from './reports.ts';

export interface Citation {
  documentId: string;
  paragraphId: string;
}

export interface DirectAnswer {
  text: string;
  citations: Citation[];
  /** Nothing stored answers the question. */
  abstained: boolean;
}

type Observation = Answer['observations'][number] & { place?: string | null };
/** Fields the answers work adds to `ask`; optional until it lands. */
type ServerAnswer = { answer?: { text: string; citations?: unknown[] }; abstained?: boolean };

const TARGET_KINDS = new Set(['target', 'growth_target']);
const CHANGE_KINDS = new Set(['growth', 'growth_target']);
const MAX_FIGURE_LINES = 3;
const MAX_TASKS = 5;

const askedYears = (question: string) => [...new Set(question.match(/(?:19|20)\d{2}/g) ?? [])];

function formatValue(o: Observation): string {
  const amount = formatFigure(o.value, o.unit, o.comparator);
  if (!CHANGE_KINDS.has(o.kind)) return amount;
  return currentLanguage() === 'zh' ? `增长${amount}` : `growth ${amount}`;
}

/** Figures of the asked indicator, place and year; looser when the strict reading finds none. */
function askedFigures(answer: Answer): Observation[] {
  const observations = answer.observations as Observation[];
  const indicators = new Set(answer.entities.filter((e) => e.type === 'indicator').map((e) => e.name));
  const places = answer.entities.filter((e) => e.type === 'place').map((e) => e.name);
  const years = askedYears(answer.question);
  const ofIndicator = indicators.size ? observations.filter((o) => indicators.has(o.indicator)) : observations;
  const ofPlace = places.length ? ofIndicator.filter((o) => places.some((p) => samePlace(placeOf(o), p))) : ofIndicator;
  if (!years.length) return ofPlace;
  return ofPlace.filter((o) => years.includes(o.period));
}

function figureLines(figures: Observation[]): DirectAnswer | null {
  const groups = new Map<string, Observation[]>();
  for (const o of figures) {
    const key = `${placeOf(o) ?? ''}|${o.period}|${o.indicator}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  if (!groups.size) return null;
  const zh = currentLanguage() === 'zh';
  const lines = [...groups.values()].slice(0, MAX_FIGURE_LINES).map((group) => {
    const values = (items: Observation[]) => [...new Set(items.map(formatValue))].join(zh ? '、' : ', ');
    const targets = group.filter((o) => TARGET_KINDS.has(o.kind));
    const actuals = group.filter((o) => !TARGET_KINDS.has(o.kind));
    const parts = [
      targets.length ? t('ask.targetIs', { values: values(targets) }) : '',
      actuals.length ? t('ask.actualIs', { values: values(actuals) }) : '',
    ]
      .filter(Boolean)
      .join(zh ? '；' : '; ');
    const first = defined(group[0], 'figure of a group');
    return t('ask.figureLine', { place: placeOf(first) ?? '', period: first.period, indicator: first.indicator, parts });
  });
  const cited = [...groups.values()].slice(0, MAX_FIGURE_LINES).flat();
  return { text: lines.join(' '), citations: uniqueCitations(cited), abstained: false };
}

function uniqueCitations(items: Citation[]): Citation[] {
  return [...new Map(items.map((c) => [c.paragraphId, { documentId: c.documentId, paragraphId: c.paragraphId }])).values()];
}

/** The first sentence of a passage, short enough for one line. */
function firstSentence(text: string): string {
  const sentence = text.split(/(?<=[。！？；])/)[0] ?? text;
  return sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
}

/** The server cites a passage by `passageId` (the paragraph's id); every citation opens the reader there. */
function serverCitations(citations: unknown[] | undefined): Citation[] {
  return uniqueCitations(
    (citations ?? []).flatMap((c) => {
      const item = c as { documentId?: unknown; passageId?: unknown };
      return typeof item?.documentId === 'string' && typeof item.passageId === 'string'
        ? [{ documentId: item.documentId, paragraphId: item.passageId }]
        : [];
    }),
  );
}

/** The answer's sentence without its inline passage ids ([par_…]): the citation buttons below carry them. */
const withoutPassageIds = (text: string) => text.replace(/\s*\[par_[0-9a-f]+\]/g, '');

export function directAnswer(answer: Answer): DirectAnswer {
  const server = answer as Answer & ServerAnswer;
  const [best] = answer.passages;
  if (server.abstained === true || !best) return { text: t('ask.nothing'), citations: [], abstained: true };
  if (server.answer?.text && answer.language === currentLanguage()) {
    return { text: withoutPassageIds(server.answer.text), citations: serverCitations(server.answer.citations), abstained: false };
  }
  const figures = answer.intent.startsWith('indicator') ? figureLines(askedFigures(answer)) : null;
  if (figures) return figures;
  if (answer.tasks.length) {
    const titles = answer.tasks.slice(0, MAX_TASKS).map((task) => `${task.title}（${reportName(task.documentId)}）`);
    const passages = answer.passages.filter((p) => answer.tasks.some((task) => task.documentId === p.documentId));
    return {
      text: t('ask.tasksLine', { count: answer.tasks.length, titles: titles.join(currentLanguage() === 'zh' ? '；' : '; ') }),
      citations: uniqueCitations(passages.slice(0, 3)),
      abstained: false,
    };
  }
  return {
    text: t('ask.passageLine', { report: reportName(best.documentId), sentence: firstSentence(best.text) }),
    citations: uniqueCitations([best]),
    abstained: false,
  };
}
