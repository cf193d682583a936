// The figures of one sentence as tokens with a role: a modifier inside a noun (5亿元以上项目), a count of the noun
// after it (建成7家养老服务中心), a figure closing the words before it (地区生产总值773.22亿元), or no indicator.
import { LEAGUE_VERBS } from './lexicon.ts';
import { enumerationCount, isLeadOnly, isVerbPhrase, nounPhraseAfter, startsNoun, trimMetricText } from './metrics.ts';
import type { Quantity } from './quantities.ts';

export type Role = 'modifier' | 'pre' | 'post' | 'drop';

export interface Token extends Quantity {
  role: Role;
  clauseStart: number;
  clauseEnd: number;
  /** Where the words belonging to this figure start (after the previous figure and what it consumed). */
  segStart: number;
  /** End of what this figure consumed: its qualifier, or the counted noun after it. */
  consumedEnd: number;
  noun: { start: number; text: string } | null;
}

/** Verbs after which a Chinese numeral with a classifier counts what is done (完成五大城市门户), not a slogan. */
const COMPLETION_VERBS = ['完成', '建成', '新建', '新增', '建设', '创成', '启动'];

/** Splits [from, to) at separator characters into non-empty spans. */
export function spans(text: string, from: number, to: number, separators: RegExp): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (separators.test(text.charAt(i))) {
      if (i > start) result.push([start, i]);
      start = i + 1;
    }
  }
  if (to > start) result.push([start, to]);
  return result;
}

/** Marks figures that only qualify the noun of a later figure (5亿元以上项目24只, 四大千亿级产业集群). */
function markModifiers(text: string, tokens: Token[]): void {
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    // 20个3A级村落景区: the grade describes what the count counts.
    if (token.form === 'grade' && previous?.qualifierEnd === token.start && previous.family === 'count') token.role = 'modifier';
    if (token.qualifier === '级' && previous && previous.qualifierEnd === token.start && previous.clauseStart === token.clauseStart) {
      token.role = 'modifier';
    }
  });
  // 新开工3210个投资3000万元以上项目: a threshold inside the noun a count counts.
  tokens.forEach((token, i) => {
    if (token.role === 'modifier' || token.form !== 'measure' || !(token.qualifier || token.family === 'money')) return;
    const previous = nearest(tokens, i, -1, (t) => t.role !== 'modifier');
    if (!previous || previous.clauseStart !== token.clauseStart || previous.family !== 'count') return;
    const between = text.slice(previous.qualifierEnd, token.start);
    if (
      between &&
      /^[\u4e00-\u9fa5]+$/.test(between) &&
      !/[和及与或]/.test(between) &&
      startsNoun(between) &&
      startsNoun(text.slice(token.qualifierEnd, token.clauseEnd))
    )
      token.role = 'modifier';
  });
  tokens.forEach((token, i) => {
    if (token.role === 'modifier' || (token.form !== 'measure' && token.form !== 'grade')) return;
    const after = text.slice(token.qualifierEnd, token.clauseEnd).replace(/^的/, '');
    if (token.qualifier !== '级' && !startsNoun(after)) return;
    const next = nearest(tokens, i, 1, (t) => t.role !== 'modifier');
    if (!next || next.clauseStart !== token.clauseStart || next.form !== 'measure') return;
    const between = text.slice(token.qualifierEnd, next.start);
    // Only a plain noun may stand between (项目24只); a verb in it (企业入围…) makes two statements.
    if (/[和及与、或,;]/.test(between) || nounPhraseAfter(between.replace(/^的/, '')).length < between.replace(/^的/, '').length) return;
    token.role = 'modifier';
  });
}

/**
 * The closest token before (step -1) or after (step 1) index i that passes the test. A loop, not
 * slice().find(): a sentence of thousands of figures made that copy quadratic.
 */
function nearest(tokens: Token[], i: number, step: 1 | -1, test: (t: Token) => boolean): Token | undefined {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    const token = tokens[j];
    if (token && test(token)) return token;
  }
  return undefined;
}

