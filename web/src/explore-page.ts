// Explore: the Cytoscape graph with its legend/type filter, document filter, entity search, expand (capped, and
// saying so), shortest paths between two picked nodes, zoom controls and the details panel.
import { api, type Answer, type DocumentSummary, type GraphNode, type Subgraph } from './api.ts';
import { DetailsPanel } from './details-panel.ts';
import { button, byId, h } from './dom.ts';
import { GraphView } from './graph-view.ts';
import { t } from './i18n.ts';
import { colourOf, LABEL_NAMES_ZH, LABELS, labelOfEntityType, legendSwatch } from './labels.ts';
import { attempt, say } from './status.ts';

export class ExplorePage {
  readonly graph: GraphView;
  private readonly details: DetailsPanel;
  /** The last two distinct nodes clicked: the ends of "Find path". */
  private pathEnds: string[] = [];
  private documentTitles = new Map<string, string>();

  constructor() {
    this.graph = new GraphView(byId('graph'), {
      nodeTapped: (node) => this.focus(node),
      edgeTapped: (edge) => this.details.showEdge(edge),
      expandRequested: (id) => void attempt(() => this.expand(id)),
      backgroundTapped: () => this.graph.clearHighlight(),
      changed: () => this.updateCount(),
    });
    this.details = new DetailsPanel(byId('details'), {
      nodeName: (id) => this.graph.node(id)?.name ?? id,
      expand: (id) => void attempt(() => this.expand(id)),
      show: (id) => void attempt(() => this.showNode(id)),
    });
    this.setUpFilters();
    this.setUpEntitySearch();
    byId('find-path').addEventListener('click', () => void attempt(() => this.findPath()));
    byId('fit').addEventListener('click', () => this.graph.fit());
    byId('zoom-in').addEventListener('click', () => this.graph.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => this.graph.zoomBy(0.8));
    byId('relayout').addEventListener('click', () => this.graph.layout());
    byId('clear-graph').addEventListener('click', () => this.clear());
    byId<HTMLSelectElement>('document-filter').addEventListener('change', (event) => {
      this.graph.setDocumentFilter((event.target as HTMLSelectElement).value || null);
      this.updateCount();
    });
    this.updateCount();
    this.updatePathTools();
  }

  /** The view became visible: the frame has a size again. */
  shown(): void {
    this.graph.resize();
    this.graph.fit();
  }

