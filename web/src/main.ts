// The page: ask a question, read the cited answer, and explore the graph around it.
import './styles.css';
import { api, type Answer, type GraphNode, type Subgraph } from './api.ts';
import { renderAnswer } from './answer-view.ts';
import { DetailsPanel } from './details-panel.ts';
import { button, byId, h, plural } from './dom.ts';
import { GraphView } from './graph-view.ts';
import { colourOf, LABEL_NAMES_ZH, LABELS, labelOfEntityType } from './labels.ts';
import { mentionSpansByParagraph } from './mentions.ts';

const status = byId('status');
const documentTitles = new Map<string, string>();
/** The last two distinct nodes clicked: the ends of "Find path". */
let pathEnds: string[] = [];

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.className = kind;
}

/** Runs a user action, reporting its failure in the status line instead of losing it. */
async function attempt(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
  }
}

const graph = new GraphView(byId('graph'), {
  nodeTapped: (node) => focus(node),
  edgeTapped: (edge) => details.showEdge(edge),
  expandRequested: (id) => void attempt(() => expand(id)),
  backgroundTapped: () => graph.clearHighlight(),
  changed: () => updateCount(),
});
// Tests find where nodes are drawn through this handle, then click them with the mouse like a user.
(window as unknown as { policyGraph: GraphView }).policyGraph = graph;

const details = new DetailsPanel(byId('details'), {
  nodeName: (id) => graph.node(id)?.name ?? id,
  expand: (id) => void attempt(() => expand(id)),
  show: (id) => void attempt(() => showNode(id)),
});

/** Shows a node's details and makes it the newest end of "Find path". */
function focus(node: GraphNode): void {
  pathEnds = [...pathEnds.filter((id) => id !== node.id), node.id].slice(-2);
  updatePathTools();
  details.showNode(node);
}

function updateCount(): void {
  const { nodes, edges, hidden } = graph.counts();
  byId('graph-count').textContent = `${plural(nodes, 'node')} · ${plural(edges, 'edge')}${hidden ? ` · ${hidden} hidden` : ''}`;
  byId('graph-empty').hidden = nodes > 0;
}

function updatePathTools(): void {
  graph.markPathEnds(pathEnds);
  const [from, to] = pathEnds.map((id) => graph.node(id)?.name ?? id);
  byId('path-ends').textContent = to ? `${from} → ${to}` : from ? `${from} → (click another node)` : 'Click two nodes';
  byId<HTMLButtonElement>('find-path').disabled = pathEnds.length < 2;
}

async function expand(id: string): Promise<void> {
  const subgraph = await api.neighbourhood(id);
  const added = graph.merge(subgraph, { around: id });
  if (added.length) graph.layout();
  say(`Expanded ${graph.node(id)?.name ?? id}: ${plural(added.length, 'new node')}`);
}

/** Adds one node with its edges to what the graph already shows (no new neighbours), and selects it. */
async function showNode(id: string): Promise<void> {
  const subgraph = await api.neighbourhood(id);
  const node = subgraph.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`node ${id} not found`);
  const shownNeighbour = subgraph.edges.map((e) => (e.source === id ? e.target : e.source)).find((other) => graph.has(other));
  if (graph.merge({ nodes: [node], edges: subgraph.edges }, { around: shownNeighbour }).length) graph.layout();
  graph.select(id);
  focus(node);
}

async function findPath(): Promise<void> {
  const [from, to] = pathEnds;
  if (!from || !to) return;
  const maxHops = Number(byId<HTMLSelectElement>('max-hops').value);
  const path = await api.paths(from, to, maxHops);
  if (!path.nodes.length) {
    graph.clearHighlight();
    say(`No path within ${maxHops} hops between ${graph.node(from)?.name} and ${graph.node(to)?.name}`, 'error');
    return;
  }
  if (graph.merge(path, { around: from }).length) graph.layout();
  graph.highlightPath(path);
  const steps = GraphView.pathSteps(path, from);
  details.showPath(from, to, steps);
  say(`Path found, ${steps.length - 1} hops: ${steps.map((step) => step.map((n) => n.name).join(' | ')).join(' → ')}`);
}

