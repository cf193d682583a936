// Whether an English word is written in pinyin ("Yunnan", "Shenyang"): it splits wholly into pinyin syllables.
// Lets a question's place name be recognised as Chinese even when no stored report or entity spells it.
const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w', ''];
const FINALS = [
  'iang',
  'iong',
  'uang',
  'ang',
  'eng',
  'ing',
  'ong',
  'uai',
  'ian',
  'iao',
  'uan',
  'van',
  'ai',
  'ei',
  'ao',
  'ou',
  'an',
  'en',
  'in',
  'un',
  'ia',
  'ie',
  'iu',
  'ua',
  'uo',
  'ui',
  'ue',
  've',
  'er',
  'a',
  'o',
  'e',
  'i',
  'u',
  'v',
];

/** Combinations pinyin does not have, though initials and finals are otherwise free (er stands alone; no bong, fi, five). */
const IMPOSSIBLE = /^(.+er|[bpmfw]ong|[^nljqxy]v.*|f(?!(a|o|u|ei|en|ang|eng|ou|an)$).*|(z|c|s|zh|ch|sh|r)i.+|[jqx][^iuv].*|[gkh]i.*)$/;
/** Finals written without an initial (i-, u- and ü- finals take y or w instead). */
const BARE_FINALS = new Set(['a', 'o', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'er']);

const SYLLABLES = new Set([
  ...BARE_FINALS,
  ...INITIALS.filter(Boolean)
    .flatMap((i) => FINALS.map((f) => i + f))
    .filter((s) => !IMPOSSIBLE.test(s)),
]);
const LONGEST = 6;

/** Short syllables make English words look like pinyin (a-re-a, ma-ri-ti-me): place names average this many letters a syllable. */
const MIN_LETTERS_PER_SYLLABLE = 2.5;

/** Whether a capitalised word reads as a Chinese name of two syllables or more ("Yunnan", "Shenyang", not "Area"). */
export function looksLikePinyinName(word: string): boolean {
  const syllables = pinyinSyllables(word);
  return syllables !== null && syllables.length >= 2 && word.length / syllables.length >= MIN_LETTERS_PER_SYLLABLE;
}

/** Syllables a word splits into (fewest first found), or null when it is not pinyin. */
export function pinyinSyllables(word: string): string[] | null {
  const text = word.toLowerCase();
  if (!/^[a-z]+$/.test(text)) return null;
  const best: Array<string[] | null> = [[], ...new Array<string[] | null>(text.length).fill(null)];
  for (let end = 1; end <= text.length; end++) {
    for (let length = Math.min(LONGEST, end); length >= 1; length--) {
      const before = best[end - length];
      const piece = text.slice(end - length, end);
      const found = best[end];
      if (before && SYLLABLES.has(piece) && (!found || before.length + 1 < found.length)) best[end] = [...before, piece];
    }
  }
  return best[text.length] ?? null;
}
