// Prints the places extracted from reports, with kind, code and surfaces (node --import tsx bench/scripts/places-of.ts FILE…).
import { readDocument } from '../../src/ingest/read.ts';
import { documentMeta } from '../../src/ingest/document-meta.ts';
import { contentHash } from '../../src/domain/ids.ts';
import { buildExtractionContext, parseStructure } from '../../src/ingest/structure.ts';
import { extractEntities } from '../../src/ingest/extract/entities.ts';

for (const file of process.argv.slice(2)) {
  const read = await readDocument(file);
  const meta = documentMeta(read.normalized, read.frontMatter.title, file);
  const documentId = contentHash(read.text);
  const structure = parseStructure({ documentId, text: read.text, normalized: read.normalized, boldLines: read.boldLines });
  const ctx = buildExtractionContext(structure, read.normalized, {
    documentId,
    year: meta.year,
    place: meta.place,
    placeCode: meta.placeCode,
  });
  const t = performance.now();
  const found = extractEntities(ctx);
  const ms = performance.now() - t;
  const places = found.entities.filter((e) => e.type === 'place');
  const counts = new Map<string, number>();
  for (const m of found.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  console.log(`== ${meta.label} ${meta.placeCode} places=${places.length} extract ${ms.toFixed(0)} ms`);
  console.log(
    places
      .map(
        (p) =>
          `${p.name}${p.kind ? `/${p.kind}` : ''}${'code' in p && p.code ? `#${p.code}` : ''}×${counts.get(p.id) ?? 0}${p.aliases.length ? `[${p.aliases.join(',')}]` : ''}`,
      )
      .join('  '),
  );
}
