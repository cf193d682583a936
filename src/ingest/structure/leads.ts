// Lead phrases: the short sentence a paragraph of a heading-less list opens with (积极扩大有效投资。用足用好…), and
// which paragraphs of a run of lines open list items — actions, directives, parallel openings — rather than
// statements that introduce or close them.
import type { Line } from './lines.ts';

/** A lead that states what something is (科技是第一生产力 / …居于基础地位): a short subject, then 是, 居于 or 在于. */
const STATEMENT = /^[^,，;；是]{2,20}(?:(?<!实事求|特别|尤其|或|还|一|二|三|四|五|六|七|八|九|十)是(?!否)|居于|在于)/;

/** Verbs that open a plan's action sentences (generic government-report vocabulary). */
const ACTION_OPENING =
  /^(?:全面|大力|进一步|加强|加快|坚持|积极|切实|深化|深入|推进|推动|努力|认真|继续|着力|扎实|狠抓|抓好|做好|提高|完善|健全|强化|促进|实施|优化|扩大|巩固|繁荣|维护|保持|实行|落实|建立|开展|搞好)/;

/** A sentence directing a topic's work (城市建设要按照…, 其他配套改革要抓紧推进, 要充分利用…): the topic, then 要. */
const TOPIC_DIRECTIVE = /^(?!我们)(?:要|[\u4e00-\u9fa5“”]{2,8}要(?!求|点|素|害|闻|务|是))/;

/** Lead phrases run to 32 characters; in a run of paragraphs opening alike (坚持…，…。) to 80. */
const MAX_LEAD = 32;
export const MAX_PARALLEL_LEAD = 80;

/** Offset of the end of a paragraph's lead phrase (积极扩大有效投资。用足用好…), or -1 when it opens otherwise. */
export function leadPhraseEnd(raw: string, maxLead = MAX_LEAD): number {
  const stop = raw.search(/[。!?]/);
  if (stop < 4 || stop > maxLead || raw.length - stop < 16) return -1;
  const lead = raw.slice(0, stop);
  // Statements of fact or time (今年，… / 全年增长6%。) and discourse openers (综合分析，… / 总起来讲，…) open
  // paragraphs too, but do not title them.
  if (
    /^(今年|明年|去年|[一二三四五六七八九十两\d]+年来|过去|同时|此外|另外|我们|全年|各位|这|其中|目前|当前|综合(?:分析|来看|考虑|判断)|总起来|总的|总之|综上|总体|因此|为此|对此|但|然而|当然|与此同时)|%|[:：]/.test(
      lead,
    )
  )
    return -1;
  return stop;
}

/** A line of a run with the end of the lead phrase that makes it a list item, else -1. */
export interface LeadLine {
  line: Line;
  end: number;
}

export function leadsOf(lines: Line[], inSection: boolean): LeadLine[] {
  // Inside a section, paragraphs that open with the same word (坚持…，…。 three times) are parallel items even
  // when their first sentence is long — unless it states a principle (…，必须…) or a fact (一九五八年…, ——…).
  const parallelLead = (line: Line) => {
    const end = leadPhraseEnd(line.raw, MAX_PARALLEL_LEAD);
    return end >= 0 && !/^[—\-\d一二三四五六七八九十〇零]/.test(line.raw) && !/必须|是/.test(line.raw.slice(0, end)) ? end : -1;
  };
  const opening = (line: Line) => line.raw.slice(0, 2);
  const openings = new Map<string, number>();
  if (inSection) for (const line of lines) if (parallelLead(line) >= 0) openings.set(opening(line), (openings.get(opening(line)) ?? 0) + 1);
  const leads = lines.map((line): LeadLine => {
    const end = leadPhraseEnd(line.raw);
    return { line, end: end < 0 && (openings.get(opening(line)) ?? 0) >= 3 ? parallelLead(line) : end };
  });
  // Once two paragraphs of a section open with leads, a paragraph opening with a longer action sentence (全面贯彻国家的
  // 教育方针，…，积极推进素质教育。) or made of one (进一步做好双拥共建工作，…。) is another item of the same list.
  // Only after the list's first lead: a longer sentence before it introduces the section (继续抓好…各项措施，…。).
  const firstLead = leads.findIndex((lead) => lead.end >= 0);
  if (inSection && leads.filter((lead) => lead.end >= 0).length >= 2) {
    leads.forEach((lead, i) => {
      const raw = lead.line.raw;
      if (i < firstLead || lead.end >= 0 || !ACTION_OPENING.test(raw)) return;
      const stop = raw.search(/[。!?]/);
      if (stop >= 4 && stop <= MAX_PARALLEL_LEAD && !/必须|[:：]/.test(raw.slice(0, stop)) && !STATEMENT.test(raw.slice(0, stop)))
        lead.end = stop;
    });
  }
  // A section of paragraphs two thirds of which (three at least) open with an action or a directive to a topic
  // (要充分利用…，…。 城市建设要按照…。 继续坚持…) though few with a short lead phrase, lists one item per such paragraph.
  const opensWork = (raw: string) => {
    const stop = raw.search(/[。!?]/);
    const first = raw.slice(0, stop < 0 ? raw.length : stop);
    return (ACTION_OPENING.test(raw) || TOPIC_DIRECTIVE.test(raw)) && !/必须|[:：]/.test(first) && !STATEMENT.test(first);
  };
  if (inSection && lines.length >= 3) {
    // The section's first paragraph introduces it unless it opens with a short lead phrase (坚持把…作为…，…).
    const working = leads.filter((lead, i) => lead.end >= 0 || (i > 0 && opensWork(lead.line.raw)));
    if (working.length >= 3 && working.length * 3 >= lines.length * 2)
      for (const lead of working) if (lead.end < 0) lead.end = Math.min(leadLength(lead.line.raw), MAX_PARALLEL_LEAD);
  }
  // A statement before the action leads introduces them (科技是第一生产力。… before 提升科技研发应用水平。…), and one
  // after them closes the section (民生无小事，枝叶总关情。我们要…): a saying followed by 我们要 is a statement too. A
  // list of parallel statements (就业是民生之本。 保障是民生之基。) stays a list, and so does a statement among actions.
  const statements = new Set(
    leads.filter(
      (lead) =>
        lead.end >= 0 &&
        (STATEMENT.test(lead.line.raw.slice(0, lead.end)) || /^[。!?]\s*我们(?:要|将|必须)/.test(lead.line.raw.slice(lead.end))),
    ),
  );
  const isAction = (lead: LeadLine) => lead.end >= 0 && !statements.has(lead);
  const [firstAction, lastAction] = [leads.findIndex(isAction), leads.findLastIndex(isAction)];
  if (statements.size * 2 < leads.filter((lead) => lead.end >= 0).length) {
    leads.forEach((lead, i) => {
      if (statements.has(lead) && (i < firstAction || i > lastAction)) lead.end = -1;
    });
  }
  return leads;
}

/** Length of a lead title: up to the first full stop. */
export function leadLength(body: string): number {
  const stop = body.search(/[。!?]/);
  return Math.min(stop < 0 ? body.length : stop, 80);
}
