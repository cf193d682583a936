// Indicators: a list of indicators filtered as one types (Chinese, pinyin, or English through the server: GDP →
// 地区生产总值), a place filter, and the charts of the one picked.
import { api, type EntitySummary, type Timeline } from './api.ts';
import { button, byId, h } from './dom.ts';
import { t } from './i18n.ts';
import { attempt } from './status.ts';
import { placesOf, renderTimeline } from './timeline-chart.ts';

export interface IndicatorsEvents {
  charted(indicatorId: string, place: string | null): void;
  openReport(documentId: string, paragraphId: string): void;
}

/** The indicator charted, with the place its chart is narrowed to. */
interface ChosenIndicator {
  id: string;
  timeline: Timeline;
  place: string | null;
}

export class IndicatorsPage {
  private indicators: EntitySummary[] | null = null;
  /** Indicators the server linked to an English or pinyin filter, shown first. */
  private linked: EntitySummary[] = [];
  private chosen: ChosenIndicator | null = null;
  private asked = 0;

  constructor(private readonly events: IndicatorsEvents) {
    const filter = byId<HTMLInputElement>('indicator-filter');
    filter.addEventListener('input', () => void attempt(() => this.filter(filter.value.trim())));
    byId<HTMLSelectElement>('indicator-place').addEventListener('change', (event) => {
      if (!this.chosen) return;
      this.chosen.place = (event.target as HTMLSelectElement).value || null;
      this.render(this.chosen);
    });
  }

  /** Loaded when the view is first shown, and again after documents change. */
  async shown(): Promise<void> {
    this.indicators ??= (await api.indicators()).entities;
    this.renderList();
  }

  invalidate(): void {
    this.indicators = null;
  }

  rerender(): void {
    this.renderList();
    if (this.chosen) this.render(this.chosen);
  }

  private async filter(match: string): Promise<void> {
    const ticket = ++this.asked;
    this.linked = [];
    this.renderList();
    if (!/[a-z]{2}/i.test(match)) return;
    const { entities } = await api.indicatorsMatching(match);
    if (ticket !== this.asked) return;
    this.linked = entities;
    this.renderList();
  }

  private renderList(): void {
    const filter = byId<HTMLInputElement>('indicator-filter').value.trim().toLowerCase();
    const local = (this.indicators ?? []).filter(
      (e) => !filter || e.name.toLowerCase().includes(filter) || e.pinyin.includes(filter.replace(/\s+/g, '')),
    );
    const shown = [...new Map([...this.linked, ...local].map((e) => [e.id, e])).values()];
    const list = byId('indicator-list');
    list.replaceChildren(
      ...shown.slice(0, 200).map((e) =>
        h(
          'li',
          {},
          button(e.name, () => void attempt(() => this.chart(e.id, null)), {
            class: 'indicator-choice',
            'aria-pressed': String(e.id === this.chosen?.id),
            title: t('indicators.mentions', { n: e.mentions }),
          }),
        ),
      ),
    );
    if (!shown.length && filter) list.replaceChildren(h('li', { class: 'muted' }, t('indicators.noMatch', { match: filter })));
  }

  async chart(id: string, place: string | null): Promise<void> {
    const timeline = this.chosen?.id === id ? this.chosen.timeline : await api.timeline(id);
    const chosen = { id, timeline, place };
    this.chosen = chosen;
    this.renderList();
    this.render(chosen);
  }

  private render({ id, timeline, place }: ChosenIndicator): void {
    const select = byId<HTMLSelectElement>('indicator-place');
    select.replaceChildren(
      h('option', { value: '' }, t('indicators.allPlaces')),
      ...placesOf(timeline).map((p) => h('option', { value: p }, p)),
    );
    select.value = place ?? '';
    select.disabled = false;
    renderTimeline(byId('indicator-chart'), timeline, place, (documentId, paragraphId) => this.events.openReport(documentId, paragraphId));
    this.events.charted(id, place);
  }
}
