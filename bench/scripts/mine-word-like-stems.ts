// Mines the prefecture names that are ordinary words too (node --import tsx bench/scripts/mine-word-like-stems.ts), into
// src/ingest/extract/lexicon/data/word-like-unit-stems.json: stems CC-CEDICT also glosses as something other than the
// place (安康 good health, 日照 sunshine, 包头 turban, 德州 Texas). Outside their own province a report writing one bare
// is mostly using the word (人民群众安康), so the recogniser asks for context there.
import { writeFileSync } from 'node:fs';
import { adminStem } from '../../src/geo/admin-stem.ts';
import { gazetteer } from '../../src/geo/gazetteer.ts';
import { readCedictEntries } from '../../src/search/cedict.ts';

/**
 * An ordinary sense is a lower-case gloss (good health, to open, abbr. for Texas), after any field label such as
 * (Confucianism); a pointer to the place's own entry, a surname, a historical name or a capitalised proper name is not.
 */
function ordinarySense(gloss: string): boolean {
  const text = gloss.replace(/^\([^)]*\)\s*/, '');
  return /^[a-z]/.test(text) && !/^(?:see |surname |historical name)/.test(text);
}

const glosses = new Map<string, string[]>();
for (const [, simplified, , english] of readCedictEntries()) {
  if (typeof simplified !== 'string') continue;
  const list = (Array.isArray(english) ? english : [english]).flat().filter((g): g is string => typeof g === 'string');
  glosses.set(simplified, [...(glosses.get(simplified) ?? []), ...list]);
}
const stems = gazetteer()
  .atLevel('prefecture')
  .map((unit) => adminStem(unit.name))
  .filter((stem) => stem.length >= 2 && (glosses.get(stem) ?? []).some(ordinarySense));
const unique = [...new Set(stems)].sort();
const out = new URL('../../src/ingest/extract/lexicon/data/word-like-unit-stems.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({ source: 'bench/scripts/mine-word-like-stems.ts: prefecture stems CC-CEDICT also glosses as an ordinary word', stems: unique })}\n`,
);
console.log(`${unique.length} stems: ${unique.join(' ')}`);
