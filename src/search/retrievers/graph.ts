// Graph retriever: per-intent traversals from the entities a question links to —
//   tasks touching them (Task→Paragraph→MENTIONS→entity), the zones and projects LOCATED_IN a linked place,
//   the paragraphs stating an indicator's observations across periods, shortest paths between two entities,
//   and every other paragraph mentioning them (so an entity in no planned task still shows where it appears).
import type { GraphReader, Subgraph, TaskHit } from '../../../graph/store.ts';
import { isPlanned, type Paragraph } from '../../domain/schemas.ts';
import { indicatorObservations } from '../observations.ts';
import { storedDocuments } from '../scope.ts';
import type { Intent } from '../understand.ts';
import { SubgraphCollector } from './subgraph.ts';
import { taskRef, type RetrievedPassage, type Retriever, type TaskRef } from './types.ts';

/** Type words can link dozens of entities; only the first ones are expanded for their mentions. */
const EXPANDED_ENTITIES = 12;
const NEIGHBOURHOOD_LIMIT = 120;
/** Tasks touching the linked entities read for a question that names no report: the newest reports' first. */
const UNSCOPED_TASKS = 100;
const PATH_ENTITIES = 4;
const PATH_HOPS = 4;
/** Score added per further mention of a linked entity in a paragraph (a tier is worth 1, 1/2, 1/3 …). */
const EXTRA_MENTION_BONUS = 0.05;

/** Paragraph lists in the order an intent trusts them; earlier tiers rank first. */
type Tier = 'observations' | 'paths' | 'plannedTasks' | 'reviewTasks' | 'containedTasks' | 'mentions';
const TIER_ORDER: Record<Intent, Tier[]> = {
  tasks_touching_entity: ['plannedTasks', 'reviewTasks', 'containedTasks', 'mentions'],
  entity_lookup: ['plannedTasks', 'mentions', 'reviewTasks', 'containedTasks'],
  indicator_value: ['observations', 'plannedTasks', 'mentions', 'reviewTasks'],
  indicator_comparison: ['observations', 'plannedTasks', 'reviewTasks', 'mentions'],
  consistency: ['observations', 'plannedTasks', 'reviewTasks', 'mentions'],
  relationship: ['paths', 'plannedTasks', 'reviewTasks', 'mentions', 'containedTasks'],
  semantic_topic: ['plannedTasks', 'mentions', 'reviewTasks'],
};
const TIER_VIA: Record<Tier, string> = {
  observations: 'STATES observation',
  paths: 'shortest path',
  plannedTasks: 'TOUCHES (planned task)',
  reviewTasks: 'TOUCHES (review)',
  containedTasks: 'LOCATED_IN → TOUCHES',
  mentions: 'MENTIONS',
};

const taskParagraphs = (hits: TaskHit[]) => hits.flatMap((h) => h.paragraphs);

function pairs<T>(items: T[]): Array<[T, T]> {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}

