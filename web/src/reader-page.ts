// The report reader: a report's outline (parts, sections, tasks) beside its text, headings in place, entity
// mentions marked; a cited paragraph is scrolled to and highlighted, with links to the graph and to the charts
// of the indicators it names.
import { api, type DocumentReader } from './api.ts';
import { button, h, highlighted, type Span } from './dom.ts';
import { t } from './i18n.ts';
import { colourOf, labelOfEntityType } from './labels.ts';
import { allReports, reportName } from './reports.ts';

export interface ReaderTarget {
  paragraphId?: string;
  task?: number;
}

export interface ReaderActions {
  showInGraph(id: string): void;
  chartIndicator(indicatorId: string, place: string | null): void;
  /** The reader moved to another report or paragraph: the URL follows. */
  opened(documentId: string, target: ReaderTarget): void;
}

type Heading = { at: number; level: 'part' | 'section' | 'task'; title: string; id: string };

function headings(report: DocumentReader): Heading[] {
  return [
    ...report.parts.map((p) => ({ at: p.charStart, level: 'part' as const, title: `${p.path}、${p.title}`, id: p.id })),
    ...report.parts
      .flatMap((p) => p.sections)
      .map((s) => ({ at: s.charStart, level: 'section' as const, title: `${s.path.split('/').pop()}${s.title}`, id: s.id })),
    ...report.tasks.map((task) => ({ at: task.charStart, level: 'task' as const, title: `${task.number}. ${task.title}`, id: task.id })),
  ].sort((a, b) => a.at - b.at);
}

export class ReaderPage {
  private report: DocumentReader | null = null;
  private target: ReaderTarget = {};

  constructor(
    private readonly container: HTMLElement,
    private readonly actions: ReaderActions,
  ) {}

  get documentId(): string | null {
    return this.report?.id ?? null;
  }

  /** Shows the list of reports when none is open. */
  showPicker(): void {
    this.report = null;
    this.container.replaceChildren(
      h('h2', {}, t('reader.pick')),
      h(
        'ul',
        { class: 'report-picker' },
        ...allReports().map((r) =>
          h(
            'li',
            {},
            button(reportName(r.id), () => void this.open(r.id, {}), { class: 'link', title: r.title }),
          ),
        ),
      ),
    );
  }

  async open(documentId: string, target: ReaderTarget): Promise<void> {
    const report = this.report?.id === documentId ? this.report : await api.document(documentId);
    this.report = report;
    this.target = target;
    this.render(report);
    this.actions.opened(documentId, target);
  }

  rerender(): void {
    if (this.report) this.render(this.report);
    else this.showPicker();
  }

  private paragraphIdOf(target: ReaderTarget): string | undefined {
    if (target.paragraphId) return target.paragraphId;
    const task = this.report?.tasks.find((item) => item.number === target.task);
    return task ? this.report?.paragraphs.find((p) => p.taskId === task.id)?.id : undefined;
  }

