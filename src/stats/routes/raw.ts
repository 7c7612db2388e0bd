// GET /api/v1/events (raw events, newest first, cursor pages) and GET /api/v1/export (a streamed
// NDJSON, CSV or Parquet file of a period's raw events).

import { Elysia } from 'elysia'
import { actorOf } from '../../accounts/audit'
import { principalOf } from '../../accounts/guard'
import { UnavailableError } from '../../errors'
import { errorDocs } from '../../http/envelope'
import { streamExport } from '../export/stream'
import { EventsQuery, EventsResult, ExportQuery, RawEvent } from '../model/raw'
import { pick } from '../parse/names'
import { SCOPE_AND_FILTER_PARAMS } from '../parse/scope'
import type { StatsRouteDeps } from '../pipeline'
import { READ_ERRORS, READ_STATUSES, statsDetail, statsPipeline } from '../pipeline'
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, LIMITS } from '../registry'
import { getEventsPage } from '../run/events'

const RAW_NOTE =
  'Without `period` (or `from`/`to`) every stored event of the site is included; otherwise the period, `timezone` and the filters (`event_type`, `url`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `property.<key>`; exact match, empty = missing) work as for /api/v1/stats. Needs the site secret key (or the admin token); every event acknowledged before the call is included.'

/** A file name safe in a Content-Disposition header. */
function fileName(siteId: string, ext: string): string {
  return `${siteId.replace(/[^A-Za-z0-9_.-]/g, '_')}-events.${ext}`
}

/** The raw-event routes. */
export function rawRoutes(deps: StatsRouteDeps) {
  return new Elysia({ name: 'stats-raw' })
    .use(statsPipeline(deps))
    .model({ RawEvent, EventsResult })
    .get(
      '/events',
      ({ query, scope, answer }) => {
        const limit = query.limit ?? LIMITS.eventsDefault
        return answer((conn, opts) => getEventsPage(conn, scope, limit, query.cursor, opts))
      },
      {
        query: EventsQuery,
        rawStats: [...SCOPE_AND_FILTER_PARAMS, 'limit', 'cursor'],
        detail: statsDetail(
          'List raw events',
          `The site's events, newest first (by timestamp), \`limit\` per page (default 100, at most 1000). Pass \`next_cursor\` back as \`cursor\` for the next page; it is null on the last page. ${RAW_NOTE}`,
        ),
        response: { 200: EventsResult, ...READ_ERRORS },
      },
    )
    .get(
      '/export',
      async ({ query, request, server, scope, holdRead }) => {
        const format = pick('format', query.format || 'ndjson', EXPORT_FORMAT_NAMES)
        // However long the export takes (a large Parquet file is built before its bytes flow), the HTTP
        // layer's idle timeout must not cut it: the export ends itself, or the client or shutdown does.
        server?.timeout(request, 0)
        // The export holds a read slot of its key until it ends (or the client goes away).
        const lease = await holdRead()
        // Shutdown began while this export waited for its flush: refuse it, never a clean empty 200.
        if (deps.exports.closed) {
          lease.release()
          throw new UnavailableError('The server is shutting down; retry shortly', 2)
        }
        const selection = { siteId: scope.siteId, range: scope.range, filters: scope.filters }
        await deps.audit
          ?.record({
            actor: actorOf(principalOf(request)),
            action: 'export',
            siteId: scope.siteId,
            target: format,
          })
          .catch(() => undefined)
        const body = await streamExport(
          { lease, exports: deps.exports, signal: request.signal },
          selection,
          format,
        ).catch((err) => {
          lease.release()
          throw err
        })
        const f = EXPORT_FORMATS[format]
        return new Response(body, {
          headers: {
            'content-type': f.contentType,
            'content-disposition': `attachment; filename="${fileName(scope.siteId, f.ext)}"`,
            'cache-control': 'no-store',
          },
        })
      },
      {
        query: ExportQuery,
        rawStats: [...SCOPE_AND_FILTER_PARAMS, 'format'],
        detail: statsDetail(
          'Export raw events',
          `Streams the events, oldest first, as a file download: \`format=ndjson\` (one JSON event per line, fields as in /api/v1/events), \`csv\` (RFC 4180 with a header row; properties as JSON text; null as empty) or \`parquet\`. ${RAW_NOTE}`,
          {
            responses: {
              200: {
                description: 'The events as a file (Content-Disposition: attachment)',
                content: {
                  'application/x-ndjson': {
                    schema: { type: 'string' },
                    example: '{"site_id":"site_abc123",…}\n',
                  },
                  'text/csv': { schema: { type: 'string' }, example: 'site_id,event_type,timestamp,…\r\n' },
                  'application/vnd.apache.parquet': { schema: { type: 'string', format: 'binary' } },
                },
              },
              ...errorDocs(...READ_STATUSES),
            },
          },
        ),
      },
    )
}
