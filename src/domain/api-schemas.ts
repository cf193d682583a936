// The API's inputs and outputs as zod schemas: routes validate with them, openapi.ts documents them.
import { z } from 'zod';
import { ERRORS, type ErrorCode } from './errors.ts';
import { NODE_LABELS } from './graph-labels.ts';
import { DocumentLevel, Entity, EntityType, Horizon, Observation } from './schemas.ts';

const Id = z.string().trim().min(1).max(200);

// ---- inputs
export const AskQuery = z.object({
  q: z.string().trim().min(1).max(2000).describe('The question, in Chinese or English'),
  k: z.coerce.number().int().min(1).max(100).default(10).describe('How many passages to cite'),
});
export const EntitiesQuery = z.object({
  type: EntityType.optional(),
  match: z.string().trim().max(200).optional().describe('Chinese name or alias substring, pinyin, or English'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const IdParams = z.object({ id: Id });
export const NeighborhoodQuery = z.object({
  id: Id,
  depth: z.coerce.number().int().min(0).max(3).default(1).describe('0 returns the node alone'),
  types: z
    .string()
    .regex(new RegExp(`^(${NODE_LABELS.join('|')})(,(${NODE_LABELS.join('|')}))*$`))
    .optional()
    .describe('Comma-separated node labels to keep (the start node is always kept)'),
  limit: z.coerce.number().int().min(1).max(500).default(150).describe('At most this many nodes; `capped` says when more exist'),
});
export const PathQuery = z.object({ from: Id, to: Id, maxHops: z.coerce.number().int().min(1).max(8).default(4) });
export const ExportFormat = z.enum(['graphml', 'gexf', 'json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportQuery = z.object({
  format: ExportFormat.default('json').describe('csv is a zip of nodes.csv and relationships.csv for neo4j-admin database import'),
  document: Id.optional().describe("Only this document's structure and what it mentions"),
});
export const TasksQuery = z.object({ horizon: Horizon.optional().describe('review, year, multi-year or other') });
export const UploadQuery = z.object({
  name: z.string().trim().min(1).max(255).describe('The file name; only its extension and a cleaned base name are used'),
});

// ---- outputs
export const ErrorResponse = z.object({
  error: z.object({
    code: z
      .enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]])
      .describe('What failed; each code always comes with the same HTTP status'),
    message: z.string(),
  }),
});
export const GraphNode = z.object({ id: z.string(), label: z.string(), name: z.string(), properties: z.record(z.string(), z.unknown()) });
export const GraphEdge = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
});
export const Subgraph = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) });
export const NeighborhoodResponse = Subgraph.extend({
  depth: z.number().int(),
  limit: z.number().int(),
  capped: z.boolean().describe('True when the neighbourhood has more nodes than `limit`; only `limit` are returned'),
});
export const EntitySummary = Entity.extend({ mentions: z.number().int(), documents: z.number().int() });
export const EntitiesResponse = z.object({ entities: z.array(EntitySummary) });
export const Mention = z.object({
  paragraphId: z.string(),
  documentId: z.string().nullable(),
  surface: z.string(),
  charStart: z.number().nullable(),
  charEnd: z.number().nullable(),
});
export const SourceParagraph = z.object({
  id: z.string(),
  documentId: z.string(),
  sectionPath: z.string().nullable(),
  text: z.string(),
  charStart: z.number(),
  charEnd: z.number(),
});
export const EntityDetails = z.object({
  entity: EntitySummary,
  mentions: z.array(Mention),
  paragraphs: z.array(SourceParagraph),
  tasks: z.array(z.object({ id: z.string(), name: z.string(), documentId: z.string().nullable() })),
  capped: z.boolean(),
});
export const Passage = z
  .object({
    id: z.string(),
    paragraphId: z.string(),
    documentId: z.string(),
    taskId: z.string().nullable().optional(),
    text: z.string(),
    charStart: z.number(),
    charEnd: z.number(),
    score: z.number(),
    retrievers: z.array(z.string()).describe('graph, vector, lexical'),
    spans: z
      .array(z.object({ start: z.number(), end: z.number(), text: z.string() }))
      .optional()
      .describe('Matched terms, offsets into text'),
  })
  .loose();
