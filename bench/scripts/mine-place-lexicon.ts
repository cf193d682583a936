// Mines names of landmarks, transport hubs and natural features from the whole corpus by frequency and boundary
// statistics, and writes them to src/ingest/extract/lexicon/data/mined-places.json:
//   node --import tsx bench/scripts/mine-place-lexicon.ts /work/corpus
// A candidate is a body of one to four characters before a feature word (山, 机场, 港, 古城 …). It is kept when
// several reports write it, the characters in front of it vary (a real name starts where words end; a cut-off
// tail such as 尔木铁路 always follows the same character), no single longer form accounts for most of its uses,
// and its body is no ordinary word. No report's names are listed by hand: only the feature words are.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gazetteer } from '../../src/geo/gazetteer.ts';
import { dictionaryTag, isCommonWord, isNameTag, leadingNonNameLength, standsAsWord, tagDictionaryWords } from '../../src/ingest/extract/lexicon/jieba.ts';
import { isGenericBody } from '../../src/ingest/extract/lexicon/name-scan.ts';
import { FEATURE_WORDS } from '../../src/ingest/extract/lexicon/feature-words.ts';

const root = process.argv[2] ?? '/work/corpus';
const out = 'src/ingest/extract/lexicon/data/mined-places.json';
const MIN_REPORTS = 3;
const MIN_LEFT_VARIETY = 3;
/** A longer form that makes up this share of the uses is the real name (格尔木铁路 of 尔木铁路). */
const MAX_EXTENSION_SHARE = 0.7;
const MIN_STANDING_SHARE = 0.6;

/**
 * A name begins with a name or a word the dictionary does not know (美兰, 龙洞堡), not with a descriptive word
 * (国际空港, 绿色矿山, 美丽海湾) or a function character (至香港, 驻佛山).
 */
function startsWithName(body: string): boolean {
  const [first] = tagDictionaryWords(body);
  if (!first) return false;
  if (first.word.length === 1) return !/[至驻在向把对和与及落深全大小老新各该本其此每]/.test(first.word);
  return isNameTag(first.tag) || first.tag === 'x' || first.tag === 'm';
}

const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.md')) files.push(path);
  }
};
walk(root);

interface Stats { count: number; reports: Set<number>; left: Map<string, number>; samples: Array<[number, number]> }
const stats = new Map<string, Stats>();
const CJK = /^[\u4e00-\u9fa5]+$/;
const texts: string[] = [];
files.forEach((file, report) => {
  const text = readFileSync(file, 'utf8');
  texts.push(text);
  for (const { word } of FEATURE_WORDS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      for (let length = 1; length <= 5; length++) {
        const body = text.slice(at - length, at);
        if (body.length < length || !CJK.test(body)) break;
        const name = body + word;
        const s = stats.get(name) ?? { count: 0, reports: new Set(), left: new Map(), samples: [] };
        s.count++;
        if (s.samples.length < 12 && !s.reports.has(report)) s.samples.push([report, at - length]);
        s.reports.add(report);
        const left = text[at - length - 1] ?? '^';
        s.left.set(left, (s.left.get(left) ?? 0) + 1);
        stats.set(name, s);
      }
    }
  }
});

const kindOf = new Map(FEATURE_WORDS.map((f) => [f.word, f.kind]));
const mined: Array<{ name: string; kind: string; reports: number }> = [];
for (const [name, s] of stats) {
  if (s.reports.size < MIN_REPORTS || s.left.size < MIN_LEFT_VARIETY) continue;
  const word = FEATURE_WORDS.find((f) => name.endsWith(f.word) && name.length > f.word.length)!.word;
  const body = name.slice(0, -word.length);
  const topLeft = Math.max(...s.left.values());
  if (topLeft / s.count > MAX_EXTENSION_SHARE && CJK.test([...s.left.entries()].find(([, n]) => n === topLeft)![0])) continue;
  // One character before the feature word is mostly an ordinary word (高山, 登山, 离岛, 小港).
  if (body.length === 1) continue;
  // A whole name the dictionary knows as a place (大别山, 黄土高原) is one, whatever words its body reads as.
  const dictionaryPlace = dictionaryTag(name) === 'ns';
  if (!dictionaryPlace && (isCommonWord(body) || isGenericBody(body) || dictionaryTag(body) === 'i')) continue;
  if (isCommonWord(name)) continue;
  // A verb inside the body makes a phrase (望得见山, 避风港), not a name; 江山 and 河山 after a body are figures of speech.
  if (tagDictionaryWords(body).some((w) => w.tag.startsWith('v')) || (word === '山' && /[江河]$/.test(body))) continue;
  if (/[的和与及在是为对把将从向于等了着个年月日省市县区镇乡村]/.test(body)) continue;
  // Administrative names (上海, 佛山, 青岛) are the gazetteer's; verbs and adjectives do not start names (加快建设海).
  if (gazetteer().byName(name).length || gazetteer().byStem(name).some((u) => u.level !== 'township')) continue;
  if (!dictionaryPlace && (leadingNonNameLength(body) > 0 || !startsWithName(body))) continue;
  // Most sampled uses must stand as a word: 山区 and 港澳 are other words.
  const standing = s.samples.filter(([r, at]) => standsAsWord(texts[r]!, at, at + name.length)).length;
  if (standing < s.samples.length * MIN_STANDING_SHARE) continue;
  mined.push({ name, kind: kindOf.get(word)!, reports: s.reports.size });
}
mined.sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
writeFileSync(out, `${JSON.stringify({ source: 'bench/scripts/mine-place-lexicon.ts over the 1,659 corpus reports', places: mined }, null, 0).replace(/\},\{/g, '},\n{')}\n`);
console.log(`${mined.length} names from ${files.length} reports → ${out}`);
