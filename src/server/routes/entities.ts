// GET /api/entities (search) and /api/entities/:id (one entity with its mentions and the paragraphs they sit in).
import { Router } from 'express';
import type { EntitySummary, GraphStore } from '../../../graph/store.ts';
import { understand } from '../../search/understand.ts';
import { EntityType } from '../../domain/schemas.ts';
import type { Services } from '../../services.ts';
import { notFound } from '../../domain/errors.ts';
import { EntitiesQuery, IdParams } from '../schemas.ts';

type EntitiesRequest = ReturnType<typeof EntitiesQuery.parse>;

/** Mentions of a much-cited entity are listed up to this many paragraphs; `capped` says when there are more. */
const MAX_PARAGRAPHS = 300;

async function entityDetails(store: GraphStore, id: string) {
  const node = (await store.neighbourhood(id, { depth: 0 })).nodes[0];
  const type = EntityType.safeParse(node?.properties.type);
  if (!node || !type.success) throw notFound(`no entity with id ${id}`);
  const summary = (await store.entities({ type: type.data, match: node.name, limit: 100 })).find((e) => e.id === id)
    ?? { id, type: type.data, name: node.name, kind: (node.properties.kind as string | null) ?? null, aliases: [], pinyin: String(node.properties.pinyin ?? ''), mentions: 0, documents: 0 };
  const around = await store.neighbourhood(id, { depth: 1, limit: MAX_PARAGRAPHS + 1 });
  const nodes = new Map(around.nodes.map((n) => [n.id, n]));
  const paragraphs = around.nodes.filter((n) => n.label === 'Paragraph').slice(0, MAX_PARAGRAPHS).map((p) => ({
    id: p.id, documentId: String(p.properties.documentId), sectionPath: (p.properties.sectionPath as string | null) ?? null,
    text: String(p.properties.text ?? ''), charStart: Number(p.properties.charStart), charEnd: Number(p.properties.charEnd),
  }));
  const mentions = around.edges.filter((e) => e.type === 'MENTIONS' && e.target === id).map((e) => ({
    paragraphId: e.source,
    documentId: (e.properties.documentId as string | undefined) ?? (nodes.get(e.source)?.properties.documentId as string | undefined) ?? null,
    surface: String(e.properties.surface ?? ''),
    charStart: typeof e.properties.charStart === 'number' ? e.properties.charStart : null,
    charEnd: typeof e.properties.charEnd === 'number' ? e.properties.charEnd : null,
  }));
  const tasks = around.edges.filter((e) => e.type === 'TOUCHES' && e.target === id).flatMap((e) => {
    const task = nodes.get(e.source);
    return task ? [{ id: task.id, name: task.name, documentId: (task.properties.documentId as string | undefined) ?? null }] : [];
  });
  return { entity: summary, mentions, paragraphs, tasks, capped: around.nodes.length > MAX_PARAGRAPHS };
}

/**
 * An English name is linked the way `ask` links a question ("Qiantang River" → 钱塘江), and its translated terms
 * find the entities named exactly so (GDP → 地区生产总值); pinyin and Chinese matches follow.
 */
async function matchingEntities(store: GraphStore, query: EntitiesRequest): Promise<EntitySummary[]> {
  const direct = await store.entities(query);
  if (!query.match || !/[A-Za-z]{2}/.test(query.match)) return direct;
  const understanding = await understand(query.match, store);
  const translated = await Promise.all(understanding.terms.filter((term) => term.length >= 2).map(async (term) =>
    (await store.entities({ type: query.type, match: term, limit: 20 })).filter((e) => e.name === term || e.aliases.includes(term))));
  const linked = [...understanding.entities.filter((e) => !query.type || e.type === query.type), ...translated.flat(), ...direct];
  return [...new Map(linked.map((e) => [e.id, e])).values()].slice(0, query.limit);
}

export function entitiesRouter({ store }: Services): Router {
  const router = Router();
  router.get('/entities', async (req, res) => {
    const query = EntitiesQuery.parse(req.query);
    res.json({ entities: await matchingEntities(store, query) });
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await entityDetails(store, IdParams.parse(req.params).id));
  });
  return router;
}