  setDocuments(documents: DocumentSummary[]): void {
    this.documentTitles = new Map(documents.map((d) => [d.id, d.label]));
    const select = byId<HTMLSelectElement>('document-filter');
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, t('explore.allDocuments')), ...documents.map((d) => h('option', { value: d.id }, d.label)));
    select.value = this.documentTitles.has(chosen) ? chosen : '';
  }

  documentTitle(id: string): string {
    return this.documentTitles.get(id) ?? id;
  }

  relabel(): void {
    this.updateCount();
    this.updatePathTools();
  }

  private clear(): void {
    this.graph.clear();
    this.pathEnds = [];
    this.updatePathTools();
    byId('graph-cap').hidden = true;
  }

  private focus(node: GraphNode): void {
    this.pathEnds = [...this.pathEnds.filter((id) => id !== node.id), node.id].slice(-2);
    this.updatePathTools();
    this.details.showNode(node);
  }

  private updateCount(): void {
    const { nodes, edges, hidden } = this.graph.counts();
    byId('graph-count').textContent = `${t('explore.count', { nodes, edges })}${hidden ? ` · ${t('explore.hidden', { hidden })}` : ''}`;
    byId('graph-empty').hidden = nodes > 0;
  }

  private updatePathTools(): void {
    this.graph.markPathEnds(this.pathEnds);
    const [from, to] = this.pathEnds.map((id) => this.graph.node(id)?.name ?? id);
    byId('path-ends').textContent = to ? `${from} → ${to}` : from ? `${from} → ${t('explore.clickAnother')}` : t('explore.clickTwo');
    byId<HTMLButtonElement>('find-path').disabled = this.pathEnds.length < 2;
  }

  /** Adds the node's neighbours (at the chosen depth); a capped neighbourhood is said so above the graph. */
  async expand(id: string): Promise<void> {
    const depth = Number(byId<HTMLSelectElement>('expand-depth').value);
    const subgraph = depth === 1 ? await api.neighbourhood(id) : await api.neighbourhoodAt(id, depth);
    const added = this.graph.merge(subgraph, { around: id });
    if (added.length) this.graph.layout();
    const name = this.graph.node(id)?.name ?? subgraph.nodes[0]?.name ?? id;
    const cap = byId('graph-cap');
    cap.hidden = !subgraph.capped;
    cap.textContent = subgraph.capped ? t('explore.capped', { name, limit: subgraph.limit }) : '';
    say(t('explore.expanded', { name, count: added.length }));
  }

  /** Adds one node with its edges to what the graph already shows (no new neighbours), and selects it. */
  async showNode(id: string): Promise<void> {
    const subgraph = await api.neighbourhood(id);
    const node = subgraph.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`node ${id} not found`);
    const shownNeighbour = subgraph.edges.map((e) => (e.source === id ? e.target : e.source)).find((other) => this.graph.has(other));
    if (this.graph.merge({ nodes: [node], edges: subgraph.edges }, { around: shownNeighbour }).length) this.graph.layout();
    this.graph.select(id);
    this.focus(node);
  }

  private async findPath(): Promise<void> {
    const [from, to] = this.pathEnds;
    if (!from || !to) return;
    const hops = Number(byId<HTMLSelectElement>('max-hops').value);
    const path = await api.paths(from, to, hops);
    const name = (id: string) => this.graph.node(id)?.name ?? id;
    if (!path.nodes.length) {
      this.graph.clearHighlight();
      say(t('explore.noPath', { hops, from: name(from), to: name(to) }), 'error');
      return;
    }
    if (this.graph.merge(path, { around: from }).length) this.graph.layout();
    this.graph.highlightPath(path);
    const steps = GraphView.pathSteps(path, from);
    this.details.showPath(from, to, steps);
    say(t('explore.pathFound', { hops: steps.length - 1, steps: steps.map((step) => step.map((n) => n.name).join(' | ')).join(' → ') }));
  }

  /** Replaces the graph with the answer's entities and tasks, plus what the graph retriever walked to find them. */
  async showAnswer(answer: Answer, neighbourhoods: Subgraph[]): Promise<void> {
    this.clear();
    this.graph.merge(await answerSubgraph(answer, neighbourhoods));
    if (answer.subgraph) this.graph.merge(answer.subgraph);
    this.graph.layout();
    this.details.showMessage(t('details.title'), t('explore.answerGraph'));
  }

  private setUpFilters(): void {
    const container = byId('type-filters');
    for (const label of LABELS) {
      const box = h('input', { type: 'checkbox', id: `show-${label}`, checked: '' });
      box.addEventListener('change', () => {
        this.graph.setLabelVisible(label, box.checked);
        this.updateCount();
      });
      container.append(h('label', { for: `show-${label}` }, box, legendSwatch(label), `${label} ${LABEL_NAMES_ZH[label]}`));
    }
  }

  private setUpEntitySearch(): void {
    const results = byId('entity-results');
    byId('entity-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const match = byId<HTMLInputElement>('entity-match').value.trim();
      if (!match) return;
      void attempt(async () => {
        const { entities } = await api.entities(match);
        results.replaceChildren(...entities.slice(0, 20).map((e) => {
          const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
          swatch.style.background = colourOf(labelOfEntityType(e.type));
          const choose = button('', () => {
            results.replaceChildren();
            void attempt(() => this.showNode(e.id));
          }, { class: 'entity-result' });
          choose.append(swatch, h('strong', {}, e.name), ` ${e.type}${e.kind ? ` · ${e.kind}` : ''} · ${e.mentions}×${e.aliases.length ? ` · ${e.aliases.join('、')}` : ''}`);
          return h('li', {}, choose);
        }));
        if (!entities.length) results.replaceChildren(h('li', { class: 'muted' }, t('explore.noMatch', { match })));
        results.querySelector('button')?.focus();
      });
    });
    results.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') results.replaceChildren();
    });
  }
}

/** The answer's entities and tasks, joined by the TOUCHES edges the entities' neighbourhoods hold. */
async function answerSubgraph(answer: Answer, neighbourhoods: Subgraph[]): Promise<Subgraph> {
  const wanted = new Set(answer.tasks.map((task) => `${task.documentId}#${task.number}`));
  const taskKey = (n: GraphNode) => `${String(n.properties.documentId)}#${String(n.properties.number)}`;
  const entityIds = new Set(answer.entities.map((e) => e.id));
  const candidates = neighbourhoods.flatMap((s) => s.nodes);
  const known = new Set(candidates.filter((n) => n.label === 'Task').map(taskKey));
  // Topic answers take their tasks from the cited passages; those tasks are looked up directly.
  if ([...wanted].some((key) => !known.has(key))) {
    const passageTaskIds = [...new Set(answer.passages.flatMap((p) => (p.taskId ? [p.taskId] : [])))];
    const passageTasks = await Promise.all(passageTaskIds.map((id) => api.node(id).catch(() => null)));
    candidates.push(...passageTasks.flatMap((n) => n ?? []));
  }
  const nodes = new Map<string, GraphNode>();
  for (const n of candidates) {
    if (entityIds.has(n.id) || (n.label === 'Task' && wanted.has(taskKey(n)))) nodes.set(n.id, n);
  }
  const edges = neighbourhoods.flatMap((s) => s.edges).filter((e) => nodes.has(e.source) && nodes.has(e.target));
  return { nodes: [...nodes.values()], edges };
}
