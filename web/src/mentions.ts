// Locates a MENTIONS edge's surface inside its paragraph's text, for highlighting.
import type { GraphEdge, GraphNode, Subgraph } from './api.ts';
import type { Span } from './dom.ts';

const numberOr = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/**
 * Mention offsets count from the start of the document, paragraph text from the paragraph's own start; when
 * the offsets do not point at the surface (another store's convention), the first occurrence is used.
 */
export function mentionSpan(paragraph: GraphNode, mention: GraphEdge, title?: string): Span | null {
  const text = String(paragraph.properties.text ?? '');
  const surface = String(mention.properties.surface ?? '');
  if (!surface) return null;
  const start = numberOr(mention.properties.charStart, -1);
  for (const candidate of [start - numberOr(paragraph.properties.charStart, 0), start]) {
    if (candidate >= 0 && text.slice(candidate, candidate + surface.length) === surface)
      return { start: candidate, end: candidate + surface.length, title };
  }
  const found = text.indexOf(surface);
  return found < 0 ? null : { start: found, end: found + surface.length, title };
}

/** Every mention in the subgraphs whose paragraph they also hold, grouped by paragraph id. */
export function mentionSpansByParagraph(subgraphs: Subgraph[]): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const subgraph of subgraphs) {
    const nodes = new Map(subgraph.nodes.map((n) => [n.id, n]));
    for (const edge of subgraph.edges) {
      const paragraph = nodes.get(edge.source);
      if (edge.type !== 'MENTIONS' || paragraph?.label !== 'Paragraph') continue;
      const span = mentionSpan(paragraph, edge, nodes.get(edge.target)?.name);
      if (span) spans.set(paragraph.id, [...(spans.get(paragraph.id) ?? []), span]);
    }
  }
  return spans;
}