export function graphRetriever(store: GraphReader): Retriever {
  return {
    name: 'graph',
    async retrieve(understanding, { scope } = { k: 10 }) {
      const { entities, intent } = understanding;
      if (!entities.length) return { passages: [] };
      // A question that names reports is answered from them: other reports' tasks, figures and mentions would
      // only be fused at a quarter of their score, and fetching them grows with the corpus.
      const inScope = (documentId: string | undefined) => !scope?.size || documentId === undefined || scope.has(documentId);
      // Inside named reports every touching task; across all of them the newest reports' first few (a much-mentioned
      // initiative touches thousands, of which fusion keeps ten passages).
      const touchingOptions = scope?.size ? { documentIds: [...scope] } : { limit: UNSCOPED_TASKS };
      const linked = new Set(entities.map((e) => e.id));
      const collector = new SubgraphCollector();
      const timings: Record<string, number> = {};
      let since = performance.now();
      const step = (name: string) => {
        const now = performance.now();
        timings[name] = Math.round((now - since) * 10) / 10;
        since = now;
      };

      const neighbourhoods = await Promise.all(
        entities
          .slice(0, EXPANDED_ENTITIES)
          .map((e) =>
            store.neighbourhood(e.id, { depth: 1, limit: NEIGHBOURHOOD_LIMIT, ...(scope?.size ? { documentIds: [...scope] } : {}) }),
          ),
      );
      const edges = neighbourhoods.flatMap((n) => n.edges);
      const places = new Set(entities.filter((e) => e.type === 'place').map((e) => e.id));
      const contained = [
        ...new Set(edges.filter((e) => e.type === 'LOCATED_IN' && places.has(e.target) && !linked.has(e.source)).map((e) => e.source)),
      ];
      const pathEnds = entities.slice(0, PATH_ENTITIES).map((e) => e.id);
      step('neighbourhood');
      const [touching, containedTouching, observations, paths] = await Promise.all([
        store.tasksTouching([...linked], touchingOptions),
        contained.length ? store.tasksTouching(contained, touchingOptions) : Promise.resolve([]),
        indicatorObservations(store, understanding.question, entities, scope),
        intent === 'relationship'
          ? Promise.all(pairs(pathEnds).map(([a, b]) => store.paths(a, b, PATH_HOPS)))
          : Promise.resolve([] as Subgraph[]),
      ]);

      const direct = touching.filter((h) => inScope(h.task.documentId));
      const inside = containedTouching.filter((h) => inScope(h.task.documentId));
      step('lookups'); // tasks touching the entities, observations, paths
      // How often each paragraph mentions the linked entities (term frequency): paragraphs naming them more rank first within a tier.
      const mentionCount = new Map<string, number>();
      for (const e of edges) {
        if (e.type === 'MENTIONS' && linked.has(e.target) && inScope(e.properties.documentId as string | undefined))
          mentionCount.set(e.source, (mentionCount.get(e.source) ?? 0) + 1);
      }
      const pathParagraphIds = paths.flatMap((p) => p.nodes.filter((n) => n.label === 'Paragraph').map((n) => n.id));
      const loaded = new Map(
        (
          await store.paragraphs([...new Set([...mentionCount.keys(), ...pathParagraphIds, ...observations.map((o) => o.paragraphId)])])
        ).map((p) => [p.id, p]),
      );
      step('paragraphs');
      const byIds = (ids: string[]) => ids.flatMap((id) => loaded.get(id) ?? []).filter((p) => inScope(p.documentId));
      const planned = direct.filter((h) => isPlanned(h.task.horizon));
      const byMentions = (list: Paragraph[]) =>
        list
          .map((p, i) => ({ p, i }))
          .sort((a, b) => (mentionCount.get(b.p.id) ?? 0) - (mentionCount.get(a.p.id) ?? 0) || a.i - b.i)
          .map(({ p }) => p);
      const tiers: Record<Tier, Paragraph[]> = {
        observations: byIds(observations.map((o) => o.paragraphId)),
        paths: byIds(pathParagraphIds),
        plannedTasks: byMentions(taskParagraphs(planned)),
        reviewTasks: byMentions(taskParagraphs(direct.filter((h) => !isPlanned(h.task.horizon)))),
        containedTasks: taskParagraphs(inside),
        mentions: byMentions(byIds([...mentionCount.keys()])),
      };

      const passages: RetrievedPassage[] = [];
      const seen = new Set<string>();
      TIER_ORDER[intent].forEach((tier, t) => {
        for (const p of tiers[tier]) {
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          // Equal evidence scores equal (score fusion must not stretch list order into score gaps); each further mention counts a little.
          const score = 1 / (1 + t) + EXTRA_MENTION_BONUS * Math.max(0, (mentionCount.get(p.id) ?? 1) - 1);
          passages.push({
            paragraphId: p.id,
            documentId: p.documentId,
            taskId: p.taskId,
            text: p.text,
            charStart: p.charStart,
            charEnd: p.charEnd,
            score,
            via: TIER_VIA[tier],
          });
        }
      });

      step('rank');
      for (const n of [...paths, ...neighbourhoods]) collector.merge(n);
      for (const hit of [...direct, ...inside]) for (const p of hit.paragraphs) collector.addTaskParagraph(hit.task, p);

      // Planned tasks answer "which tasks…"; review points back them up only when no planned task matches.
      const plannedInside = inside.filter((h) => isPlanned(h.task.horizon));
      const taskHits = planned.length ? [...planned, ...(intent === 'tasks_touching_entity' ? plannedInside : [])] : direct;
      const tasks: TaskRef[] = [...new Map(taskHits.map((h) => [h.task.id, taskRef(h.task)])).values()];
      const subgraph = collector.build();
      step('subgraph');
      const notes: string[] = [];
      if (!planned.length) {
        const names = entities
          .slice(0, 5)
          .map((e) => e.name)
          .join('、');
        const titles = new Map((await storedDocuments(store)).map((d) => [d.id, d.label]));
        const documents = [...new Set([...loaded.values()].map((p) => titles.get(p.documentId) ?? p.documentId))].join('、');
        const reviewed = direct.length
          ? `; it appears only in reviewed work (${direct.map((h) => `item ${h.task.number}`).join(', ')})`
          : '';
        notes.push(
          `${names} appear${entities.length > 1 ? '' : 's'} in no planned task${reviewed}. ${mentionCount.size} paragraph(s) mention ${entities.length > 1 ? 'them' : 'it'}${documents ? ` in ${documents}` : ''}: see the cited passages.`,
        );
      }
      step('notes');
      return { passages, tasks, observations, subgraph, notes, timings };
    },
  };
}
