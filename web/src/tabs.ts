// The views as ARIA tabs: one panel shown at a time, chosen by click or arrow keys; the page (main.ts) decides
// what a choice does to the URL, so Back and deep links work.
import { defined } from '../../src/domain/defined.ts';
import { byId } from './dom.ts';

export const VIEWS = ['ask', 'reader', 'explore', 'indicators', 'documents', 'check'] as const;
export type View = (typeof VIEWS)[number];

export const isView = (value: string): value is View => (VIEWS as readonly string[]).includes(value);

export class Tabs {
  private readonly tabs: Array<{ view: View; tab: HTMLButtonElement }>;
  current: View = 'ask';

  /** `chosen` runs when the user picks a tab; `shown` whenever a panel becomes visible. */
  constructor(
    private readonly shown: (view: View) => void,
    chosen: (view: View) => void,
  ) {
    this.tabs = VIEWS.map((view) => ({ view, tab: byId<HTMLButtonElement>(`tab-${view}`) }));
    this.tabs.forEach(({ view, tab }, i) => {
      tab.addEventListener('click', () => chosen(view));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        const jump = event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : null;
        if (!step && jump === null) return;
        event.preventDefault();
        const next = defined(this.tabs[jump ?? (i + step + VIEWS.length) % VIEWS.length], 'tab of a view');
        chosen(next.view);
        next.tab.focus();
      });
    });
  }

  show(view: View): void {
    this.current = view;
    for (const { view: name, tab } of this.tabs) {
      const selected = name === view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      byId(`view-${name}`).hidden = !selected;
    }
    this.shown(view);
  }
}
