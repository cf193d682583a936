// An indicator's figures as SVG charts on a time axis: one chart per dimension (money, %, …) with units converted
// within it (1.35万亿元 sits beside 12556亿元), one colour per place, actual figures filled on solid lines and
// targets hollow on dashed ones; a multi-year period (2017-2021) is drawn as a span across its years.
import { defined } from '../../src/domain/defined.ts';
import type { Timeline } from './api.ts';
import { button, h } from './dom.ts';
import { formatFigure } from './figures.ts';
import { currentLanguage, t } from './i18n.ts';
import { placeOf, reportName } from './reports.ts';
import { commonUnit, convertValue, splitUnit } from './units.ts';

type Observation = Timeline['observations'][number] & { place?: string | null };
export interface Point extends Observation {
  where: string;
  start: number;
  end: number;
  /** The value in the chart's unit. */
  shown: number;
}

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 680;
const HEIGHT = 240;
const MARGIN = { left: 72, right: 20, top: 28, bottom: 36 };
const PLACE_COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#475569', '#65a30d', '#9333ea'];
const isTarget = (kind: string) => kind.includes('target');
const isChange = (kind: string) => kind.startsWith('growth');

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: Array<Node | string>
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** "2018" → 2018..2018, "2017-2021" → 2017..2021; null when the period names no year. */
function yearsOf(period: string): { start: number; end: number } | null {
  const [start, ...later] = (period.match(/(?:19|20)\d{2}/g) ?? []).map(Number);
  return start === undefined ? null : { start, end: later.at(-1) ?? start };
}

/** Round steps (1, 2, 5 × 10^n) for the value axis. */
function ticks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  // raw < 10 × power, so when 1, 2 and 5 × power fall short, 10 × power is the step.
  const step = [1, 2, 5].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const values: number[] = [];
  let v = Math.floor(min / step) * step;
  let value: number;
  do {
    value = Number(v.toPrecision(12));
    values.push(value);
    v += step;
  } while (value < max);
  return values;
}

function marker(point: Point, x: number, y: number, colour: string): SVGElement {
  const paint = { fill: isTarget(point.kind) ? '#fff' : colour, stroke: colour, 'stroke-width': 2 };
  return isChange(point.kind)
    ? svg('rect', { x: x - 5, y: y - 5, width: 10, height: 10, ...paint })
    : svg('circle', { cx: x, cy: y, r: 5.5, ...paint });
}

