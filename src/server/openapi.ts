// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with (zod 4's
// toJSONSchema emits JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
import { z } from 'zod';
import { CheckReport, CheckRequest, TrackQuery, TrackReport } from '../consistency/report.ts';
import { EXPORT_FORMATS } from '../export/formats.ts';
import {
  AnswerResponse,
  AskQuery,
  DeleteResponse,
  DocumentReaderResponse,
  DocumentsResponse,
  EntitiesQuery,
  EntitiesResponse,
  EntityDetails,
  ErrorResponse,
  ExportQuery,
  HealthResponse,
  IdParams,
  NeighborhoodQuery,
  NeighborhoodResponse,
  PathQuery,
  Subgraph,
  TimelineResponse,
  TasksQuery,
  TasksResponse,
  UploadQuery,
  UploadResponse,
} from '../domain/api-schemas.ts';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string; // OpenAPI form: /api/entities/{id}
  /** The method name generated clients give the call. */
  operationId: string;
  summary: string;
  tag: string;
  query?: ObjectSchema;
  params?: ObjectSchema;
  body?: { schema: z.ZodType; contentType: string };
  /** JSON responses by schema; downloads by content type. */
  response: z.ZodType | { contentTypes: string[] };
  success?: number;
  /** Needs the bearer token when the server has one. */
  write?: boolean;
  errors: number[];
}

export const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Store, embedding model and vector index state',
    tag: 'meta',
    response: HealthResponse,
    errors: [],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    tag: 'meta',
    response: { contentTypes: ['application/json'] },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/ask',
    operationId: 'ask',
    summary: 'Answer a question (zh/en) with tasks, entities and cited passages',
    tag: 'search',
    query: AskQuery,
    response: AnswerResponse,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/entities',
    operationId: 'listEntities',
    summary: 'Entities by type and by Chinese, pinyin or English match',
    tag: 'graph',
    query: EntitiesQuery,
    response: EntitiesResponse,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/entities/{id}',
    operationId: 'getEntity',
    summary: 'One entity with its mentions and source paragraphs',
    tag: 'graph',
    params: IdParams,
    response: EntityDetails,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/graph/neighborhood',
    operationId: 'getNeighborhood',
    summary: 'The nodes around one node, capped at `limit` (reported as `capped`)',
    tag: 'graph',
    query: NeighborhoodQuery,
    response: NeighborhoodResponse,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/graph/path',
    operationId: 'getShortestPaths',
    summary: 'The preferred shortest path between two nodes within maxHops: typed relations first, hubs avoided (empty when none)',
    tag: 'graph',
    query: PathQuery,
    response: Subgraph,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/indicators/{id}/timeline',
    operationId: 'getIndicatorTimeline',
    summary: "An indicator's observations over periods, across documents",
    tag: 'graph',
    params: IdParams,
    response: TimelineResponse,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/documents',
    operationId: 'listDocuments',
    summary: 'Ingested documents with counts',
    tag: 'documents',
    response: DocumentsResponse,
    errors: [],
  },
  {
    method: 'post',
    path: '/api/documents',
    operationId: 'uploadDocument',
    summary: 'Upload and ingest one document (the body is the file); all or nothing',
    tag: 'documents',
    query: UploadQuery,
    body: { schema: z.string().describe("The file's bytes (txt, md, html, docx, pdf)"), contentType: 'application/octet-stream' },
    response: UploadResponse,
    success: 201,
    write: true,
    errors: [400, 401, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    operationId: 'getDocument',
    summary: 'One report for the reader: metadata, outline (parts, sections, tasks), paragraphs with offsets, text and entity mentions',
    tag: 'documents',
    params: IdParams,
    response: DocumentReaderResponse,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/documents/{id}/tasks',
    operationId: 'listDocumentTasks',
    summary: "A document's tasks (finest enumerated units) with number, title, category, horizon, parent and offsets",
    tag: 'documents',
    params: IdParams,
    query: TasksQuery,
    response: TasksResponse,
    errors: [400, 404],
  },
  {
    method: 'delete',
    path: '/api/documents/{id}',
    operationId: 'deleteDocument',
    summary: 'Remove a document and everything only it supported',
    tag: 'documents',
    params: IdParams,
    response: DeleteResponse,
    write: true,
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/api/check',
    operationId: 'checkDraft',
    summary: "Check a draft's claims against prior commitments",
    tag: 'consistency',
    body: { schema: CheckRequest, contentType: 'application/json' },
    response: CheckReport,
    errors: [400, 413],
  },
  {
    method: 'get',
    path: '/api/track',
    operationId: 'trackTargets',
    summary: 'Earlier targets against later reported results',
    tag: 'consistency',
    query: TrackQuery,
    response: TrackReport,
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/export',
    operationId: 'exportGraph',
    summary: "The graph (or one document's) as GraphML, GEXF, JSON or neo4j-admin CSV (zip)",
    tag: 'graph',
    query: ExportQuery,
    response: { contentTypes: Object.values(EXPORT_FORMATS).map((f) => f.contentType) },
    errors: [400, 404],
  },
];

