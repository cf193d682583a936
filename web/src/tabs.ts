// The five views as ARIA tabs: one panel shown at a time, chosen by click, arrow keys or the URL hash.
export const VIEWS = ['ask', 'explore', 'indicators', 'documents', 'check'] as const;
export type View = (typeof VIEWS)[number];

const isView = (value: string): value is View => (VIEWS as readonly string[]).includes(value);

export class Tabs {
  private readonly tabs: HTMLButtonElement[];
  current: View = 'ask';

  constructor(private readonly shown: (view: View) => void) {
    this.tabs = VIEWS.map((view) => document.getElementById(`tab-${view}`) as HTMLButtonElement);
    this.tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => this.show(VIEWS[i]!, { focus: false }));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        const jump = event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : null;
        if (!step && jump === null) return;
        event.preventDefault();
        this.show(VIEWS[jump ?? (i + step + VIEWS.length) % VIEWS.length]!, { focus: true });
      });
    });
    window.addEventListener('hashchange', () => this.fromHash());
  }

  fromHash(): void {
    const view = location.hash.slice(1);
    this.show(isView(view) ? view : 'ask', { focus: false });
  }

  show(view: View, options: { focus: boolean } = { focus: false }): void {
    this.current = view;
    VIEWS.forEach((name, i) => {
      const selected = name === view;
      const tab = this.tabs[i]!;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(`view-${name}`)!.hidden = !selected;
    });
    if (options.focus) this.tabs[VIEWS.indexOf(view)]!.focus();
    if (location.hash.slice(1) !== view) history.replaceState(null, '', `${location.search}#${view}`);
    this.shown(view);
  }
}