function chart(title: string, unit: string, points: Point[], colourOf: (place: string) => string): HTMLElement {
  const values = points.map((p) => p.shown);
  const axis = ticks(Math.min(0, ...values), Math.max(...values));
  const [low, high] = [Math.min(...axis), Math.max(...axis)]; // the first and last of the ascending ticks
  const first = Math.min(...points.map((p) => p.start));
  const last = Math.max(...points.map((p) => p.end));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (year: number) => MARGIN.left + (plotWidth * (year - first + 0.5)) / (last - first + 1);
  const y = (value: number) => MARGIN.top + plotHeight * (1 - (value - low) / (high - low || 1));
  const figure = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'timeline', role: 'img', 'aria-label': `${title} (${unit})` });
  for (const value of axis) {
    figure.append(
      svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: value === 0 ? 'axis' : 'grid' }),
    );
    figure.append(svg('text', { x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'tick' }, value.toLocaleString()));
  }
  const step = Math.ceil((last - first + 1) / 12);
  for (let year = first; year <= last; year += step)
    figure.append(svg('text', { x: x(year), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick year' }, String(year)));
  figure.append(svg('text', { x: MARGIN.left - 6, y: 16, 'text-anchor': 'end', class: 'unit' }, unit));
  // A line per place and kind through its single-year figures, in year order.
  const series = new Map<string, Point[]>();
  for (const p of points.filter((p) => p.start === p.end))
    series.set(`${p.where}|${p.kind}`, [...(series.get(`${p.where}|${p.kind}`) ?? []), p]);
  for (const list of series.values()) {
    // The points of a series share their place and kind: the first one's stand for all.
    const [first, second] = list;
    if (!first || !second) continue;
    const sorted = [...list].sort((a, b) => a.start - b.start);
    figure.append(
      svg('polyline', {
        points: sorted.map((p) => `${x(p.start)},${y(p.shown)}`).join(' '),
        fill: 'none',
        stroke: colourOf(first.where),
        'stroke-width': 1.5,
        'stroke-dasharray': isTarget(first.kind) ? '5 4' : 'none',
        class: `series series-${isTarget(first.kind) ? 'target' : 'actual'}`,
      }),
    );
  }
  // Several figures at one spot sit side by side instead of on top of each other.
  const seen = new Map<string, number>();
  for (const p of points) {
    const slot = `${p.start}|${p.end}|${p.shown}`;
    const offset = (seen.get(slot) ?? 0) * 8;
    seen.set(slot, (seen.get(slot) ?? 0) + 1);
    const colour = colourOf(p.where);
    const group = svg('g', {
      class: `point point-${p.kind}${p.start !== p.end ? ' point-span' : ''}`,
      'data-place': p.where,
      'data-period': p.period,
    });
    if (p.start !== p.end) {
      group.append(
        svg('line', {
          x1: x(p.start) - 6,
          x2: x(p.end) + 6,
          y1: y(p.shown) + offset,
          y2: y(p.shown) + offset,
          stroke: colour,
          'stroke-width': 5,
          'stroke-linecap': 'butt',
          opacity: 0.45,
          'stroke-dasharray': isTarget(p.kind) ? '10 5' : 'none',
        }),
      );
    }
    group.append(
      marker(p, (x(p.start) + x(p.end)) / 2 + (p.start === p.end ? offset : 0), y(p.shown) + (p.start === p.end ? 0 : offset), colour),
    );
    group.append(
      svg(
        'title',
        {},
        `${p.where} · ${p.period} · ${t(`kind.${p.kind}`)} · ${formatFigure(p.value, p.unit, p.comparator)}\n${p.text}\n${reportName(p.documentId)}`,
      ),
    );
    figure.append(group);
  }
  return h('figure', { class: 'timeline-panel' }, h('figcaption', {}, `${title} · ${unit}`), figure);
}

function legend(places: string[], kinds: string[], spans: boolean, colourOf: (place: string) => string): HTMLElement {
  const item = (graphic: SVGElement, text: string) =>
    h('li', {}, svg('svg', { viewBox: '-8 -8 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, graphic), text);
  const sample = (kind: string) => marker({ kind } as Point, 0, 0, '#334155');
  return h(
    'ul',
    { class: 'timeline-legend' },
    ...places.map((place) => item(svg('rect', { x: -6, y: -6, width: 12, height: 12, fill: colourOf(place) }), place)),
    ...kinds.map((kind) => item(sample(kind), t(`kind.${kind}`))),
    spans ? h('li', { class: 'muted' }, `▬ ${t('indicators.span')}`) : '',
  );
}

function table(points: Point[], openReport: (documentId: string, paragraphId: string) => void): HTMLElement {
  return h(
    'table',
    { class: 'observations timeline-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('col.place'), t('col.period'), t('col.kind'), t('col.value'), t('col.source'), t('col.document')].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...points.map((p) =>
        h(
          'tr',
          { class: isTarget(p.kind) ? 'is-target' : 'is-actual' },
          h('td', {}, p.where),
          h('td', {}, p.period),
          h('td', {}, t(`kind.${p.kind}`)),
          h('td', { class: 'number' }, formatFigure(p.value, p.unit, p.comparator)),
          h('td', { lang: 'zh-Hans' }, p.text),
          h(
            'td',
            {},
            button(reportName(p.documentId), () => openReport(p.documentId, p.paragraphId), { class: 'link' }),
          ),
        ),
      ),
    ),
  );
}

/** The figures with their place and years, the place filter applied. */
export function chartPoints(timeline: Timeline, place: string | null): Point[] {
  return (timeline.observations as Observation[]).flatMap((o) => {
    const years = yearsOf(o.period);
    const where = placeOf(o) ?? '—';
    return years && (!place || where === place) ? [{ ...o, where, ...years, shown: o.value }] : [];
  });
}

export function placesOf(timeline: Timeline): string[] {
  return [...new Set((timeline.observations as Observation[]).map((o) => placeOf(o) ?? '—'))].sort((a, b) => a.localeCompare(b, 'zh'));
}

export function renderTimeline(
  container: HTMLElement,
  timeline: Timeline,
  place: string | null,
  openReport: (documentId: string, paragraphId: string) => void,
): void {
  const points = chartPoints(timeline, place);
  if (!points.length) {
    container.replaceChildren(h('h2', {}, timeline.indicator.name), h('p', { class: 'muted' }, t('indicators.none')));
    return;
  }
  const places = [...new Set(points.map((p) => p.where))];
  const all = placesOf(timeline);
  const colourOf = (where: string) => defined(PLACE_COLOURS[all.indexOf(where) % PLACE_COLOURS.length], 'colour of a charted place');
  // One chart per dimension; changes (growth rates) apart from levels even when both are in %.
  const dimensions = new Map<string, Point[]>();
  for (const p of points) {
    const key = `${isChange(p.kind) ? 'change' : 'level'}|${splitUnit(p.unit).base}`;
    dimensions.set(key, [...(dimensions.get(key) ?? []), p]);
  }
  const charts = [...dimensions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const unit = commonUnit(list.map((p) => p.unit));
      const converted = list.map((p) => ({ ...p, shown: convertValue(p.value, p.unit, unit) }));
      const title = key.startsWith('change') ? (currentLanguage() === 'zh' ? '增长' : 'growth') : timeline.indicator.name;
      return chart(title, unit, converted, colourOf);
    });
  container.replaceChildren(
    h('h2', {}, timeline.indicator.name, place ? ` · ${place}` : ''),
    legend(
      places,
      [...new Set(points.map((p) => p.kind))],
      points.some((p) => p.start !== p.end),
      colourOf,
    ),
    ...charts,
    table(points, openReport),
  );
}
