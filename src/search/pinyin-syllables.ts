// Whether an English word is written in pinyin ("Yunnan", "Shenyang"): it splits wholly into pinyin syllables.
// Lets a question's place name be recognised as Chinese even when no stored report or entity spells it.
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
const FINALS = ['iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'uai', 'ian', 'iao', 'uan', 'van', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'in', 'un', 'ia', 'ie', 'iu', 'ua', 'uo', 'ui', 'ue', 've', 'er', 'a', 'o', 'e', 'i', 'u', 'v'];

/** Combinations pinyin does not have, though initials and finals are otherwise free (er stands alone; no bong, mong, fong). */
const IMPOSSIBLE = /^(.+er|[bpmfw]ong|[bpmfdtgkhzcsrw]v.*|[^nljqxy]v.*)$/;

const SYLLABLES = new Set(INITIALS.flatMap((i) => FINALS.map((f) => i + f)).filter((s) => (s.length > 1 || 'aoe'.includes(s)) && !IMPOSSIBLE.test(s)));
const LONGEST = 6;

/** Syllables a word splits into (fewest first found), or null when it is not pinyin. */
export function pinyinSyllables(word: string): string[] | null {
  const text = word.toLowerCase();
  if (!/^[a-z]+$/.test(text)) return null;
  const best: Array<string[] | null> = [[], ...new Array<string[] | null>(text.length).fill(null)];
  for (let end = 1; end <= text.length; end++) {
    for (let length = Math.min(LONGEST, end); length >= 1; length--) {
      const before = best[end - length];
      const piece = text.slice(end - length, end);
      if (before && SYLLABLES.has(piece) && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, piece];
    }
  }
  return best[text.length] ?? null;
}