export const AnswerResponse = z
  .object({
    question: z.string(),
    language: z.enum(['zh', 'en']),
    intent: z.string(),
    semanticSearch: z.enum(['on', 'off']),
    entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
    translatedTerms: z.array(z.string()),
    tasks: z.array(
      z.object({ documentId: z.string(), number: z.number(), title: z.string(), category: z.string().nullable(), horizon: Horizon }),
    ),
    passages: z.array(Passage),
    observations: z.array(Observation),
    notes: z.array(z.string()),
    summary: z.string().optional(),
    answer: z
      .object({
        text: z
          .string()
          .describe("One or two sentences in the question's language; each claim ends with the passage id it rests on, in brackets"),
        citations: z.array(z.object({ passageId: z.string(), documentId: z.string(), quote: z.string() })),
        facts: z
          .array(
            z.object({
              indicator: z.string(),
              value: z.number(),
              unit: z.string(),
              period: z.string(),
              kind: z.string(),
              place: z.string().nullable(),
              passageId: z.string(),
            }),
          )
          .describe('The figures the text states, as the graph holds them'),
      })
      .nullable()
      .optional()
      .describe('The direct answer (null when nothing was found to state)'),
    abstained: z
      .boolean()
      .optional()
      .describe('True when no stored report answers: no passages, and answer.text says so and what was searched'),
    scope: z
      .object({ places: z.array(z.string()), years: z.array(z.number()), documents: z.array(z.string()) })
      .optional()
      .describe('The reports the question named by place and year, searched first'),
    subgraph: Subgraph.optional().describe('The nodes and edges the graph retriever used'),
    timings: z.record(z.string(), z.number()).optional().describe('Milliseconds per stage'),
    ms: z.number(),
  })
  .loose();
export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  label: z.string(),
  place: z.string().nullable(),
  placeCode: z.string().nullable(),
  level: DocumentLevel.nullable(),
  year: z.number().nullable(),
  planYear: z.number().nullable(),
  date: z.string().nullable(),
  speaker: z.string().nullable(),
  sourcePath: z.string(),
  paragraphs: z.number().int(),
  tasks: z.number().int(),
});
export const DocumentsResponse = z.object({ documents: z.array(DocumentSummary) });
export const UploadResponse = z.object({
  document: z.object({
    id: z.string(),
    title: z.string(),
    paragraphs: z.number().int(),
    tasks: z.number().int(),
    status: z.enum(['ingested', 'unchanged']),
  }),
  entities: z.record(EntityType, z.number().int()),
  observations: z.number().int(),
  relations: z.number().int(),
  ms: z.number(),
});
export const TaskListing = z.object({
  id: z.string().describe("What other tasks' parentId and paragraphs' taskId refer to"),
  documentId: z.string(),
  number: z.number().int(),
  title: z.string(),
  category: z.string().nullable(),
  horizon: Horizon,
  parentId: z.string().nullable().describe('The id of the task this one is enumerated inside (一是… within a numbered item), else null'),
  charStart: z.number().int(),
  charEnd: z.number().int(),
});
export const TasksResponse = z.object({ tasks: z.array(TaskListing) });
export const DeleteResponse = z.object({ deleted: z.string() });
export const TimelineResponse = z.object({
  indicator: z.object({ id: z.string(), name: z.string() }),
  observations: z.array(Observation.extend({ documentTitle: z.string(), documentYear: z.number().nullable() })),
  periods: z.array(z.string()).describe('Every period observed, in time order'),
});
export const HealthResponse = z.object({
  ok: z.boolean(),
  store: z.object({
    kind: z.enum(['embedded', 'neo4j']),
    documents: z.number().int(),
    nodes: z.number().int(),
    relationships: z.number().int(),
    generation: z.number().int(),
  }),
  model: z.object({
    id: z.string(),
    mode: z.enum(['semantic', 'lexical-fallback']),
    semanticSearch: z.enum(['on', 'off']),
    vectorMismatch: z.string().nullable(),
  }),
  index: z.object({ kind: z.string(), size: z.number().int(), dimensions: z.number().int() }),
});

// ---- the report reader (GET /api/documents/:id)
const TextRange = { charStart: z.number().int(), charEnd: z.number().int() };
export const ReaderSection = z.object({ id: z.string(), path: z.string(), title: z.string(), ...TextRange });
export const DocumentReaderResponse = z
  .object({
    id: z.string(),
    title: z.string(),
    place: z.string().nullable(),
    year: z.number().int().nullable(),
    issuer: z.string().nullable(),
    date: z.string().nullable(),
    source: z.string().nullable().describe('Where the report was published (a web address), when known; never a server path'),
    text: z.string().describe('The document text every offset counts into'),
    parts: z
      .array(ReaderSection.extend({ sections: z.array(ReaderSection.extend({ parentPath: z.string().nullable() })) }))
      .describe('The outline: parts, each with its sections (nested sections list their parentPath)'),
    tasks: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        title: z.string(),
        category: z.string().nullable(),
        horizon: z.string(),
        sectionPath: z.string(),
        parentId: z.string().nullable().optional(),
        ...TextRange,
      }),
    ),
    paragraphs: z.array(
      z.object({
        id: z.string(),
        sectionPath: z.string(),
        taskId: z.string().nullable(),
        ordinal: z.number().int(),
        text: z.string(),
        ...TextRange,
      }),
    ),
    mentions: z
      .array(
        z.object({
          entityId: z.string(),
          entityType: EntityType,
          entityName: z.string(),
          paragraphId: z.string(),
          surface: z.string(),
          ...TextRange,
        }),
      )
      .describe('Entity mentions, offsets into the document text'),
  })
  .loose();
