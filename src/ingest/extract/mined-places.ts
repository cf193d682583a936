// Landmarks, transport hubs and natural features from the lexicon mined over the whole corpus
// (lexicon/data/mined-places.json, written by bench/scripts/mine-place-lexicon.ts): 祁连山, 河西走廊, 美兰机场.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt } from './lexicon/candidate.ts';
import { standsAsWord } from './lexicon/jieba.ts';

const MinedLexicon = z.object({ places: z.array(z.object({ name: z.string(), kind: z.string(), reports: z.number() })) });

let lexicon: { kinds: Map<string, string>; longest: number } | null = null;

function minedLexicon() {
  if (!lexicon) {
    const { places } = MinedLexicon.parse(JSON.parse(readFileSync(new URL('./lexicon/data/mined-places.json', import.meta.url), 'utf8')));
    lexicon = { kinds: new Map(places.map((p) => [p.name, p.kind])), longest: Math.max(...places.map((p) => p.name.length)) };
  }
  return lexicon;
}

export function minedPlacesIn(paragraph: ExtractionParagraph): Candidate[] {
  const { kinds, longest } = minedLexicon();
  const text = paragraph.text;
  const found: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let length = Math.min(longest, text.length - i); length >= 3; length--) {
      const kind = kinds.get(text.slice(i, i + length));
      if (!kind || !standsAsWord(text, i, i + length)) continue;
      found.push(
        candidateAt(paragraph, i, i + length, { type: 'place', kind, name: text.slice(i, i + length), rule: 'mined', priority: 7 }),
      );
      i += length - 1;
      break;
    }
  }
  return found;
}
