// Explore: the Cytoscape graph with its legend/type filter, document filter, entity search, expand (capped, and
// saying so), shortest paths between two picked nodes, zoom controls and the details panel.
import { api, type Answer, type DocumentSummary, type GraphNode, type Subgraph } from './api.ts';
import { DetailsPanel } from './details-panel.ts';
import { button, byId, h } from './dom.ts';
import { GraphView } from './graph-view.ts';
import { currentLanguage, t } from './i18n.ts';
import { colourOf, LABEL_NAMES_ZH, LABELS, labelOfEntityType, legendSwatch } from './labels.ts';
import { allReports, reportName } from './reports.ts';
import { attempt, say } from './status.ts';

export interface ExploreEvents {
  /** A node was picked: the URL follows. */
  entityShown(id: string): void;
  openReport(documentId: string, paragraphId: string): void;
}

/** Paragraphs are folded into their report and section until the user unfolds them with the legend. */
const FOLDED_BY_DEFAULT = new Set(['Paragraph']);
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 200;

export class ExplorePage {
  readonly graph: GraphView;
  private readonly details: DetailsPanel;
  /** The last two distinct nodes clicked: the ends of "Find path". */
  private pathEnds: string[] = [];
  selectedId: string | null = null;

  constructor(private readonly events: ExploreEvents) {
    this.graph = new GraphView(byId('graph'), {
      nodeTapped: (node) => this.focus(node),
      edgeTapped: (edge) => this.details.showEdge(edge),
      expandRequested: (id) => void attempt(() => this.expand(id)),
      backgroundTapped: () => this.graph.clearHighlight(),
      changed: () => this.updateCount(),
      edgeCaption: (edge) => t(`edge.${edge.type}`),
      describe: (item) => {
        if ('edge' in item) {
          const { edge } = item;
          return t('explore.edgeHint', {
            type: t(`edge.${edge.type}`),
            from: this.graph.node(edge.source)?.name ?? '',
            to: this.graph.node(edge.target)?.name ?? '',
          });
        }
        const { node } = item;
        const report = typeof node.properties.documentId === 'string' ? ` · ${reportName(node.properties.documentId)}` : '';
        return `${currentLanguage() === 'zh' ? (LABEL_NAMES_ZH[node.label] ?? node.label) : node.label}: ${node.name}${report}`;
      },
    });
    this.details = new DetailsPanel(byId('details'), {
      nodeName: (id) => this.graph.node(id)?.name ?? id,
      expand: (id) => void attempt(() => this.expand(id)),
      show: (id) => void attempt(() => this.showNode(id)),
      openReport: (documentId, paragraphId) => this.events.openReport(documentId, paragraphId),
    });
    this.setUpFilters();
    this.setUpEntitySearch();
    byId('find-path').addEventListener('click', () => void attempt(() => this.findPath()));
    byId('fit').addEventListener('click', () => this.graph.fit());
    byId('zoom-in').addEventListener('click', () => this.graph.zoomBy(1.25));
    byId('zoom-out').addEventListener('click', () => this.graph.zoomBy(0.8));
    byId('relayout').addEventListener('click', () => this.graph.layout());
    byId('clear-graph').addEventListener('click', () => this.clear());
    byId<HTMLSelectElement>('document-filter').addEventListener('change', () => this.applyReportFilter());
    byId<HTMLInputElement>('year-filter').addEventListener('input', () => this.applyReportFilter());
    byId('export-png').addEventListener('click', () => download('policy-graph-view.png', this.graph.png()));
    byId('export-graphml').addEventListener('click', () =>
      download('policy-graph-view.graphml', URL.createObjectURL(new Blob([this.graph.graphml()], { type: 'application/graphml+xml' }))),
    );
    this.updateCount();
    this.updatePathTools();
  }

  /** The view became visible: the frame has a size again. */
  shown(): void {
    this.graph.resize();
    this.graph.fit();
  }

