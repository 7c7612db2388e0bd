// GET /api/v1/events/stream: Server-Sent Events of a site's events, each sent as stored the moment it is
// acknowledged. The response stream's own queue is the bounded per-connection queue: when a client
// reads too slowly for it, the connection is dropped (with a final `dropped` event), never waited for.
import { Elysia, t } from 'elysia'
import { ErrorResponse } from '../http/envelope'
import { parseFilters } from '../stats/parse/filters'
import { checkParamNames } from '../stats/parse/names'
import { authorizeStatsRead, type StatsDeps } from '../stats/read'
import { FILTERS, type Field } from '../stats/registry'
import { applyLockedFilters, refuseUnsafeUnderMin } from '../stats/restrict'
import type { EventHub } from './hub'

/** Options of the stream route. */
export interface StreamOptions {
  /** Events held for one slow connection before it is dropped. */
  queueEvents?: number
  /** Interval of the keep-alive comment. */
  keepAliveMs?: number
}

/** What the stream route needs. */
export type StreamDeps = StatsDeps & { hub: EventHub }

const str = (description: string, example: string) =>
  t.Optional(t.String({ description, examples: [example] }))

const StreamQuery = t.Object(
  {
    site_id: t.String({
      minLength: 1,
      maxLength: 64,
      description: 'Site identifier',
      examples: ['site_abc123'],
    }),
    ...(Object.fromEntries(FILTERS.map((f) => [f.name, str(f.description, f.example)])) as Record<
      Field,
      ReturnType<typeof str>
    >),
  },
  { additionalProperties: true },
)

const encoder = new TextEncoder()

/** The live event stream route. */
export function streamRoutes(
  deps: StreamDeps,
  { queueEvents = 256, keepAliveMs = 15_000 }: StreamOptions = {},
) {
  return new Elysia({ name: 'event-stream', prefix: '/api/v1' }).get(
    '/events/stream',
    ({ query, request, server }) => {
      const who = authorizeStatsRead(deps, request, query.site_id)
      const key = who.id
      const allowed = ['site_id', ...FILTERS.map((f) => f.name)]
      // A read-only key's locked filter applies here too; under min_visitors the stream is refused.
      if (who.restrictions) {
        refuseUnsafeUnderMin(who.restrictions, '/api/v1/events/stream')
        applyLockedFilters(who.restrictions, query as Record<string, unknown>, allowed)
      }
      checkParamNames(query, allowed, true)
      const filters = parseFilters(query)
      // Bun closes a connection idle for 10 s by default; a quiet stream is not idle, keep-alives aside.
      server?.timeout(request, 0)
      let unsubscribe = () => {}
      let timer: ReturnType<typeof setInterval> | undefined
      const stop = () => {
        clearInterval(timer)
        unsubscribe()
      }
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            const send = (text: string): boolean => {
              if ((controller.desiredSize ?? 0) <= 0) return false
              controller.enqueue(encoder.encode(text))
              return true
            }
            unsubscribe = deps.hub.subscribe(key, {
              siteId: query.site_id,
              filters,
              deliver: (event) => send(`event: event\ndata: ${JSON.stringify(event)}\n\n`),
              dropped: (reason) => {
                stop()
                try {
                  controller.enqueue(encoder.encode(`event: dropped\ndata: {"reason":"${reason}"}\n\n`))
                  controller.close()
                } catch {}
              },
            })
            send(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ site_id: query.site_id })}\n\n`)
            timer = setInterval(() => send(': keep-alive\n\n'), keepAliveMs)
            request.signal.addEventListener('abort', () => {
              stop()
              try {
                controller.close()
              } catch {}
            })
          },
          cancel: stop,
        },
        // Counted in chunks: one chunk is one event, so this is the per-connection queue bound.
        new CountQueuingStrategy({ highWaterMark: queueEvents }),
      )
      return new Response(body, {
        headers: {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-accel-buffering': 'no',
        },
      })
    },
    {
      query: StreamQuery,
      detail: {
        summary: 'Stream events live',
        description: `Server-Sent Events: \`event: ready\` once subscribed, then one \`event: event\` per accepted event of the site (data: the event as GET /api/v1/events returns it), sent the moment ingest acknowledges it. The filters of /api/v1/events apply (\`event_type\`, \`url\`, …, \`property.<key>\`; exact match, empty = missing). A client that reads too slowly (over ${queueEvents} events behind) gets \`event: dropped\` (data \`{"reason":"slow"}\`, or \`shutdown\` when the server stops) and the stream ends; reconnect. At most a few streams per key at once (429 beyond). Needs the site secret key or the admin token.`,
        tags: ['Stats'],
        security: [{ bearerAuth: [] }],
        responses: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...Object.fromEntries(
            [400, 401, 403, 404, 422, 429, 503].map((s) => [
              s,
              { description: 'Error envelope', content: { 'application/json': { schema: ErrorResponse } } },
            ]),
          ),
        },
      },
    },
  )
}
