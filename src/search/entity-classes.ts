// Generic type words that stand for every entity of a kind: "哪些任务涉及水库" means any reservoir, "which
// hospitals" any named hospital. Matched on the place kind ingest assigned or on the generic head of the name.
import type { EntitySummary } from '../../graph/store.ts';

interface EntityClass {
  zh: RegExp;
  /** Plural English words: the singular usually names one entity ("Tangpu Reservoir"). */
  en: RegExp;
  kinds: string[];
  /** Generic heads a name of this class ends with (医院, 水库 …). */
  heads: string[];
}

const CLASSES: EntityClass[] = [
  { zh: /水库/, en: /\breservoirs\b/i, kinds: ['reservoir'], heads: ['水库'] },
  { zh: /河流|河道|江河/, en: /\brivers\b/i, kinds: ['river'], heads: [] },
  { zh: /湖泊/, en: /\blakes\b/i, kinds: ['lake'], heads: [] },
  { zh: /乡镇|街道|镇街/, en: /\b(towns|townships|subdistricts)\b/i, kinds: ['town', 'township', 'subdistrict'], heads: [] },
  { zh: /开发区|园区|度假区/, en: /\b(zones|parks|development areas)\b/i, kinds: ['zone', 'park', 'newtown'], heads: [] },
  { zh: /铁路|高铁/, en: /\b(railways|railroads|high-speed rail(ways)?|rail lines)\b/i, kinds: ['rail'], heads: ['高铁', '铁路'] },
  { zh: /医院/, en: /\bhospitals\b/i, kinds: [], heads: ['医院'] },
  { zh: /学校|中小学/, en: /\bschools\b/i, kinds: [], heads: ['学校', '小学', '中学', '幼儿园'] },
  { zh: /高速公路|快速路/, en: /\b(expressways|highways|motorways)\b/i, kinds: [], heads: ['高速', '高速公路', '快速路'] },
  { zh: /地铁|轨道交通/, en: /\b(metro lines|subway lines|metro|subway)\b/i, kinds: [], heads: ['地铁', '号线', '轨道交通'] },
  { zh: /机场/, en: /\bairports\b/i, kinds: [], heads: ['机场'] },
  { zh: /隧道/, en: /\btunnels\b/i, kinds: [], heads: ['隧道'] },
];

function member(entity: EntitySummary, c: EntityClass): boolean {
  if (entity.type === 'indicator') return false;
  return (
    (entity.kind !== null && c.kinds.includes(entity.kind)) || c.heads.some((h) => entity.name.endsWith(h) && entity.name.length > h.length)
  );
}

/** Entities of every class the question names; a class word inside a linked name (闲林水库) names that entity, not the class. */
export function linkEntityClasses(
  question: string,
  language: 'zh' | 'en',
  entities: EntitySummary[],
  linked: EntitySummary[],
): EntitySummary[] {
  // Linked names (and aliases) are blanked first, so only class words standing on their own count.
  const rest = linked
    .flatMap((e) => [e.name, ...e.aliases])
    .sort((a, b) => b.length - a.length)
    .reduce((text, name) => text.replaceAll(name, ' '), question);
  const classes = CLASSES.filter((c) => (language === 'en' ? c.en : c.zh).test(rest));
  if (!classes.length) return [];
  return entities.filter((e) => classes.some((c) => member(e, c)));
}
