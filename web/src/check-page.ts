// Check: the drafter pastes text; each claim is underlined in the draft by its verdict, and its reason and the
// earlier commitment it was compared with are listed beside it.
import { api, type CheckReport } from './api.ts';
import { button, byId, h, highlighted, type Span } from './dom.ts';
import { formatFigure } from './figures.ts';
import { currentLanguage, t } from './i18n.ts';
import type { ReaderTarget } from './reader-page.ts';
import { reportName } from './reports.ts';
import { attempt, say } from './status.ts';

type Claim = CheckReport['claims'][number];
type Evidence = Claim['evidence'][number];

export interface CheckActions {
  openReport(documentId: string, target: ReaderTarget): void;
}

/** What the passage is to the claim; older servers say only `kind: related` or a figure's kind. */
function roleOf(evidence: Evidence): 'commitment' | 'result' | 'related' {
  if (evidence.role) return evidence.role;
  if (evidence.kind === 'related') return 'related';
  return evidence.kind && !evidence.kind.includes('target') ? 'result' : 'commitment';
}

function evidenceView(evidence: Evidence, actions: CheckActions): HTMLElement {
  const { quote } = evidence;
  const quoteAt = quote ? evidence.text.indexOf(quote) : -1;
  const spans: Span[] = quote && quoteAt >= 0 ? [{ start: quoteAt, end: quoteAt + quote.length }] : [];
  const role = roleOf(evidence);
  const figure = [
    evidence.period,
    evidence.kind && evidence.kind !== 'related' ? t(`kind.${evidence.kind}`) : '',
    evidence.value !== undefined ? formatFigure(evidence.value, evidence.unit ?? '', evidence.comparator) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return h(
    'figure',
    { class: `source evidence-${role}` },
    h(
      'figcaption',
      {},
      h('span', { class: `role role-${role}` }, t(`check.role.${role}`)),
      ` · ${reportName(evidence.documentId)}${figure ? ` · ${figure}` : ''} `,
      button(t('ask.openReport'), () => actions.openReport(evidence.documentId, { paragraphId: evidence.paragraphId }), { class: 'link' }),
    ),
    h('blockquote', { lang: 'zh-Hans' }, ...excerpt(evidence.text, spans[0])),
  );
}

/** Characters of context kept on each side of the quoted commitment; the reader has the whole paragraph. */
const CONTEXT = 80;

/** A long paragraph shortened to its quoted commitment with some context, the quote marked. */
function excerpt(text: string, quote: Span | undefined): Array<Node | string> {
  if (!quote || text.length <= quote.end - quote.start + 2 * CONTEXT) return [highlighted(text, quote ? [quote] : [])];
  const from = Math.max(0, quote.start - CONTEXT);
  const to = Math.min(text.length, quote.end + CONTEXT);
  return [
    from > 0 ? '…' : '',
    highlighted(text.slice(from, to), [{ start: quote.start - from, end: quote.end - from }]),
    to < text.length ? '…' : '',
  ];
}

export class CheckPage {
  private last: { draft: string; report: CheckReport } | null = null;

  constructor(private readonly actions: CheckActions) {
    byId('check-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const draft = byId<HTMLTextAreaElement>('draft').value;
      if (!draft.trim()) return;
      const submit = byId<HTMLButtonElement>('check-submit');
      submit.disabled = true;
      void attempt(() => this.check(draft)).finally(() => (submit.disabled = false));
    });
  }

  private async check(draft: string): Promise<void> {
    say(t('check.checking'));
    // The English reason comes beside the Chinese one, so switching the language needs no new request.
    const report = await api.check(draft, 'en');
    this.last = { draft, report };
    this.render(this.last);
    say(t('check.summary', { claims: report.claims.length, ms: report.ms }));
  }

  rerender(): void {
    if (this.last) this.render(this.last);
  }

  private render({ draft, report }: { draft: string; report: CheckReport }): void {
    const container = byId('check-result');
    if (!report.claims.length) {
      container.replaceChildren(h('p', { class: 'muted' }, t('check.none')));
      return;
    }
    const spans: Span[] = report.claims.map((c) => ({
      start: c.charStart,
      end: c.charEnd,
      title: t(`verdict.${c.verdict}`),
      className: `claim verdict-${c.verdict}`,
    }));
    const text = h('div', { class: 'draft-marked', lang: 'zh-Hans' }, highlighted(draft, spans));
    // Each underlined claim is a stop in the tab order and leads to its card.
    const marks = Array.from(text.querySelectorAll('mark'));
    const ordered = [...report.claims].sort((a, b) => a.charStart - b.charStart);
    marks.forEach((mark, i) => {
      const claim = ordered.find(
        (c) => draft.slice(c.charStart, c.charEnd) === mark.textContent && !marks.slice(0, i).some((m) => m.dataset.claim === c.id),
      );
      if (!claim) return;
      mark.dataset.claim = claim.id;
      mark.tabIndex = 0;
      const open = () => {
        const card = document.getElementById(`claim-${claim.id}`);
        card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        card?.focus();
      };
      mark.addEventListener('click', open);
      mark.addEventListener('keydown', (event) => event.key === 'Enter' && open());
    });
    const summary = Object.entries(report.summary)
      .filter(([, n]) => n > 0)
      .map(([verdict, n]) => h('span', { class: `verdict-badge verdict-${verdict}` }, `${t(`verdict.${verdict}`)} ${n}`));
    const cards = ordered.map((c) =>
      h(
        'article',
        { class: `claim-card verdict-${c.verdict}`, id: `claim-${c.id}`, tabindex: '-1' },
        h(
          'header',
          {},
          h('span', { class: `verdict-badge verdict-${c.verdict}` }, t(`verdict.${c.verdict}`)),
          h('span', { class: 'muted' }, `${t(`claim.${c.kind}`)} · `, h('span', { lang: 'zh-Hans' }, c.subject)),
        ),
        h('p', { class: 'claim-text', lang: 'zh-Hans' }, c.text),
        h('p', { class: 'claim-reason' }, currentLanguage() === 'en' && c.reasonEn ? c.reasonEn : c.reason),
        ...(c.evidence.length
          ? c.evidence.slice(0, 3).map((e) => evidenceView(e, this.actions))
          : [h('p', { class: 'muted' }, t('check.noEvidence'))]),
      ),
    );
    container.replaceChildren(
      h('div', { class: 'check-draft' }, h('div', { class: 'verdict-summary' }, ...summary), text),
      h('div', { class: 'check-claims' }, ...cards),
    );
  }
}
