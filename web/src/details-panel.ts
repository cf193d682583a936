// The side panel: a node's or edge's properties and the source text behind it, mentions highlighted.
import { defined } from '../../src/domain/defined.ts';
import { api, type GraphEdge, type GraphNode, type Subgraph } from './api.ts';
import { button, h, highlighted, type Span } from './dom.ts';
import { t } from './i18n.ts';
import { colourOf, LABEL_NAMES_ZH } from './labels.ts';
import { mentionSpan } from './mentions.ts';
import { reportName, reportOf } from './reports.ts';

export interface DetailsActions {
  nodeName(id: string): string;
  expand(id: string): void;
  /** Adds a node from the panel to the graph (linked to what is shown) and selects it. */
  show(id: string): void;
  openReport(documentId: string, paragraphId: string): void;
}

/** An entity across reports: one row per report, in year order, with how often it is named there. */
function timeline(paragraphs: GraphNode[], open: (documentId: string, paragraphId: string) => void): HTMLElement {
  const byReport = new Map<string, GraphNode[]>();
  for (const p of paragraphs) byReport.set(String(p.properties.documentId), [...(byReport.get(String(p.properties.documentId)) ?? []), p]);
  const year = (id: string) => reportOf(id)?.year ?? Number.MAX_SAFE_INTEGER;
  const rows = [...byReport.entries()].sort(([a], [b]) => year(a) - year(b));
  const most = Math.max(...rows.map(([, list]) => list.length));
  return h(
    'ol',
    { class: 'entity-timeline' },
    ...rows.map(([documentId, list]) => {
      const bar = h('span', { class: 'timeline-bar', 'aria-hidden': 'true' });
      bar.style.width = `${Math.max(8, (100 * list.length) / most)}%`;
      const first = defined(list[0], 'paragraph of a report row');
      return h(
        'li',
        {},
        button(reportName(documentId), () => open(documentId, first.id), { class: 'link' }),
        bar,
        h('span', { class: 'muted' }, t('details.paragraphs', { n: list.length })),
      );
    }),
  );
}

/** Properties the panel shows as source text or that only repeat the heading. */
const NOT_LISTED = new Set(['text', 'name', 'title']);
/** Internal ids, offsets and server paths mean nothing to a reader; the report is named instead of its id. */
const INTERNAL = /^(id|.*Id|.*_id|sourcePath|source_path|charStart|charEnd|char_start|char_end|sentences)$/;
const MAX_VALUE_CHARS = 120;

function labelBadge(label: string): HTMLElement {
  const badge = h('span', { class: 'badge' }, `${label} ${LABEL_NAMES_ZH[label] ?? ''}`.trim());
  badge.style.setProperty('--badge', colourOf(label));
  return badge;
}

function propertyList(properties: Record<string, unknown>): HTMLElement {
  const list = h('dl', { class: 'properties' });
  const documentId = properties.documentId ?? properties.document_id;
  if (typeof documentId === 'string') list.append(h('dt', {}, t('col.document')), h('dd', {}, reportName(documentId)));
  for (const [key, value] of Object.entries(properties)) {
    if (NOT_LISTED.has(key) || INTERNAL.test(key) || value === null || value === undefined || value === '') continue;
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    list.append(h('dt', {}, key), h('dd', {}, shown.length > MAX_VALUE_CHARS ? `${shown.slice(0, MAX_VALUE_CHARS)}…` : shown));
  }
  return list;
}

/** A quoted source under its heading, with an action (a button) after the heading when one is given. */
function sourceBlock(heading: string, text: string, spans: Span[] = [], action?: HTMLElement): HTMLElement {
  const caption = h('figcaption', {}, heading, ...(action ? [' ', action] : []));
  return h('figure', { class: 'source' }, caption, h('blockquote', { lang: 'zh-Hans' }, highlighted(text, spans)));
}

/** Where a source text is from: its report by name (offsets are for machines). */
const offsets = (p: Record<string, unknown>) => (typeof p.documentId === 'string' ? reportName(p.documentId) : '');

