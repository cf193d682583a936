// Status verbs of project and initiative statements: what a sentence says is happening to the thing it names
// (启动, 建成, 完成 continue a commitment; 暂缓, 取消, 停建 reverse it; 推迟 delays it; 缩减 shrinks it).
export type StatusEffect = 'continues' | 'reverses' | 'delays' | 'shrinks';

export interface Status {
  verb: string;
  effect: StatusEffect;
}

const VERBS: ReadonlyArray<readonly [string, StatusEffect]> = [
  ...['取消', '停建', '停止', '终止', '放弃', '撤销', '不再', '暂缓', '缓建', '搁置', '暂停', '叫停'].map((v) => [v, 'reverses'] as const),
  ...['推迟', '延期', '延后', '顺延'].map((v) => [v, 'delays'] as const),
  ...['缩减', '缩小', '削减', '调减', '核减', '压减'].map((v) => [v, 'shrinks'] as const),
  ...[
    '开工建设',
    '规划建设',
    '加快建设',
    '启动',
    '开工',
    '建成',
    '完成',
    '竣工',
    '投用',
    '投运',
    '通车',
    '推进',
    '加快',
    '建设',
    '实施',
    '规划',
    '谋划',
    '开展',
    '落地',
    '打造',
    '深化',
    '创建',
    '继续',
    '持续',
    '实现',
    '新建',
    '改造',
    '提升',
  ].map((v) => [v, 'continues'] as const),
];

/** Whether a sentence holds a verb that reverses, delays or shrinks what it names (取消, 暂缓, 推迟, 缩减 …). */
export function hasReversingVerb(sentence: string): boolean {
  return VERBS.some(([verb, effect]) => effect !== 'continues' && sentence.includes(verb));
}

/** Every status verb, for telling them apart from the names around them. */
export const STATUS_VERBS: ReadonlySet<string> = new Set(VERBS.map(([verb]) => verb));

/**
 * The status verb of the clause a mention (at..end within the sentence) stands in: a reversing or delaying verb
 * anywhere in the clause decides; otherwise the continuing verb nearest the mention.
 */
export function statusOf(sentence: string, at: number, end: number): (Status & { at: number; end: number }) | null {
  const clauseStart = Math.max(...[',', ';', ':'].map((c) => sentence.lastIndexOf(c, at - 1))) + 1;
  const next = [',', ';', ':', '。'].map((c) => sentence.indexOf(c, end)).filter((i) => i >= 0);
  const clauseEnd = next.length ? Math.min(...next) : sentence.length;
  const found: Array<Status & { at: number; end: number; distance: number }> = [];
  for (const [verb, effect] of VERBS) {
    for (let i = sentence.indexOf(verb, clauseStart); i >= 0 && i < clauseEnd; i = sentence.indexOf(verb, i + 1)) {
      if (i >= at && i < end) continue; // inside the name itself (…建设工程)
      const distance = i < at ? at - (i + verb.length) : i - end;
      found.push({ verb, effect, at: i, end: i + verb.length, distance });
    }
  }
  // Leftmost-longest: 暂缓建设 is 暂缓 (then 建设), not 缓建.
  found.sort((a, b) => a.at - b.at || b.verb.length - a.verb.length);
  const words = found.filter(
    (f, i) => !found.slice(0, i).some((g) => g.at < f.end && f.at < g.end && g !== f && (g.at < f.at || g.verb.length > f.verb.length)),
  );
  const decisive = words.filter((f) => f.effect !== 'continues');
  const pool = decisive.length ? decisive : words;
  pool.sort((a, b) => a.distance - b.distance || b.verb.length - a.verb.length);
  const best = pool[0];
  return best ? { verb: best.verb, effect: best.effect, at: best.at, end: best.end } : null;
}

const DEADLINE =
  /(?:到|至|于|在)?((?:19|20)\d{2})年(?:底|末)?(?:前|以前|之前)?[^,;。]{0,12}?(?:建成|完成|竣工|投用|投运|通车|实现|开工|启动|全覆盖)/;

/** The year a text says something is to be done by (到2020年建成, 2019年底前完成), or null. */
export function deadlineIn(text: string): number | null {
  const match = DEADLINE.exec(text);
  return match ? Number(match[1]) : null;
}
