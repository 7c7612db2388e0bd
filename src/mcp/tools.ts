// MCP tools derived from the live OpenAPI document: a small, fixed choice of read operations, each
// keeping the operation's own description and parameter (or body) schema, so the tools cannot drift
// from the REST API they call.

/** A read operation offered as a tool. */
export interface ToolSpec {
  name: string
  description: string
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] }
  method: 'GET' | 'POST'
  path: string
  /** Only callers with the admin token see it. */
  adminOnly: boolean
}

/** The operations offered, by tool name; everything else in the API stays out of the tool set. */
export const TOOL_OPERATIONS = [
  { name: 'get_stats', method: 'GET', path: '/api/v1/stats', adminOnly: false },
  { name: 'get_timeseries', method: 'GET', path: '/api/v1/stats/timeseries', adminOnly: false },
  { name: 'get_breakdown', method: 'GET', path: '/api/v1/stats/breakdown', adminOnly: false },
  { name: 'get_journeys', method: 'GET', path: '/api/v1/stats/journeys', adminOnly: false },
  { name: 'get_funnel', method: 'POST', path: '/api/v1/funnels', adminOnly: false },
  { name: 'get_retention', method: 'GET', path: '/api/v1/retention', adminOnly: false },
  { name: 'list_events', method: 'GET', path: '/api/v1/events', adminOnly: false },
  { name: 'list_sites', method: 'GET', path: '/api/v1/sites', adminOnly: true },
  { name: 'get_overview', method: 'GET', path: '/api/v1/overview', adminOnly: true },
] as const

/** Longest tool description, in characters (the API's descriptions repeat long definitions). */
const MAX_DESCRIPTION = 2000

/** The extra argument that carries `property.<key>` filters, which a JSON schema cannot name. */
export const PROPERTY_FILTERS_ARG = 'property_filters'

type Spec = {
  paths: Record<string, Record<string, OpenApiOperation>>
  components?: { schemas?: Record<string, unknown> }
}
type OpenApiOperation = {
  summary?: string
  description?: string
  parameters?: {
    name: string
    in: string
    required?: boolean
    description?: string
    schema?: Record<string, unknown>
  }[]
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> }
}

/** Resolve a local `$ref` (one level is all the document uses) and drop keys tool schemas do not need. */
function resolve(spec: Spec, schema: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!schema) return {}
  const ref = schema.$ref
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/'))
    return resolve(spec, spec.components?.schemas?.[ref.slice(21)] as Record<string, unknown>)
  const { $id: _id, ...rest } = schema
  return rest
}

/** The tools of `spec` (an OpenAPI 3.1 document of this server). */
export function toolsFromOpenApi(spec: Spec): ToolSpec[] {
  const tools: ToolSpec[] = []
  for (const op of TOOL_OPERATIONS) {
    const o = spec.paths[op.path]?.[op.method.toLowerCase()]
    if (!o) continue
    let inputSchema: ToolSpec['inputSchema']
    if (op.method === 'POST') {
      const body = resolve(spec, o.requestBody?.content?.['application/json']?.schema)
      inputSchema = {
        ...body,
        type: 'object',
        properties: (body.properties as Record<string, unknown>) ?? {},
      }
    } else {
      const properties: Record<string, unknown> = {}
      const required: string[] = []
      for (const p of o.parameters ?? []) {
        if (p.in !== 'query') continue
        properties[p.name] = {
          ...resolve(spec, p.schema),
          ...(p.description ? { description: p.description } : {}),
        }
        if (p.required) required.push(p.name)
      }
      if ('site_id' in properties)
        properties[PROPERTY_FILTERS_ARG] = {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Custom property filters: {"plan": "pro"} is the query parameter property.plan=pro',
        }
      inputSchema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) }
    }
    const text = [o.summary, o.description].filter(Boolean).join('. ')
    tools.push({
      name: op.name,
      description: text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text,
      inputSchema,
      method: op.method,
      path: op.path,
      adminOnly: op.adminOnly,
    })
  }
  return tools
}

/** The REST request of a tool call: query string for GET (property filters expanded), JSON body for POST. */
export function toolRequest(tool: ToolSpec, args: Record<string, unknown>, key: string): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` }
  if (tool.method === 'POST') {
    headers['content-type'] = 'application/json'
    return new Request(`http://localhost${tool.path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args),
    })
  }
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined || v === null) continue
    if (k === PROPERTY_FILTERS_ARG && typeof v === 'object') {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>))
        qs.append(`property.${pk}`, String(pv))
      continue
    }
    qs.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v))
  }
  const q = qs.toString()
  return new Request(`http://localhost${tool.path}${q ? `?${q}` : ''}`, { method: 'GET', headers })
}
