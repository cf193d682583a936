// The place each observation is about: the report's own jurisdiction, unless the sentence names another
// administrative unit before the figure (a district's GDP quoted in its city's report, a city's in its province's).
import type { Entity, Mention, Observation, Paragraph } from '../domain/schemas.ts';

interface Jurisdiction {
  place: string | null;
  placeCode: string | null;
}

const ADMINISTRATIVE_KINDS = new Set(['province', 'city', 'county', 'district', 'town', 'township', 'subdistrict']);

export function placeObservations(
  observations: Observation[],
  context: { paragraphs: Paragraph[]; entities: Entity[]; mentions: Mention[]; jurisdiction: Jurisdiction },
): Observation[] {
  const units = new Map(
    context.entities.filter((e) => e.type === 'place' && e.code && ADMINISTRATIVE_KINDS.has(e.kind ?? '')).map((e) => [e.id, e]),
  );
  const mentionsByParagraph = new Map<string, Mention[]>();
  for (const m of context.mentions) {
    if (!units.has(m.entityId)) continue;
    mentionsByParagraph.set(m.paragraphId, [...(mentionsByParagraph.get(m.paragraphId) ?? []), m]);
  }
  const paragraphs = new Map(context.paragraphs.map((p) => [p.id, p]));
  const own = context.jurisdiction;
  return observations.map((o) => {
    const sentence = paragraphs.get(o.paragraphId)?.sentences.find((s) => s.charStart <= o.charStart && o.charStart < s.charEnd);
    const from = sentence?.charStart ?? o.charStart;
    // The unit named last before the end of the clause, within the sentence, is what the figure is about.
    const named = (mentionsByParagraph.get(o.paragraphId) ?? []).filter((m) => m.charStart >= from && m.charEnd <= o.charEnd).at(-1);
    const unit = named ? (units.get(named.entityId) ?? null) : null;
    const other = unit && unit.code !== own.placeCode ? unit : null;
    return { ...o, place: other?.name ?? own.place, placeCode: other?.code ?? own.placeCode };
  });
}
