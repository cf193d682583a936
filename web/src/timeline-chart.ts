// An indicator's observations as an SVG chart, one panel per place and unit (浙江省's GDP and 上虞区's do not
// share a series, nor 亿元 and % an axis): periods
// across, values up; the kind sets the marker (filled = actual, hollow = target) and the document its colour.
import type { Timeline } from './api.ts';
import { h } from './dom.ts';
import { t } from './i18n.ts';

type Point = Timeline['observations'][number];

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 230;
const MARGIN = { left: 64, right: 16, top: 28, bottom: 36 };
const DOCUMENT_COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#475569'];
/** Targets are hollow, actual figures filled; growth rates are squares, ratios triangles. */
const MARKERS: Record<string, { shape: 'circle' | 'diamond' | 'square' | 'triangle'; hollow: boolean }> = {
  actual: { shape: 'circle', hollow: false },
  target: { shape: 'diamond', hollow: true },
  growth: { shape: 'square', hollow: false },
  growth_target: { shape: 'square', hollow: true },
  ratio: { shape: 'triangle', hollow: false },
};
const isTarget = (kind: string) => kind.includes('target');

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

function marker(kind: string, x: number, y: number, colour: string, size = 6): SVGElement {
  const { shape, hollow } = MARKERS[kind] ?? MARKERS.actual!;
  const paint = { fill: hollow ? '#fff' : colour, stroke: colour, 'stroke-width': 2 };
  switch (shape) {
    case 'circle': return svg('circle', { cx: x, cy: y, r: size, ...paint });
    case 'square': return svg('rect', { x: x - size, y: y - size, width: 2 * size, height: 2 * size, ...paint });
    case 'diamond': return svg('polygon', { points: `${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`, ...paint });
    case 'triangle': return svg('polygon', { points: `${x},${y - size} ${x + size},${y + size} ${x - size},${y + size}`, ...paint });
  }
}

/** Round steps (1, 2, 5 × 10^n) for the value axis. */
function ticks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const values: number[] = [];
  let v = Math.floor(min / step) * step;
  do {
    values.push(Number(v.toPrecision(12)));
    v += step;
  } while (values[values.length - 1]! < max);
  return values;
}

function panel(unit: string, points: Point[], periods: string[], colourOf: (documentId: string) => string): HTMLElement {
  const values = points.map((p) => p.value);
  const axis = ticks(Math.min(0, ...values), Math.max(...values));
  const [low, high] = [axis[0]!, axis[axis.length - 1]!];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (period: string) => MARGIN.left + (plotWidth * (periods.indexOf(period) + 0.5)) / periods.length;
  const y = (value: number) => MARGIN.top + plotHeight * (1 - (value - low) / (high - low || 1));
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'timeline', role: 'img', 'aria-label': `${points[0]?.indicator ?? ''} (${unit})` });
  for (const value of axis) {
    chart.append(svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: value === 0 ? 'axis' : 'grid' }));
    chart.append(svg('text', { x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'tick' }, String(value)));
  }
  for (const period of periods) chart.append(svg('text', { x: x(period), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, period));
  chart.append(svg('text', { x: 4, y: 16, 'text-anchor': 'start', class: 'unit' }, unit));
  // One line per document and per side (actuals solid, targets dashed), in period order.
  const series = new Map<string, Point[]>();
  for (const p of points) {
    const key = `${p.documentId}|${isTarget(p.kind) ? 'target' : 'actual'}|${p.kind}`;
    series.set(key, [...(series.get(key) ?? []), p]);
  }
  for (const [key, list] of series) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => periods.indexOf(a.period) - periods.indexOf(b.period));
    chart.append(svg('polyline', {
      points: sorted.map((p) => `${x(p.period)},${y(p.value)}`).join(' '), fill: 'none', stroke: colourOf(list[0]!.documentId), 'stroke-width': 1.5,
      'stroke-dasharray': key.includes('|target|') ? '5 4' : 'none', opacity: 0.7,
    }));
  }
  // Several figures for one period and kind sit side by side instead of on top of each other.
  const seen = new Map<string, number>();
  for (const p of points) {
    const slot = `${p.period}|${p.value}`;
    const offset = (seen.get(slot) ?? 0) * 9;
    seen.set(slot, (seen.get(slot) ?? 0) + 1);
    const point = marker(p.kind, x(p.period) + offset, y(p.value), colourOf(p.documentId));
    point.setAttribute('class', `point point-${p.kind}`);
    point.append(svg('title', {}, `${p.period} · ${t(`kind.${p.kind}`)} · ${p.comparator ?? ''}${p.value} ${p.unit}\n${p.text}\n${p.documentTitle}`));
    chart.append(point);
  }
  return h('figure', { class: 'timeline-panel' }, chart);
}

function legend(points: Point[], colourOf: (documentId: string) => string): HTMLElement {
  const kinds = [...new Set(points.map((p) => p.kind))];
  const documents = [...new Map(points.map((p) => [p.documentId, p.documentTitle])).entries()];
  const item = (graphic: SVGElement, text: string) => h('li', {}, svg('svg', { viewBox: '-8 -8 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, graphic), text);
  return h('ul', { class: 'timeline-legend' },
    ...kinds.map((kind) => item(marker(kind, 0, 0, '#334155', 5), t(`kind.${kind}`))),
    ...documents.map(([id, title]) => item(svg('rect', { x: -6, y: -6, width: 12, height: 12, fill: colourOf(id) }), title)));
}

function table(points: Point[]): HTMLElement {
  return h('table', { class: 'observations timeline-table' },
    h('thead', {}, h('tr', {}, ...[t('col.period'), t('col.kind'), t('col.value'), t('col.source'), t('col.document')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...points.map((p) => h('tr', { class: isTarget(p.kind) ? 'is-target' : 'is-actual' },
      h('td', {}, p.period), h('td', {}, t(`kind.${p.kind}`)),
      h('td', { class: 'number' }, `${p.comparator ? `${p.comparator} ` : ''}${p.value} ${p.unit}`),
      h('td', { lang: 'zh-Hans' }, p.text), h('td', {}, p.documentTitle)))));
}

export function renderTimeline(container: HTMLElement, timeline: Timeline): void {
  const points = timeline.observations;
  if (!points.length) {
    container.replaceChildren(h('h2', {}, timeline.indicator.name), h('p', { class: 'muted' }, t('indicators.none')));
    return;
  }
  const documentIds = [...new Set(points.map((p) => p.documentId))];
  const colourOf = (id: string) => DOCUMENT_COLOURS[documentIds.indexOf(id) % DOCUMENT_COLOURS.length]!;
  const seriesKey = (p: Point) => `${p.place ?? ''}\u0000${p.unit}`;
  const series = [...new Set(points.map(seriesKey))];
  container.replaceChildren(
    h('h2', {}, timeline.indicator.name),
    legend(points, colourOf),
    ...series.map((key) => {
      const own = points.filter((p) => seriesKey(p) === key);
      const { place, unit } = own[0]!;
      return panel(place ? `${place} · ${unit}` : unit, own, timeline.periods.filter((period) => own.some((p) => p.period === period)), colourOf);
    }),
    table(points),
  );
}