type JsonSchema = Record<string, unknown>;

/**
 * A record keyed by an enum (z.record(Verdict, …)) comes out as propertyNames + required with no properties: valid
 * JSON Schema, but OpenAPI tools (linters, client generators) only see declared properties, so each key becomes one.
 */
function declareEnumKeys(schema: JsonSchema): void {
  const names = (schema.propertyNames as JsonSchema | undefined)?.enum;
  if (schema.properties || !Array.isArray(names) || typeof schema.additionalProperties !== 'object') return;
  schema.properties = Object.fromEntries(names.map((name) => [String(name), schema.additionalProperties]));
  schema.additionalProperties = false;
  delete schema.propertyNames;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema: node }) => declareEnumKeys(node as JsonSchema),
  });
  const { $schema: _dialect, ...rest } = generated as JsonSchema;
  return rest;
}

function parameters(schema: ObjectSchema | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const described = jsonSchema(field as z.ZodType, 'input');
    return {
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof described.description === 'string' ? { description: described.description } : {}),
      schema: described,
    };
  });
}

function downloadSchema(contentType: string): JsonSchema {
  if (contentType === 'application/json') return { type: 'object' };
  return contentType === 'application/zip' ? { type: 'string', format: 'binary' } : { type: 'string' };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing or wrong bearer token',
  404: 'Not found',
  413: 'Body too large',
  415: 'Unsupported file type',
  422: 'The document could not be ingested',
  429: 'Rate limit exceeded',
  500: 'Server error',
};

export function openApiDocument(): Record<string, unknown> {
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const content =
      'contentTypes' in op.response
        ? Object.fromEntries(op.response.contentTypes.map((type) => [type, { schema: downloadSchema(type) }]))
        : { 'application/json': { schema: jsonSchema(op.response, 'output') } };
    const pathItem = paths[op.path] ?? {};
    paths[op.path] = pathItem;
    pathItem[op.method] = {
      summary: op.summary,
      tags: [op.tag],
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                [op.body.contentType]: {
                  schema:
                    op.body.contentType === 'application/json' ? jsonSchema(op.body.schema, 'input') : { type: 'string', format: 'binary' },
                },
              },
            },
          }
        : {}),
      operationId: op.operationId,
      // Reads are open (an empty list says so explicitly); writes need the bearer token.
      security: op.write ? [{ bearer: [] }] : [],
      responses: {
        [String(op.success ?? 200)]: { description: 'OK', content },
        ...Object.fromEntries([...op.errors, 429, 500].map((status) => [String(status), { description: STATUS_TEXT[status], ...error }])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PolicyGraph API',
      version: '1.0.0',
      description:
        'Ask questions of Chinese government work reports, explore their knowledge graph, and check drafts against prior commitments. Errors are `{error:{code,message}}`.',
      // package.json is private and the repository ships no licence file, so no licence is granted; LicenseRef- is
      // SPDX's form for a licence outside its list. Replace both when the project picks one.
      license: { name: 'All rights reserved', identifier: 'LicenseRef-All-Rights-Reserved' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Required on write endpoints when POLICY_GRAPH_TOKEN is set' },
      },
    },
  };
}
