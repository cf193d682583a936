// Mines names of landmarks, transport hubs and natural features from the whole corpus by frequency and boundary
// statistics, and writes them to src/ingest/extract/lexicon/data/mined-places.json:
//   node --import tsx bench/scripts/mine-place-lexicon.ts /work/corpus
// A candidate is a body of one to four characters before a feature word (山, 机场, 港, 古城 …). It is kept when
// several reports write it, the characters in front of it vary (a real name starts where words end; a cut-off
// tail such as 尔木铁路 always follows the same character, and a head such as 大湾 in 大湾区 is always followed by
// the same one), no single longer form accounts for most of its uses,
// and its body is no ordinary word. No report's names are listed by hand: only the feature words are.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { reportFiles } from '../../src/bench/corpus-files.ts';
import { defined } from '../../src/domain/defined.ts';
import { gazetteer } from '../../src/geo/gazetteer.ts';
import {
  dictionaryTag,
  isCommonWord,
  isNameTag,
  leadingNonNameLength,
  standsAsWord,
  tagDictionaryWords,
} from '../../src/ingest/extract/lexicon/jieba.ts';
import { isGenericBody } from '../../src/ingest/extract/lexicon/name-scan.ts';
import { FEATURE_WORDS } from '../../src/ingest/extract/lexicon/feature-words.ts';
import { PROVINCE_ABBREVIATIONS } from '../../src/ingest/extract/lexicon/place-vocabulary.ts';

const root = process.argv[2] ?? '/work/corpus';
const out = 'src/ingest/extract/lexicon/data/mined-places.json';
/** Names to say why they are kept or not (MINE_EXPLAIN=大别山,上方山). */
const explain = new Set((process.env.MINE_EXPLAIN ?? '').split(',').filter(Boolean));
const MIN_REPORTS = 3;
const MIN_LEFT_VARIETY = 3;
const MIN_REPORTS_FOR_TWO_LEFT = 4;
/** A longer form that makes up this share of the uses is the real name (格尔木铁路 of 尔木铁路). */
const MAX_EXTENSION_SHARE = 0.7;
const MIN_STANDING_SHARE = 0.6;
/** A name continued by the same character in nearly all its uses is the head of the longer word. */
const MAX_HEAD_SHARE = 0.95;
/** Reports of this many different places writing one plaza's name make it a chain's brand. */
const MAX_PLAZA_PLACES = 3;
/** A province's abbreviation and a direction: a region (粤北, 浙西南), whose 山区 is its hill country. */
const REGION_BODY = new RegExp(`^[${[...PROVINCE_ABBREVIATIONS].join('')}][东西南北]+$`);
/** Feature words whose names are often descriptions (滨水公园, 抗战遗址, 大型灌区): the body must name something. */
const DESCRIBED_FEATURES = new Set(['公园', '遗址', '灌区', '林场', '航道', '塘', '沟', '广场']);

/**
 * A name begins with a name or a word the dictionary does not know (美兰, 龙洞堡), not with a descriptive word
 * (国际空港, 绿色矿山, 美丽海湾) or a function character (至香港, 驻佛山).
 */
function startsWithName(body: string): boolean {
  const [first] = tagDictionaryWords(body);
  if (!first) return false;
  if (first.word.length === 1) return !/[至驻在向把对和与及落深全大小老新各该本其此每沿重]/.test(first.word);
  // Verbs the dictionary mistags as personal names (弘扬, 拓宽) start phrases too.
  if (/^(?:弘扬|拓宽|守护|传承|擦亮|叫响)/.test(body)) return false;
  return isNameTag(first.tag) || first.tag === 'x' || first.tag === 'm';
}

const files = reportFiles(root);

interface Stats {
  count: number;
  reports: Set<number>;
  left: Map<string, number>;
  right: Map<string, number>;
  samples: Array<[number, number]>;
}
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
        const s: Stats = stats.get(name) ?? { count: 0, reports: new Set(), left: new Map(), right: new Map(), samples: [] };
        s.count++;
        if (s.samples.length < 12 && !s.reports.has(report)) s.samples.push([report, at - length]);
        s.reports.add(report);
        const left = text[at - length - 1] ?? '^';
        s.left.set(left, (s.left.get(left) ?? 0) + 1);
        const right = text[at + word.length] ?? '$';
        s.right.set(right, (s.right.get(right) ?? 0) + 1);
        stats.set(name, s);
      }
    }
  }
});

/** The feature word a candidate ends in (every candidate was found by one). */
function featureWord(name: string): string {
  return defined(
    FEATURE_WORDS.find((f) => name.endsWith(f.word) && name.length > f.word.length),
    'feature word of a candidate',
  ).word;
}

