// Node labels of the graph model, their colours, shapes and Chinese names; shared by the graph, legend and panels.
import type { Css } from 'cytoscape';

export { NODE_LABELS as LABELS } from '../../src/domain/graph-labels.ts';

const LABEL_COLOURS: Record<string, string> = {
  Document: '#475569',
  Section: '#7c3aed',
  Task: '#2563eb',
  Paragraph: '#94a3b8',
  Place: '#059669',
  Project: '#d97706',
  Initiative: '#db2777',
  Organization: '#0891b2',
  Indicator: '#dc2626',
  Observation: '#65a30d',
};

export const LABEL_NAMES_ZH: Record<string, string> = {
  Document: '文档',
  Section: '章节',
  Task: '任务',
  Paragraph: '段落',
  Place: '地点',
  Project: '项目',
  Initiative: '举措',
  Organization: '机构',
  Indicator: '指标',
  Observation: '数据',
};

/** Shape per label, so types stay apart without relying on colour alone; the legend draws the same shapes. */
const LABEL_SHAPES: Record<string, Css.NodeShape> = {
  Document: 'diamond',
  Section: 'hexagon',
  Task: 'round-rectangle',
  Paragraph: 'rectangle',
  Place: 'ellipse',
  Project: 'barrel',
  Initiative: 'star',
  Organization: 'pentagon',
  Indicator: 'triangle',
  Observation: 'tag',
};

export function shapeOf(label: string): Css.NodeShape {
  return LABEL_SHAPES[label] ?? 'ellipse';
}

/** SVG points (in a 0..12 box) drawing each shape for the legend. */
const LEGEND_POINTS: Record<string, string> = {
  diamond: '6,0 12,6 6,12 0,6',
  hexagon: '3,0 9,0 12,6 9,12 3,12 0,6',
  triangle: '6,0 12,12 0,12',
  pentagon: '6,0 12,4.6 9.7,12 2.3,12 0,4.6',
  star: '6,0 7.6,4.2 12,4.4 8.5,7.2 9.7,12 6,9.4 2.3,12 3.5,7.2 0,4.4 4.4,4.2',
  tag: '0,0 8,0 12,6 8,12 0,12',
  rectangle: '0,0 12,0 12,12 0,12',
};

export function legendSwatch(label: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '-1 -1 14 14');
  svg.setAttribute('class', 'shape-swatch');
  svg.setAttribute('aria-hidden', 'true');
  const shape = shapeOf(label);
  const points = LEGEND_POINTS[shape];
  const element = document.createElementNS(ns, points ? 'polygon' : shape === 'ellipse' ? 'circle' : 'rect');
  if (points) element.setAttribute('points', points);
  else if (shape === 'ellipse') for (const [k, v] of Object.entries({ cx: '6', cy: '6', r: '6' })) element.setAttribute(k, v);
  else
    for (const [k, v] of Object.entries({ x: '0', y: '1', width: '12', height: '10', rx: shape === 'barrel' ? '4' : '2.5' }))
      element.setAttribute(k, v);
  element.setAttribute('fill', colourOf(label));
  svg.append(element);
  return svg;
}

/** Entity types in answers and /api/entities are lower case ("place"); graph labels are capitalised ("Place"). */
export function labelOfEntityType(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export function colourOf(label: string): string {
  return LABEL_COLOURS[label] ?? '#64748b';
}

/** Canvas text needs the CJK face named explicitly, or Chinese labels fall back to boxes on minimal systems. */
export const FONT_STACK = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
