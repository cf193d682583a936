// The views as ARIA tabs: one panel shown at a time, chosen by click or arrow keys; the page (main.ts) decides
// what a choice does to the URL, so Back and deep links work.
export const VIEWS = ['ask', 'reader', 'explore', 'indicators', 'documents', 'check'] as const;
export type View = (typeof VIEWS)[number];

export const isView = (value: string): value is View => (VIEWS as readonly string[]).includes(value);

export class Tabs {
  private readonly tabs: HTMLButtonElement[];
  current: View = 'ask';

  /** `chosen` runs when the user picks a tab; `shown` whenever a panel becomes visible. */
  constructor(private readonly shown: (view: View) => void, chosen: (view: View) => void) {
    this.tabs = VIEWS.map((view) => document.getElementById(`tab-${view}`) as HTMLButtonElement);
    this.tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => chosen(VIEWS[i]!));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        const jump = event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : null;
        if (!step && jump === null) return;
        event.preventDefault();
        const view = VIEWS[jump ?? (i + step + VIEWS.length) % VIEWS.length]!;
        chosen(view);
        this.tabs[VIEWS.indexOf(view)]!.focus();
      });
    });
  }

  show(view: View): void {
    this.current = view;
    VIEWS.forEach((name, i) => {
      const selected = name === view;
      const tab = this.tabs[i]!;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(`view-${name}`)!.hidden = !selected;
    });
    this.shown(view);
  }
}