/** Decides for each figure whether it counts the noun after it, closes the words before it, or is no indicator. */
function assignRoles(text: string, tokens: Token[]): void {
  let consumed = -1;
  let previous: Token | null = null;
  // Roles other than 'modifier' are decided below and never become 'modifier': these counts hold throughout.
  const figuresInClause = new Map<number, number>();
  for (const t of tokens)
    if (t.role !== 'modifier' && t.form !== 'streak') figuresInClause.set(t.clauseStart, (figuresInClause.get(t.clauseStart) ?? 0) + 1);
  tokens.forEach((token, i) => {
    if (token.role === 'modifier') return;
    if (previous && previous.clauseStart !== token.clauseStart) consumed = -1;
    token.segStart = Math.max(token.clauseStart, consumed);
    const seg = text.slice(token.segStart, token.start);
    // Tokens are in text order, so the clause's next figure is the first non-modifier after i if it is in the clause.
    const following = nearest(tokens, i, 1, (t) => t.role !== 'modifier');
    const next = following?.clauseStart === token.clauseStart ? following : undefined;
    const tail = text.slice(token.qualifierEnd, next ? next.start : token.clauseEnd);
    const noun = startsNoun(tail) ? nounPhraseAfter(tail) : '';
    const othersInClause = (figuresInClause.get(token.clauseStart) ?? 0) - (token.form === 'streak' ? 0 : 1) > 0;

    token.role = 'post';
    // 100天内, 3个月后: a time window, not a figure.
    if (token.family === 'time' && token.form === 'measure' && /^(内|后|前|来|间|期间|以来)/.test(text.slice(token.qualifierEnd)))
      token.role = 'drop';
    else if (token.form === 'streak' && othersInClause) token.role = 'drop';
    // 52家企业入围中国民营企业500强: the league only says which list the counted ones entered.
    else if (token.form === 'league' && (!LEAGUE_VERBS.test(seg) || othersInClause)) token.role = 'drop';
    else if (token.form === 'measure') {
      const trimmedSeg = seg.trim();
      const counts =
        noun.length >= 2 &&
        (trimmedSeg.endsWith('等') ||
          enumerationCount(seg) === token.value ||
          (previous?.role === 'pre' && /^[和及与、]?$/.test(trimmedSeg)));
      if (token.chinese && token.family === 'count') {
        token.role = noun.length >= 2 ? 'pre' : 'drop';
      } else if (noun.length >= 2) {
        token.role = counts || isLeadOnly(seg) || (token.family === 'count' && isVerbPhrase(seg)) ? 'pre' : 'drop';
      }
    }
    if (token.role === 'pre') token.noun = { start: token.qualifierEnd, text: noun };
    token.consumedEnd = token.role === 'pre' ? token.qualifierEnd + noun.length : token.qualifierEnd;
    // A figure that is no indicator leaves its words to the next one (直接融资增量连续三年超百亿元).
    if (token.role !== 'drop') {
      consumed = token.consumedEnd;
      previous = token;
    }
  });
}

/**
 * A Chinese numeral with a classifier is mostly a slogan (四个全面, 一批企业, 二次创业); it counts only after 等,
 * after a completion verb (完成五大城市门户, 完成A、B、C三条精品线), or next to such a count (…和三条示范街).
 */
function isCountingChineseNumeral(text: string, token: Quantity, clauseStart: number, previous: Quantity | undefined): boolean {
  if (token.value <= 1) return false;
  const seg = text.slice(previous && previous.start >= clauseStart ? previous.qualifierEnd : clauseStart, token.start);
  const trimmed = seg.trim();
  if (trimmed.endsWith('等')) return true;
  if (COMPLETION_VERBS.includes(trimMetricText(seg).text || trimmed)) return true;
  if (COMPLETION_VERBS.some((v) => trimmed.startsWith(v)) && enumerationCount(seg) === token.value) return true;
  return /(^|[和及与、])$/.test(trimmed) && previous !== undefined && previous.start >= clauseStart;
}

/** The tokens of the sentence [start, end) of a paragraph, with their roles decided. */
export function sentenceTokens(text: string, quantities: Quantity[], start: number, end: number): Token[] {
  const clauses = spans(text, start, end, /[,:]/);
  const tokens: Token[] = [];
  let c = 0; // quantities come in text order: the clause of each is found by walking forward, not searching all
  for (const q of quantities) {
    if (q.start < start || q.start >= end) continue;
    let current = clauses[c];
    while (current && current[1] <= q.start) {
      c++;
      current = clauses[c];
    }
    const clause: [number, number] = current && q.start >= current[0] ? current : [start, end];
    if (q.chinese && q.family === 'count' && !isCountingChineseNumeral(text, q, clause[0], tokens.at(-1))) continue;
    tokens.push({
      ...q,
      role: 'post',
      clauseStart: clause[0],
      clauseEnd: clause[1],
      segStart: clause[0],
      consumedEnd: q.qualifierEnd,
      noun: null,
    });
  }
  markModifiers(text, tokens);
  assignRoles(text, tokens);
  return tokens;
}