  private render(report: DocumentReader): void {
    const cited = this.paragraphIdOf(this.target);
    const mentionsOf = new Map<string, DocumentReader['mentions']>();
    for (const m of report.mentions) mentionsOf.set(m.paragraphId, [...(mentionsOf.get(m.paragraphId) ?? []), m]);
    const body: HTMLElement[] = [];
    const pending = headings(report);
    for (const paragraph of report.paragraphs) {
      for (let heading = pending[0]; heading && heading.at <= paragraph.charStart; heading = pending[0]) {
        pending.shift();
        body.push(
          h(
            heading.level === 'part' ? 'h3' : 'h4',
            { id: `heading-${heading.id}`, class: `reader-${heading.level}`, tabindex: '-1' },
            heading.title,
          ),
        );
      }
      const mentions = mentionsOf.get(paragraph.id) ?? [];
      const spans: Span[] = mentions.map((m) => ({
        start: m.charStart - paragraph.charStart,
        end: m.charEnd - paragraph.charStart,
        title: `${t(`type.${m.entityType}`)}: ${m.entityName}`,
        className: `entity entity-${m.entityType}`,
      }));
      const isCited = paragraph.id === cited;
      body.push(
        h(
          'p',
          {
            id: `paragraph-${paragraph.id}`,
            class: `reader-paragraph${isCited ? ' cited' : ''}`,
            'data-paragraph-id': paragraph.id,
            tabindex: '-1',
            lang: 'zh-Hans',
          },
          highlighted(paragraph.text, spans),
        ),
      );
      if (isCited) body.push(this.paragraphTools(mentions));
    }
    const outline = h(
      'nav',
      { class: 'outline', 'aria-label': t('reader.outline') },
      h('h2', {}, t('reader.outline')),
      h(
        'ol',
        {},
        ...report.parts.map((part) =>
          h(
            'li',
            {},
            this.outlineLink(`${part.path}、${part.title}`, part.id),
            h(
              'ol',
              {},
              ...part.sections.map((s) =>
                h(
                  'li',
                  {},
                  this.outlineLink(`${s.path.split('/').pop()}${s.title}`, s.id),
                  h(
                    'ol',
                    { class: 'outline-tasks' },
                    ...report.tasks
                      .filter((task) => task.sectionPath === s.path)
                      .map((task) => h('li', {}, this.outlineLink(`${task.number}. ${task.title}`, task.id))),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
    const meta = [report.title, report.date, report.issuer].filter(Boolean).join(' · ');
    this.container.replaceChildren(
      outline,
      h(
        'article',
        { class: 'report-text', 'aria-labelledby': 'report-name' },
        h(
          'header',
          {},
          h('h2', { id: 'report-name' }, reportName(report.id)),
          h('p', { class: 'muted' }, meta),
          report.source
            ? h(
                'p',
                { class: 'muted' },
                `${t('reader.source')}: `,
                h('a', { href: report.source, rel: 'noreferrer', target: '_blank' }, new URL(report.source).host),
              )
            : '',
          h(
            'p',
            { class: 'reader-actions' },
            button(t('reader.inGraph'), () => this.actions.showInGraph(report.id), { class: 'link' }),
            h('span', { class: 'muted' }, t('reader.legend')),
          ),
        ),
        ...body,
      ),
    );
    const focus = cited ? document.getElementById(`paragraph-${cited}`) : null;
    if (focus) {
      focus.scrollIntoView({ block: 'center' });
      focus.focus({ preventScroll: true });
    } else window.scrollTo({ top: 0 });
  }

  private outlineLink(text: string, id: string): HTMLElement {
    return button(
      text,
      () => {
        const heading = document.getElementById(`heading-${id}`);
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus({ preventScroll: true });
      },
      { class: 'link outline-link' },
    );
  }

  /** Beneath the cited paragraph: what it names, each to the graph, indicators also to their chart. */
  private paragraphTools(mentions: DocumentReader['mentions']): HTMLElement {
    const entities = [...new Map(mentions.map((m) => [m.entityId, m])).values()];
    return h(
      'div',
      { class: 'paragraph-tools' },
      h('span', { class: 'muted' }, `${t('reader.paragraphEntities')}: `),
      ...entities.map((m) => {
        const chip = button(m.entityName, () => this.actions.showInGraph(m.entityId), {
          class: 'chip',
          title: `${t(`type.${m.entityType}`)} · ${t('ask.showInGraph')}`,
        });
        chip.style.setProperty('--chip', colourOf(labelOfEntityType(m.entityType)));
        return chip;
      }),
      ...entities
        .filter((m) => m.entityType === 'indicator')
        .map((m) =>
          button(t('reader.chart', { name: m.entityName }), () => this.actions.chartIndicator(m.entityId, this.report?.place ?? null), {
            class: 'chart-link',
          }),
        ),
    );
  }
}