  /** Reports to show at once (several may be picked) and a year slider whose last stop means every year. */
  setDocuments(documents: DocumentSummary[]): void {
    const select = byId<HTMLSelectElement>('document-filter');
    const chosen = new Set(Array.from(select.selectedOptions).map((o) => o.value));
    select.replaceChildren(...documents.map((d) => h('option', { value: d.id, title: d.title }, reportName(d.id))));
    for (const option of Array.from(select.options)) option.selected = chosen.has(option.value);
    const years = documents.flatMap((d) => (d.year === null ? [] : [d.year]));
    const slider = byId<HTMLInputElement>('year-filter');
    const all = Number(slider.value) >= Number(slider.max);
    slider.min = String(Math.min(...years, new Date().getFullYear()));
    slider.max = String(Math.max(...years, Number(slider.min)) + 1);
    if (all) slider.value = slider.max;
    this.applyReportFilter();
  }

  private applyReportFilter(): void {
    const picked = new Set(Array.from(byId<HTMLSelectElement>('document-filter').selectedOptions).map((o) => o.value));
    const slider = byId<HTMLInputElement>('year-filter');
    const year = Number(slider.value) >= Number(slider.max) ? null : Number(slider.value);
    byId('year-shown').textContent = year === null ? t('explore.allYears') : currentLanguage() === 'zh' ? `${year}年` : String(year);
    const shown = allReports()
      .filter((d) => (!picked.size || picked.has(d.id)) && (year === null || d.year === year))
      .map((d) => d.id);
    this.graph.setDocumentFilter(picked.size || year !== null ? new Set(shown) : null);
    this.updateCount();
  }

  relabel(): void {
    this.graph.recaption();
    this.updateCount();
    this.updatePathTools();
    this.applyReportFilter();
  }

  private clear(): void {
    this.graph.clear();
    this.pathEnds = [];
    this.updatePathTools();
    byId('graph-cap').hidden = true;
  }

  private focus(node: GraphNode): void {
    this.selectedId = node.id;
    this.events.entityShown(node.id);
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
      const box = h('input', { type: 'checkbox', id: `show-${label}` });
      box.checked = !FOLDED_BY_DEFAULT.has(label);
      this.graph.setLabelVisible(label, box.checked);
      box.addEventListener('change', () => {
        this.graph.setLabelVisible(label, box.checked);
        this.updateCount();
      });
      container.append(h('label', { for: `show-${label}` }, box, legendSwatch(label), `${label} ${LABEL_NAMES_ZH[label]}`));
    }
  }

  private setUpEntitySearch(): void {
    const results = byId('entity-results');
    const input = byId<HTMLInputElement>('entity-match');
    let timer: number | undefined;
    let asked = 0;
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => search(false), SEARCH_DELAY_MS);
    });
    byId('entity-form').addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      search(true);
    });
    const search = (focusFirst: boolean) => {
      const match = input.value.trim();
      if (!match) {
        results.replaceChildren();
        return;
      }
      const ticket = ++asked; // an answer to an earlier keystroke never replaces a later one
      void attempt(async () => {
        const { entities } = await api.entities(match);
        if (ticket !== asked) return;
        results.replaceChildren(
          ...entities.slice(0, 20).map((e) => {
            const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
            swatch.style.background = colourOf(labelOfEntityType(e.type));
            const choose = button(
              '',
              () => {
                results.replaceChildren();
                void attempt(() => this.showNode(e.id));
              },
              { class: 'entity-result' },
            );
            choose.append(
              swatch,
              h('strong', {}, e.name),
              ` ${t(`type.${e.type}`)} · ${e.mentions}×${e.aliases.length ? ` · ${e.aliases.slice(0, 3).join('、')}` : ''}`,
            );
            return h('li', {}, choose);
          }),
        );
        if (!entities.length) results.replaceChildren(h('li', { class: 'muted' }, t('explore.noMatch', { match })));
        if (focusFirst) results.querySelector('button')?.focus();
      });
    };
    results.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') results.replaceChildren();
    });
  }
}

function download(name: string, href: string): void {
  const link = h('a', { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
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