export class DetailsPanel {
  /** Each selection gets a ticket, so a slow answer for an earlier one never overwrites the current panel. */
  private ticket = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly actions: DetailsActions,
  ) {}

  private begin(...children: Array<Node | string>): number {
    this.container.replaceChildren(...children);
    this.container.scrollTop = 0;
    return ++this.ticket;
  }

  showNode(node: GraphNode): void {
    const source = h('section', { class: 'source-list', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('details.loading')));
    const ticket = this.begin(
      h('header', {}, labelBadge(node.label), h('h2', {}, node.name)),
      h(
        'div',
        { class: 'actions' },
        button(t('details.expand'), () => this.actions.expand(node.id), { class: 'expand' }),
      ),
      propertyList(node.properties),
      source,
    );
    api.neighbourhood(node.id).then(
      (subgraph) => {
        if (ticket !== this.ticket) return;
        source.replaceChildren(...this.sourceOf(node, subgraph));
        source.setAttribute('aria-busy', 'false');
      },
      (error: Error) => ticket === this.ticket && source.replaceChildren(h('p', { class: 'error' }, error.message)),
    );
  }

  private sourceOf(node: GraphNode, subgraph: Subgraph): Array<Node | string> {
    const nodes = new Map(subgraph.nodes.map((n) => [n.id, n]));
    const text = typeof node.properties.text === 'string' ? node.properties.text : '';
    switch (node.label) {
      case 'Paragraph': {
        const spans = subgraph.edges
          .filter((e) => e.type === 'MENTIONS' && e.source === node.id)
          .flatMap((e) => mentionSpan(node, e, nodes.get(e.target)?.name) ?? []);
        return [
          sourceBlock(`${t('details.source')} · ${offsets(node.properties)} · ${t('details.mentions')} ${spans.length}`, text, spans),
        ];
      }
      case 'Task': {
        const paragraphs = subgraph.edges
          .filter((e) => e.type === 'HAS_PARAGRAPH' && e.source === node.id)
          .flatMap((e) => nodes.get(e.target) ?? [])
          .sort((a, b) => Number(a.properties.charStart) - Number(b.properties.charStart));
        return [
          h('h3', {}, `${t('details.source')} (${paragraphs.length})`),
          ...paragraphs.map((p) => sourceBlock(offsets(p.properties), String(p.properties.text ?? ''))),
        ];
      }
      case 'Observation':
        return text ? [sourceBlock(t('col.source'), text)] : [];
      case 'Document':
      case 'Section':
        return [];
      default:
        return this.mentionsOf(node, subgraph, nodes);
    }
  }

  /** An entity's mentions, one quote per paragraph with every mention of the entity in it highlighted. */
  private mentionsOf(entity: GraphNode, subgraph: Subgraph, nodes: Map<string, GraphNode>): Array<Node | string> {
    const byParagraph = new Map<string, { paragraph: GraphNode; spans: Span[]; surfaces: Set<string> }>();
    for (const edge of subgraph.edges) {
      const paragraph = nodes.get(edge.source);
      if (edge.type !== 'MENTIONS' || edge.target !== entity.id || !paragraph) continue;
      const entry = byParagraph.get(paragraph.id) ?? { paragraph, spans: [], surfaces: new Set<string>() };
      const span = mentionSpan(paragraph, edge, entity.name);
      if (span) entry.spans.push(span);
      entry.surfaces.add(String(edge.properties.surface ?? ''));
      byParagraph.set(paragraph.id, entry);
    }
    const tasks = subgraph.edges.filter((e) => e.type === 'TOUCHES' && e.target === entity.id).flatMap((e) => nodes.get(e.source) ?? []);
    const entries = [...byParagraph.values()].sort(
      (a, b) => Number(a.paragraph.properties.charStart) - Number(b.paragraph.properties.charStart),
    );
    return [
      h('h3', {}, t('details.acrossReports')),
      timeline(
        entries.map((e) => e.paragraph),
        (documentId, paragraphId) => this.actions.openReport(documentId, paragraphId),
      ),
      h('h3', {}, `${t('details.mentions')} (${entries.reduce((n, e) => n + e.spans.length, 0)})`),
      ...entries.map(({ paragraph, spans, surfaces }) => {
        const show = button(t('details.showParagraph'), () => this.actions.show(paragraph.id), { class: 'link' });
        return sourceBlock(
          `“${[...surfaces].join('”, “')}” · ${offsets(paragraph.properties)}`,
          String(paragraph.properties.text ?? ''),
          spans,
          show,
        );
      }),
      tasks.length ? h('h3', {}, `${t('details.tasks')} (${tasks.length})`) : '',
      tasks.length
        ? h(
            'ul',
            { class: 'task-links' },
            ...tasks.map((t) =>
              h(
                'li',
                {},
                button(t.name, () => this.actions.show(t.id), { class: 'link' }),
              ),
            ),
          )
        : '',
    ];
  }

  showEdge(edge: GraphEdge): void {
    const source = h('section', { class: 'source-list' });
    const ticket = this.begin(
      h(
        'header',
        {},
        h('span', { class: 'badge edge-badge' }, edge.type),
        h('h2', {}, `${this.actions.nodeName(edge.source)} → ${this.actions.nodeName(edge.target)}`),
      ),
      propertyList(edge.properties),
      source,
    );
    const quoted = this.edgeSource(edge);
    quoted?.then(
      (block) => ticket === this.ticket && source.replaceChildren(block),
      (error: Error) => ticket === this.ticket && source.replaceChildren(h('p', { class: 'error' }, error.message)),
    );
  }

  /** The text an edge stands for: the mentioning paragraph, or the sentence stating an observation. */
  private edgeSource(edge: GraphEdge): Promise<HTMLElement> | null {
    const surface = String(edge.properties.surface ?? '');
    if (edge.type === 'MENTIONS') {
      return api.node(edge.source).then((paragraph) => {
        const span = mentionSpan(paragraph, edge, surface);
        return sourceBlock(`“${surface}” · ${offsets(edge.properties)}`, String(paragraph.properties.text ?? ''), span ? [span] : []);
      });
    }
    if (edge.type === 'STATES' || edge.type === 'OF') {
      return api
        .node(edge.type === 'STATES' ? edge.target : edge.source)
        .then((o) => sourceBlock(t('col.source'), String(o.properties.text ?? '')));
    }
    return null;
  }

  showPath(fromId: string, toId: string, steps: GraphNode[][]): void {
    const branches = steps.some((step) => step.length > 1) ? t('details.branches') : '';
    this.begin(
      h(
        'header',
        {},
        h('span', { class: 'badge edge-badge' }, t('explore.path')),
        h('h2', {}, `${this.actions.nodeName(fromId)} → ${this.actions.nodeName(toId)}`),
      ),
      h('p', { class: 'path-summary' }, `${t('details.hops', { hops: steps.length - 1 })}${branches}`),
      h(
        'ol',
        { class: 'path-list' },
        ...steps.map((step) =>
          h(
            'li',
            {},
            ...step.flatMap((n, i) => [
              i ? h('span', { class: 'muted' }, ' or ') : '',
              labelBadge(n.label),
              ' ',
              button(n.name, () => this.actions.show(n.id), { class: 'link' }),
            ]),
          ),
        ),
      ),
    );
  }

  showMessage(title: string, text: string): void {
    this.begin(h('h2', {}, title), h('p', { class: 'muted' }, text));
  }
}
