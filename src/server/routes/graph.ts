// GET /api/graph/neighborhood (capped, the cap reported) and /api/graph/path (the preferred shortest path).
import { Router } from 'express';
import type { GraphStore, Subgraph } from '../../../graph/store.ts';
import type { Services } from '../../services.ts';
import { notFound } from '../../domain/errors.ts';
import { preferredPath } from '../path-preference.ts';
import { NeighborhoodQuery, PathQuery } from '../schemas.ts';

/** With a type filter most walked nodes are dropped, so the walk goes this much further before the cap applies. */
const FILTERED_WALK_FACTOR = 10;

const exists = async (store: GraphStore, id: string) => (await store.neighbourhood(id, { depth: 0 })).nodes.length > 0;

function restrict(subgraph: Subgraph, keep: Set<string>): Subgraph {
  return { nodes: subgraph.nodes.filter((n) => keep.has(n.id)), edges: subgraph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

export function graphRouter({ store }: Services): Router {
  const router = Router();
  router.get('/graph/neighborhood', async (req, res) => {
    const { id, depth, limit, types } = NeighborhoodQuery.parse(req.query);
    const labels = types ? new Set(types.split(',')) : null;
    // One node more than the limit tells whether the cap was reached without walking the whole neighbourhood.
    const walkLimit = labels ? (limit + 1) * FILTERED_WALK_FACTOR : limit + 1;
    const walked = await store.neighbourhood(id, { depth, limit: walkLimit });
    if (!walked.nodes.length) throw notFound(`no node with id ${id}`);
    const wanted = walked.nodes.filter((n) => n.id === id || !labels || labels.has(n.label));
    const capped = wanted.length > limit || (labels !== null && walked.nodes.length >= walkLimit);
    const kept = restrict(walked, new Set(wanted.slice(0, limit).map((n) => n.id)));
    res.json({ ...kept, depth, limit, capped });
  });
  router.get('/graph/path', async (req, res) => {
    const { from, to, maxHops } = PathQuery.parse(req.query);
    const path = await preferredPath(store, await store.paths(from, to, maxHops), from, to);
    // An empty path means no connection within maxHops, unless an end does not exist at all.
    if (!path.nodes.length) {
      for (const end of [from, to]) if (!(await exists(store, end))) throw notFound(`no node with id ${end}`);
    }
    res.json(path);
  });
  return router;
}
