// What the handlers do by hand, declared for the document: query parameters read without a schema
// (the ingest routes keep their own 422s), answers built as a `Response` (dry runs, CSV, MCP's
// JSON-RPC), and bodies read as text. Elysia cannot see these; test/openapi/answers.test.ts checks
// every one against real answers, so this file cannot drift from the handlers unnoticed.

type Json = any

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const ERROR = ref('ErrorResponse')
const json = (schema: Json) => ({ 'application/json': { schema } })

/** The query parameters both ingest routes read (anything else is a 422). */
const INGEST_PARAMETERS = [
  {
    name: 'api_key',
    in: 'query',
    required: false,
    description: 'A public key (`pk_…`), for browsers that avoid a CORS preflight (instead of Authorization)',
    schema: { type: 'string', examples: ['pk_0123456789abcdef'] },
  },
  {
    name: 'dry_run',
    in: 'query',
    required: false,
    description: 'true: validate and enrich, store nothing, answer with the `DryRunResult` shape',
    schema: { type: 'boolean' },
  },
]

/**
 * `property.<key>=<value>` filters (every read that takes the filter parameters): one object parameter,
 * form style, exploded, so its keys are the query names themselves (`?property.plan=pro`). The name
 * `properties` never appears on the wire; generated clients take `{ 'property.plan': 'pro' }`.
 */
const PROPERTY_FILTERS = {
  name: 'properties',
  in: 'query',
  required: false,
  style: 'form',
  explode: true,
  description:
    'Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro`',
  schema: {
    type: 'object',
    propertyNames: { pattern: '^property\\.[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$' },
    additionalProperties: { type: 'string' },
    examples: [{ 'property.plan': 'pro' }],
  },
}

/** Add the property filters to every operation that takes the filter parameters (`include_bots`). */
export function declarePropertyFilters(op: Json) {
  const params: Json[] = op.parameters ?? []
  if (
    params.some((p) => p.in === 'query' && p.name === 'include_bots') &&
    !params.some((p) => p.name === 'properties')
  )
    op.parameters = [...params, PROPERTY_FILTERS]
}

/** A stored event or a dry run: the same 200, told apart by `data.dry_run`. */
function withDryRun(op: Json) {
  op.parameters = [...(op.parameters ?? []), ...INGEST_PARAMETERS]
  const ok = op.responses?.['200']?.content?.['application/json']
  if (ok) ok.schema = { anyOf: [ok.schema, ref('DryRunResult')] }
}

/** `format=csv`: the same 200 as a CSV file (the stats routes answer it as a `Response`). */
function withCsv(lines: string) {
  return (op: Json) => {
    const ok = op.responses?.['200']
    if (!ok?.content) return
    ok.description = `${ok.description ?? 'The answer'}; with \`format=csv\`, a CSV file`
    ok.content['text/csv'] = {
      schema: { type: 'string', description: `A header line, then ${lines}` },
    }
  }
}

/** JSON-RPC 2.0, as far as the MCP route's own answers need it. */
const JSON_RPC_REQUEST = {
  type: 'object',
  required: ['jsonrpc', 'method'],
  properties: {
    jsonrpc: { const: '2.0' },
    id: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
    method: { type: 'string', examples: ['tools/list'] },
    params: { type: 'object' },
  },
  examples: [{ jsonrpc: '2.0', id: 1, method: 'tools/list' }],
}
const JSON_RPC_ANSWER = {
  type: 'object',
  required: ['jsonrpc'],
  properties: {
    jsonrpc: { const: '2.0' },
    id: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
    result: { type: 'object' },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'integer' }, message: { type: 'string' } },
    },
  },
}

const EDITS: Record<string, (op: Json) => void> = {
  'POST /collect': withDryRun,
  'POST /collect/batch': withDryRun,
  'GET /api/v1/stats/timeseries': withCsv('one line per point'),
  'GET /api/v1/stats/breakdown': withCsv('one line per row'),
  'POST /api/v1/sql': (op) => {
    op.responses['200'].description = 'The rows: JSON by default, CSV with `format: "csv"`'
    op.responses['200'].content['text/csv'] = {
      schema: { type: 'string', description: 'A header line, then one line per row' },
    }
    op.responses['200'].headers = {
      'X-Pulse-Truncated': {
        description: 'CSV only: true when rows beyond `max_rows` were cut',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    }
  },
  'POST /mcp': (op) => {
    op.requestBody = { required: true, content: json(JSON_RPC_REQUEST) }
    op.responses = {
      200: { description: 'A JSON-RPC response', content: json(JSON_RPC_ANSWER) },
      202: { description: 'A notification was accepted' },
      400: { description: 'Not a JSON-RPC message', content: json(JSON_RPC_ANSWER) },
      401: { description: 'Missing or invalid key', content: json(ERROR) },
      403: { description: 'A public key', content: json(ERROR) },
      406: {
        description: 'Accept must list application/json and text/event-stream',
        content: json(JSON_RPC_ANSWER),
      },
      413: { description: 'Body too large', content: json(ERROR) },
      415: { description: 'Content-Type must be application/json', content: json(JSON_RPC_ANSWER) },
      422: { description: 'The body is not JSON', content: json(ERROR) },
      429: { description: 'Rate limit exceeded', content: json(ERROR) },
    }
  },
  'POST /unsubscribe': (op) => {
    // RFC 8058 one-click: mail clients post `List-Unsubscribe=One-Click`; the token may come in the form too.
    op.requestBody = {
      required: false,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: {
              'List-Unsubscribe': { const: 'One-Click' },
              token: { type: 'string', description: 'The signed token, when not in the query' },
            },
          },
        },
      },
    }
  },
  'POST /api/v1/admin/imports': (op) => {
    op.requestBody = {
      required: true,
      description: "The file's text (or one part of it): NDJSON, CSV or log lines, by `source`",
      content: { 'text/plain': { schema: { type: 'string' } } },
    }
  },
}

/** Apply the hand-declared facts to `doc` (in place). */
export function applyOverlay(doc: Json) {
  for (const [key, edit] of Object.entries(EDITS)) {
    const [method, path] = key.split(' ')
    const op = doc.paths?.[path]?.[method.toLowerCase()]
    if (op) edit(op)
  }
  for (const item of Object.values(doc.paths ?? {}) as Json[])
    for (const op of Object.values(item) as Json[])
      if (op && typeof op === 'object') declarePropertyFilters(op)
}
