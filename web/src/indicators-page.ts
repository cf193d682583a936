// Indicators: a filterable list of indicators (most mentioned first) and the chart of the one picked.
import { api, type EntitySummary } from './api.ts';
import { button, byId, h } from './dom.ts';
import { t } from './i18n.ts';
import { attempt } from './status.ts';
import { renderTimeline } from './timeline-chart.ts';

export class IndicatorsPage {
  private indicators: EntitySummary[] | null = null;
  private chosen: string | null = null;

  constructor() {
    byId('indicator-filter').addEventListener('input', () => this.renderList());
  }

  /** Loaded when the view is first shown, and again after documents change. */
  async shown(): Promise<void> {
    this.indicators ??= (await api.indicators()).entities;
    this.renderList();
  }

  invalidate(): void {
    this.indicators = null;
  }

  private renderList(): void {
    const filter = byId<HTMLInputElement>('indicator-filter').value.trim().toLowerCase();
    const shown = (this.indicators ?? []).filter((e) => !filter || e.name.toLowerCase().includes(filter) || e.pinyin.includes(filter.replace(/\s+/g, '')));
    byId('indicator-list').replaceChildren(...shown.slice(0, 200).map((e) => h('li', {},
      button(e.name, () => void attempt(() => this.chart(e.id)), {
        class: 'indicator-choice', 'aria-pressed': String(e.id === this.chosen), title: t('indicators.mentions', { n: e.mentions }),
      }))));
  }

  async chart(id: string): Promise<void> {
    this.chosen = id;
    this.renderList();
    renderTimeline(byId('indicator-chart'), await api.timeline(id));
  }
}
