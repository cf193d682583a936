// The page: five views (Ask, Explore, Indicators, Documents, Check) as tabs, a language toggle and a health line.
import './styles.css';
import { api } from './api.ts';
import { AskPage } from './ask-page.ts';
import { CheckPage } from './check-page.ts';
import { byId } from './dom.ts';
import { DocumentsPage } from './documents-page.ts';
import { ExplorePage } from './explore-page.ts';
import { applyLabels, currentLanguage, setLanguage, t } from './i18n.ts';
import { IndicatorsPage } from './indicators-page.ts';
import { attempt } from './status.ts';
import { Tabs, type View } from './tabs.ts';

const explore = new ExplorePage();
// Tests find where nodes are drawn through this handle, then click them with the mouse like a user.
(window as unknown as { policyGraph: unknown }).policyGraph = explore.graph;
const indicators = new IndicatorsPage();
const tabs = new Tabs((view: View) => {
  if (view === 'explore') explore.shown();
  if (view === 'indicators') void attempt(() => indicators.shown());
  if (view === 'documents') void attempt(async () => void (await documents.refresh()));
});
const ask = new AskPage(explore, () => tabs.show('explore'));
const check = new CheckPage((id) => explore.documentTitle(id));
const documents = new DocumentsPage({
  changed: (list) => {
    api.forget();
    indicators.invalidate();
    explore.setDocuments(list);
    void attempt(loadHealth);
  },
  showInGraph: (id) => {
    tabs.show('explore');
    void attempt(() => explore.showNode(id));
  },
});

async function loadHealth(): Promise<void> {
  const health = await api.health();
  const line = byId('health');
  line.textContent = t('health', { documents: health.store.documents, nodes: health.store.nodes, semantic: t(health.model.semanticSearch) });
  line.title = `${health.store.kind} · ${health.model.id} (${health.model.mode}) · ${health.index.kind} ${health.index.size}`;
  line.classList.toggle('semantic-off', health.model.semanticSearch === 'off');
}

byId('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'en' ? 'zh' : 'en');
  explore.relabel();
  ask.rerender();
  check.rerender();
  void attempt(loadHealth);
  void attempt(async () => void (await documents.refresh()));
});

applyLabels();
tabs.fromHash();
void attempt(async () => {
  const [list] = await Promise.all([documents.refresh(), loadHealth()]);
  explore.setDocuments(list);
  const question = new URLSearchParams(location.search).get('q');
  if (question) await ask.ask(question);
});