/** Why a candidate is not a name, or null when it is one. */
function rejection(name: string, s: Stats): string | null {
  if (s.reports.size < MIN_REPORTS) return `${s.reports.size} reports`;
  // Two different characters in front suffice for a name that many reports write when one of them is punctuation:
  // the name starts a phrase (、上方山); 江|北国际机场 and 渝|北国际机场 are tails.
  const twoLeftSuffice = s.reports.size >= MIN_REPORTS_FOR_TWO_LEFT && [...s.left.keys()].some((ch) => !CJK.test(ch));
  if (s.left.size < (twoLeftSuffice ? 2 : MIN_LEFT_VARIETY)) return `left variety ${s.left.size}`;
  const word = featureWord(name);
  const body = name.slice(0, -word.length);
  const dictionaryPlace = dictionaryTag(name) === 'ns';
  // The character most often in front (the first of those as often).
  const [topLeftChar, topLeft] = [...s.left.entries()].reduce((top, entry) => (entry[1] > top[1] ? entry : top));
  if (topLeft / s.count > MAX_EXTENSION_SHARE && CJK.test(topLeftChar)) return `extension ${topLeftChar}${name}`;
  // The same on the right: a name nearly always continued by one character is the head of a longer word (大湾|区).
  const [topRightChar, topRight] = [...s.right.entries()].reduce((top, entry) => (entry[1] > top[1] ? entry : top));
  if (topRight / s.count > MAX_HEAD_SHARE && CJK.test(topRightChar) && !(word === '山' && topRightChar === '区'))
    return `extension ${name}${topRightChar}`;
  // One character before the feature word is mostly an ordinary word (高山, 登山, 离岛, 小港).
  if (body.length === 1) return 'one-character body';
  // A whole name the dictionary knows as a place (大别山, 黄土高原) is one, whatever words its body reads as.
  // A street's body must name it even when the dictionary has the whole (美食街, 南北街).
  if ((!dictionaryPlace || word === '街') && (isCommonWord(body) || isGenericBody(body) || dictionaryTag(body) === 'i'))
    return 'ordinary body';
  if (isCommonWord(name)) return 'ordinary word';
  // A verb inside the body makes a phrase (望得见山, 避风港), not a name; 江山 and 河山 after a body are figures of speech.
  if (tagDictionaryWords(body).some((w) => w.tag.startsWith('v')) || (word === '山' && /[江河]$/.test(body))) return 'verb in body';
  if (/[的和与及在是为对把将从向于等了着个年月日省市县区镇乡村至]/.test(body)) return 'function or unit character';
  // 古城老街 cut after its first character: a street's body ends in 老 only after a place (某市老街).
  if (word === '街' && body.endsWith('老') && !gazetteer().byStem(body.slice(0, -1)).length) return 'cut before 老街';
  // A measure word or an ordinal heads a count (处大型灌区, 座公园, 首届国家公园), not a name.
  if (/^[以处座批届第类项所条]/.test(body) || /^(?:新建|一批|首批|首届|各类)/.test(body)) return 'count or verb at the start';
  // Before 公园/遗址/灌区 the name is what remains without the kind's own modifiers (湖|国家湿地公园 is the tail of a lake's park).
  // A plaza written by the reports of many places is a chain's (万达广场, 吾悦广场): a development, not one place.
  if (word === '广场' && new Set([...s.reports].map((r) => dirname(defined(files[r], 'file of a report')))).size >= MAX_PLAZA_PLACES)
    return 'a chain of plazas';
  if (DESCRIBED_FEATURES.has(word)) {
    const core = body.replace(
      /(?:国家|湿地|森林|遗址|文化|生态|中央|郊野|考古|大|古城|城市|体育|主题|规模化|万亩|深水|内河|主|鱼|中心|商业|市民|时代)+$/,
      '',
    );
    if (core.length < 2 || !startsWithName(core) || isGenericBody(core) || (isCommonWord(core) && dictionaryTag(core) !== 'ns'))
      return 'no name before the modifiers';
    if (/^(?:滨水|滨海|滨河|滨江|沿河|沿江|沿岸|温泉|海岛|江滩|海湾|[东南西北]郊|抗战|革命|史前|工业|美丽|宜居|海洋|口袋|社区)/.test(core))
      return 'described, not named';
    if (tagDictionaryWords(core).every((w) => w.word.length >= 2 && !isNameTag(w.tag) && w.tag !== 'x')) return 'described, not named';
  }
  // Administrative names (上海, 佛山, 青岛) are the gazetteer's; verbs and adjectives do not start names (加快建设海).
  if (
    gazetteer().byName(name).length ||
    gazetteer()
      .byStem(name)
      .some((u) => u.level !== 'township')
  )
    return 'administrative';
  if (!dictionaryPlace && (leadingNonNameLength(body) > 0 || !startsWithName(body))) return 'body does not start a name';
  // Most sampled uses must stand as a word: 山区 and 港澳 are other words.
  // A mountain the dictionary knows (大别山) is named by its 山区 too; 边远山区 and a region's 山区 (粤北山区) are no mountains.
  const mountainArea = word === '山' && dictionaryPlace && !REGION_BODY.test(body);
  const stands = (text: string, at: number) =>
    standsAsWord(text, at, at + name.length) ||
    (mountainArea && text[at + name.length] === '区' && standsAsWord(text, at, at + name.length + 1));
  const standing = s.samples.filter(([r, at]) => stands(defined(texts[r], 'text of a sampled report'), at)).length;
  if (standing < s.samples.length * MIN_STANDING_SHARE) return `stands as a word ${standing}/${s.samples.length}`;
  return null;
}

const kindOf = new Map(FEATURE_WORDS.map((f) => [f.word, f.kind]));
const mined: Array<{ name: string; kind: string; reports: number }> = [];
for (const [name, s] of stats) {
  if (explain.has(name)) console.log(`${name}: ${rejection(name, s) ?? 'kept'}`);
  if (rejection(name, s) !== null) continue;
  mined.push({ name, kind: defined(kindOf.get(featureWord(name)), 'kind of a feature word'), reports: s.reports.size });
}
mined.sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name));
writeFileSync(
  out,
  `${JSON.stringify({ source: 'bench/scripts/mine-place-lexicon.ts over the 1,659 corpus reports', places: mined }, null, 0).replace(/\},\{/g, '},\n{')}\n`,
);
console.log(`${mined.length} names from ${files.length} reports → ${out}`);
