// Organisations: organs of government (区委, 区人民政府), institutions named by their suffix (杭州艺术学校,
// 浙商银行南昌分行, 世界泉州青年联谊会), level-prefixed institutions (区殡仪馆) and the standard mass organisations.
import type { ExtractionContext, ExtractionParagraph } from './context.ts';
import { type Candidate, candidateAt, resolveCrossings } from './lexicon/candidate.ts';
import { boundaryBefore, isCjk } from './lexicon/name-scan.ts';
import { GOVERNMENT_ORGAN, LEVEL_INSTITUTION, ORGANIZATION_RULES, STANDARD_ORGANIZATIONS } from './lexicon/organization-vocabulary.ts';
import { findSuffixedNames, longestAlternatives } from './lexicon/suffix-names.ts';

function organization(
  paragraph: ExtractionParagraph,
  start: number,
  end: number,
  kind: string,
  rule: string,
  priority: number,
  aliases?: string[],
): Candidate {
  return candidateAt(paragraph, start, end, {
    type: 'organization',
    kind,
    name: paragraph.text.slice(start, end),
    rule,
    priority,
    aliases,
  });
}

/**
 * Where an organ written with its level starts: at the level character when nothing names the place, or at
 * the start of the places written right before it (杭州市萧山区人民政府).
 */
function organStart(paragraph: ExtractionParagraph, levelAt: number, places: Candidate[]): number | null {
  const text = paragraph.text;
  const localPlaces = places.filter((p) => p.paragraphId === paragraph.id);
  const endingAt = (index: number) => localPlaces.find((p) => p.end - paragraph.charStart === index);
  let start = levelAt;
  let place = endingAt(levelAt + 1) ?? endingAt(levelAt);
  if (!place && isCjk(text[levelAt - 1]) && !boundaryBefore(text, levelAt)) return null;
  while (place) {
    start = place.start - paragraph.charStart;
    place = endingAt(start);
  }
  return start;
}

function organsIn(paragraph: ExtractionParagraph, places: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const match of paragraph.text.matchAll(GOVERNMENT_ORGAN)) {
    const start = organStart(paragraph, match.index, places);
    if (start === null) continue;
    const end = match.index + match[0].length;
    const short = match[0];
    found.push(organization(paragraph, start, end, 'government', 'organ', 8, start < match.index ? [short] : undefined));
  }
  return found;
}

function levelInstitutionsIn(paragraph: ExtractionParagraph, places: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const match of paragraph.text.matchAll(LEVEL_INSTITUTION)) {
    if (organStart(paragraph, match.index, places) === null) continue;
    found.push(organization(paragraph, match.index, match.index + match[0].length, 'institution', 'level-institution', 7));
  }
  return found;
}

function suffixedIn(paragraph: ExtractionParagraph): Candidate[] {
  const names = findSuffixedNames(paragraph.text, ORGANIZATION_RULES, { keepLevel: true, stopAfter: ['等'], trimLeadingVerb: true });
  return longestAlternatives(names).map((n) => organization(paragraph, n.start, n.end, n.rule.kind, 'suffix', 6));
}

function standardIn(paragraph: ExtractionParagraph): Candidate[] {
  const found: Candidate[] = [];
  for (const name of STANDARD_ORGANIZATIONS) {
    for (let at = paragraph.text.indexOf(name); at >= 0; at = paragraph.text.indexOf(name, at + name.length)) {
      found.push(organization(paragraph, at, at + name.length, 'institution', 'standard', 7));
    }
  }
  return longestAlternatives(found);
}

/** A short form (区人民政府) is the full form written out elsewhere in the document when only one has it as alias. */
function toFullNames(candidates: Candidate[]): Candidate[] {
  const fullByShort = new Map<string, Set<string>>();
  for (const c of candidates)
    for (const alias of c.aliases ?? []) fullByShort.set(alias, (fullByShort.get(alias) ?? new Set()).add(c.name));
  return candidates.map((c) => {
    const [fullName, ...others] = fullByShort.get(c.name) ?? [];
    return fullName !== undefined && others.length === 0 ? { ...c, name: fullName, aliases: [c.name] } : c;
  });
}

export function extractOrganizations(ctx: ExtractionContext, places: Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const paragraph of ctx.paragraphs) {
    found.push(
      ...organsIn(paragraph, places),
      ...levelInstitutionsIn(paragraph, places),
      ...suffixedIn(paragraph),
      ...standardIn(paragraph),
    );
  }
  return toFullNames(resolveCrossings(found));
}
