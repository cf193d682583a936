// The page: six views as tabs (Ask, Report, Explore, Indicators, Documents, Check), a language toggle and a
// health line. The URL says what is shown (url-state.ts): every step a user takes is a history entry.
import './styles.css';
import { api } from './api.ts';
import { AskPage } from './ask-page.ts';
import { CheckPage } from './check-page.ts';
import { byId } from './dom.ts';
import { DocumentsPage } from './documents-page.ts';
import { ExplorePage } from './explore-page.ts';
import { applyLabels, currentLanguage, setLanguage, t } from './i18n.ts';
import { IndicatorsPage } from './indicators-page.ts';
import { ReaderPage, type ReaderTarget } from './reader-page.ts';
import { setReports } from './reports.ts';
import { attempt, say } from './status.ts';
import { Tabs, type View } from './tabs.ts';
import { readRoute, writeRoute, type RouteParams } from './url-state.ts';

/** What each view showed last, so coming back to a tab restores it (and its URL). */
const remembered: Partial<Record<View, RouteParams>> = {};
/** While the page follows the URL (load, Back), it must not write new history entries. */
let restoring = false;

function go(view: View, params: RouteParams = remembered[view] ?? {}, mode: 'push' | 'replace' = 'push'): void {
  remembered[view] = params;
  if (!restoring) writeRoute(view, params, tabs.current === view && mode === 'push' && view !== 'ask' ? 'replace' : mode);
  if (byId(`tab-${view}`).getAttribute('aria-selected') !== 'true') {
    say(''); // a message belongs to the view it came from
    tabs.show(view);
  }
}

const explore = new ExplorePage({
  entityShown: (id) => go('explore', { entity: id }, 'replace'),
  openReport: (documentId, paragraphId) => openReport(documentId, { paragraphId }),
});
// Tests find where nodes are drawn through this handle, then click them with the mouse like a user.
(window as unknown as { policyGraph: unknown }).policyGraph = explore.graph;
const indicators = new IndicatorsPage({
  charted: (id, place) => go('indicators', { indicator: id, ...(place ? { place } : {}) }),
  openReport: (documentId, paragraphId) => openReport(documentId, { paragraphId }),
});
const reader = new ReaderPage(byId('reader'), {
  showInGraph: (id) => {
    go('explore', { entity: id });
    void attempt(() => explore.showNode(id));
  },
  chartIndicator: (id, place) => {
    go('indicators', { indicator: id, ...(place ? { place } : {}) });
    void attempt(() => indicators.chart(id, place));
  },
  opened: (documentId, target) => go('reader', readerParams(documentId, target), 'replace'),
});
const tabs = new Tabs(
  (view) => {
    if (view === 'explore') explore.shown();
    if (view === 'indicators') void attempt(() => indicators.shown());
    if (view === 'documents') void attempt(async () => void (await documents.refresh()));
    if (view === 'reader' && !reader.documentId) reader.showPicker();
  },
  (view) => go(view),
);

function readerParams(documentId: string, target: ReaderTarget): RouteParams {
  return {
    doc: documentId,
    ...(target.paragraphId ? { p: target.paragraphId } : {}),
    ...(target.task !== undefined ? { task: String(target.task) } : {}),
  };
}

function openReport(documentId: string, target: ReaderTarget): void {
  go('reader', readerParams(documentId, target));
  void attempt(() => reader.open(documentId, target));
}

const ask = new AskPage(explore, {
  asked: (question) => go('ask', { q: question }),
  openExplore: () => go('explore'),
  openReport,
});
const check = new CheckPage({ openReport });
const documents = new DocumentsPage({
  changed: (list) => {
    api.forget();
    setReports(list);
    indicators.invalidate();
    explore.setDocuments(list);
    void attempt(loadHealth);
  },
  showInGraph: (id) => {
    go('explore', { entity: id });
    void attempt(() => explore.showNode(id));
  },
  read: (id) => openReport(id, {}),
});

async function loadHealth(): Promise<void> {
  const health = await api.health();
  const line = byId('health');
  line.textContent = t('health', {
    documents: health.store.documents,
    nodes: health.store.nodes,
    semantic: t(health.model.semanticSearch),
  });
  line.title = `${health.store.kind} · ${health.model.id} (${health.model.mode}) · ${health.index.kind} ${health.index.size}`;
  line.classList.toggle('semantic-off', health.model.semanticSearch === 'off');
}

/** Shows what the URL says: on load, and when Back or Forward moves through history. */
async function followUrl(): Promise<void> {
  const { view, params } = readRoute();
  restoring = true;
  try {
    go(view, params);
    if (view === 'ask' && params.q && params.q !== ask.question) await ask.ask(params.q);
    if (view === 'reader' && params.doc)
      await reader.open(params.doc, { paragraphId: params.p, task: params.task ? Number(params.task) : undefined });
    if (view === 'explore' && params.entity && explore.selectedId !== params.entity) await explore.showNode(params.entity);
    if (view === 'indicators' && params.indicator) await indicators.chart(params.indicator, params.place ?? null);
  } finally {
    restoring = false;
  }
}

window.addEventListener('popstate', () => void attempt(followUrl));

byId('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'en' ? 'zh' : 'en');
  say('');
  explore.relabel();
  ask.rerender();
  reader.rerender();
  indicators.rerender();
  check.rerender();
  void attempt(loadHealth);
  void attempt(async () => void (await documents.refresh()));
});

applyLabels();
void attempt(async () => {
  const [list] = await Promise.all([documents.refresh(), loadHealth()]);
  setReports(list);
  explore.setDocuments(list);
  await followUrl();
});