/** The answer's entities and tasks, joined by the TOUCHES edges the entities' neighbourhoods hold. */
async function answerSubgraph(answer: Answer, neighbourhoods: Subgraph[]): Promise<Subgraph> {
  const wanted = new Set(answer.tasks.map((t) => `${t.documentId}#${t.number}`));
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

async function ask(question: string): Promise<void> {
  say('Searching… 正在检索');
  const answer = await api.ask(question);
  const neighbourhoods = await Promise.all(answer.entities.map((e) => api.neighbourhood(e.id).catch(() => ({ nodes: [], edges: [] }))));
  renderAnswer(byId('answer'), answer, {
    documentTitle: (id) => documentTitles.get(id) ?? id,
    spans: mentionSpansByParagraph(neighbourhoods),
    showEntity: (id) => void attempt(() => showNode(id)),
    showParagraph: (id) => void attempt(() => showNode(id)),
  });
  graph.clear();
  pathEnds = [];
  updatePathTools();
  graph.merge(await answerSubgraph(answer, neighbourhoods));
  graph.layout();
  details.showMessage('Graph 图谱', 'The graph shows the answer’s entities and tasks. Click a node for its source text; double-click or “Expand” to add its neighbours; click two nodes to find a path.');
  say(`${plural(answer.tasks.length, 'task')}, ${plural(answer.passages.length, 'passage')} in ${answer.ms} ms`);
}

function setUpFilters(): void {
  const container = byId('type-filters');
  for (const label of LABELS) {
    const box = h('input', { type: 'checkbox', id: `show-${label}`, checked: '' });
    box.addEventListener('change', () => {
      graph.setLabelVisible(label, box.checked);
      updateCount();
    });
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colourOf(label);
    container.append(h('label', { for: `show-${label}` }, box, swatch, `${label} ${LABEL_NAMES_ZH[label]}`));
  }
}

function setUpEntitySearch(): void {
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
          void attempt(() => showNode(e.id));
        }, { class: 'entity-result' });
        choose.append(swatch, h('strong', {}, e.name), ` ${e.type}${e.kind ? ` · ${e.kind}` : ''} · ${plural(e.mentions, 'mention')}${e.aliases.length ? ` · ${e.aliases.join('、')}` : ''}`);
        return h('li', {}, choose);
      }));
      if (!entities.length) results.replaceChildren(h('li', { class: 'muted' }, `No entity matches “${match}”`));
      results.querySelector('button')?.focus();
    });
  });
  results.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') results.replaceChildren();
  });
}

async function loadHeader(): Promise<void> {
  const [health, { documents }] = await Promise.all([api.health(), api.documents()]);
  for (const d of documents) documentTitles.set(d.id, d.title);
  byId('health').textContent = `${health.store.documents} documents · ${health.store.nodes} nodes · ${health.store.relationships} relationships · graph: ${health.store.kind} · semantic search: ${health.model.semanticSearch}`;
  byId('health').classList.toggle('semantic-off', health.model.semanticSearch === 'off');
}

setUpFilters();
setUpEntitySearch();
updateCount();
updatePathTools();
byId('find-path').addEventListener('click', () => void attempt(findPath));
byId('fit').addEventListener('click', () => graph.fit());
byId('relayout').addEventListener('click', () => graph.layout());
byId('ask-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const question = byId<HTMLInputElement>('question').value.trim();
  if (!question) return;
  history.replaceState(null, '', `?q=${encodeURIComponent(question)}`);
  const submit = byId<HTMLButtonElement>('ask-submit');
  submit.disabled = true;
  void attempt(() => ask(question)).finally(() => (submit.disabled = false));
});
void attempt(async () => {
  await loadHeader();
  const question = new URLSearchParams(location.search).get('q');
  if (question) {
    byId<HTMLInputElement>('question').value = question;
    await ask(question);
  }
});
