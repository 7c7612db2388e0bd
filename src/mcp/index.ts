// POST /mcp: the MCP server over Streamable HTTP, stateless (a fresh server and transport per request,
// JSON answers). Authorised like the REST reads (a site's secret key or the admin token); every tool call
// is a REST call through `handle` with the same key, so it takes the same rate-limit token.
import { Elysia } from 'elysia'
import { authenticateKey, bearerToken, isAdminToken, unauthorized } from '../http/auth'
import { readJsonBody } from '../http/body'
import { AppError } from '../http/errors'
import { enforce } from '../http/rate-limit'
import type { StatsDeps } from '../stats/read'
import type { ToolSpec } from './tools'

/**
 * The MCP SDK and its validators (zod, ajv) take about a third of the server's module loading: loaded
 * on the first MCP request, not at start-up.
 */
let sdk:
  | Promise<
      [
        typeof import('./server'),
        typeof import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
      ]
    >
  | undefined
const loadSdk = () =>
  (sdk ??= Promise.all([
    import('./server'),
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
  ]))

/** Who is calling: the key to send on, whether it is the admin token, and its rate-limit id. */
function identify(deps: StatsDeps, headers: Headers): { key: string; admin: boolean; keyId: string } {
  const token = bearerToken(headers)
  if (!token) throw unauthorized('Missing key: send Authorization: Bearer <secret key or admin token>')
  if (isAdminToken(token, deps.config.adminToken)) return { key: token, admin: true, keyId: 'admin' }
  const rec = authenticateKey(deps.store, token)
  if (rec.kind !== 'secret')
    throw new AppError(403, 'A public key may only send events; use the secret key or the admin token')
  return { key: token, admin: false, keyId: rec.keyId }
}

/** The MCP route; `handle` answers REST requests in process (the app's own `handle`). */
export function mcpRoutes(deps: StatsDeps, handle: (request: Request) => Promise<Response>) {
  let tools: Promise<ToolSpec[]> | undefined
  const methodNotAllowed = () =>
    new Response(
      JSON.stringify({ success: false, error: 'Use POST: this MCP endpoint is stateless', status: 405 }),
      {
        status: 405,
        headers: { 'content-type': 'application/json', allow: 'POST' },
      },
    )
  return new Elysia({ name: 'mcp' })
    .post(
      '/mcp',
      async ({ request }) => {
        const who = identify(deps, request.headers)
        // A tool call takes its token in the REST route; the protocol's own messages only check the limit.
        enforce(deps.keyLimiter.check(who.keyId))
        const body = await readJsonBody(request, deps.config.maxBodyBytes)
        const [{ createMcpServer, loadTools }, { WebStandardStreamableHTTPServerTransport }] = await loadSdk()
        tools ??= loadTools(handle).catch((err) => {
          tools = undefined
          throw err
        })
        const server = createMcpServer(await tools, { handle, key: who.key, admin: who.admin })
        const transport = new WebStandardStreamableHTTPServerTransport({
          sessionIdGenerator: undefined,
          enableJsonResponse: true,
        })
        await server.connect(transport)
        try {
          return await transport.handleRequest(request, { parsedBody: body })
        } finally {
          await server.close().catch(() => undefined)
        }
      },
      {
        detail: {
          summary: 'MCP (Streamable HTTP)',
          description:
            'A Model Context Protocol server, stateless, JSON responses. Tools: get_stats, get_timeseries, get_breakdown, get_journeys, get_funnel, get_retention, list_events (and list_sites and get_overview for the admin), generated from this document; resource pulse://data-model. Authorise with a site secret key or the admin token; tool calls count against the same rate limit as the REST API.',
          tags: ['MCP'],
          security: [{ bearerAuth: [] }],
          responses: {
            200: {
              description: 'A JSON-RPC response',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            202: { description: 'A notification was accepted' },
            401: { description: 'Missing or invalid key' },
            403: { description: 'A public key' },
            429: { description: 'Rate limit exceeded' },
          },
        },
      },
    )
    .get('/mcp', methodNotAllowed, { detail: { hide: true } })
    .delete('/mcp', methodNotAllowed, { detail: { hide: true } })
}
