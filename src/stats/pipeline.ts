// The one pipeline every analytics route runs: authorise the key and take a rate-limit token → refuse
// parameters the route does not take → parse the scope (site, period, zone, filters) → hand the route
// `answer(query)`, which flushes, runs the query within the read limits (`runRead`) and wraps the
// result in the envelope. A route declares only its schema, the parameters it takes and what it runs:
//
//   .get('/stats/x', ({ scope, answer }) => answer((reader, opts) => getX(reader, scope, opts)), {
//     query: XQuery, stats: [...SCOPE_AND_FILTER_PARAMS, 'metric'], response: …, detail: … })
//
// Three macros, because the scope comes from three places: `stats` (query parameters, a period
// defaulting to 24h), `rawStats` (query parameters, no period meaning every stored event) and
// `statsBody` (a body with `site_id`, the period fields and a `filters` object and `conditions`, as the funnel takes).
import { Elysia } from 'elysia'
import type { AuditLog } from '../accounts/audit'
import type { ReadLease } from '../events/read-gate'
import type { EventReader, ReaderLease } from '../events/store'
import { errors, ok } from '../http/envelope'
import { checkParamNames } from './parse/names'
import { parseScope, type Scope, type ScopeInput } from './parse/scope'
import type { ReadOptions } from './plan'
import { authorizeStatsRead, runRead, type StatsDeps } from './read'
import { FILTER_FIELDS, type Period } from './registry'
import { applyLockedFilters, checkMinVisitors, type ReadRestrictions, refuseUnsafeUnderMin } from './restrict'
import { settleAllTime } from './run/all-time'
import { segmentFilters } from './segments/service'

/** The error statuses every analytics route can answer. */
export const READ_STATUSES = [400, 401, 403, 404, 422, 429, 503] as const

/** The error envelope for each of `READ_STATUSES` (for a route's `response`). */
export const READ_ERRORS = errors(...READ_STATUSES)

/** A stats route's OpenAPI `detail`: tagged Stats, needing a bearer key; `extra` for hand-made parts. */
export function statsDetail(summary: string, description: string, extra: object = {}) {
  return { summary, description, tags: ['Stats'], security: [{ bearerAuth: [] }], ...extra }
}

/** What the analytics routes need: the read dependencies, and how reads are planned and spelled. */
export interface StatsRouteDeps extends StatsDeps {
  /** The planner's switches and the engine's dialect (default: fragments on, DuckDB). */
  readOptions?: ReadOptions
  /** The audit log (exports are recorded). */
  audit?: AuditLog
}

/** A route's query, run on a pooled connection with the app's read options. */
type Query<T> = (reader: EventReader, opts: ReadOptions) => Promise<T>

/** What every analytics handler gets besides its parsed scope. */
function readContext(
  deps: StatsRouteDeps,
  keyId: string,
  scope: Scope<Period | 'all'>,
  restrictions: ReadRestrictions | undefined,
) {
  const opts: ReadOptions = { dialect: deps.events.store.dialect, ...deps.readOptions }
  const k = restrictions?.minVisitors ?? null
  return {
    /** The key id (or 'admin') the read is charged to. */
    keyId,
    scope,
    /** The caller's `min_visitors` (read-only keys and share links), or null. */
    minVisitors: k,
    /**
     * Flush, settle an `all` period on the read's connection, run `query` within the key's read limits,
     * and answer `{success: true, data}`; under `min_visitors` a view of fewer visitors is refused first
     * (`view`: the view).
     */
    answer: async <T>(query: Query<T>, view?: Scope) =>
      ok(
        await runRead(deps, keyId, async (reader) => {
          await settleAllTime(reader, scope as Scope, opts)
          if (k !== null && view) await checkMinVisitors(reader, view, k, opts)
          return query(reader, opts)
        }),
      ),
    /** Flush and hold a read slot of the key until the lease is released (a streamed export). */
    holdRead: (): Promise<ReadLease | ReaderLease> => deps.events.hold(keyId),
  }
}

/**
 * Authorise reading the site (with the caller's restrictions: locked filters, `min_visitors`), then
 * refuse parameters not in `allowed` (custom properties pass), then parse the scope.
 */
function admit(
  deps: StatsRouteDeps,
  request: Request,
  input: ScopeInput,
  names: object,
  allowed: readonly string[],
  parse: () => Scope<Period | 'all'>,
) {
  const who = authorizeStatsRead(deps, request, input.site_id)
  const restrictions = who.restrictions
  if (restrictions) {
    refuseUnsafeUnderMin(restrictions, new URL(request.url).pathname)
    applyLockedFilters(restrictions, names as Record<string, unknown>, allowed)
  }
  checkParamNames(names as Record<string, unknown>, allowed, true)
  return readContext(deps, who.id, parse(), restrictions)
}

/** Add the filters of saved segment `id` (when given) to the scope; a 404 for a segment the key cannot see. */
async function withSegment(deps: StatsRouteDeps, scope: Scope<Period | 'all'>, keyId: string, id: unknown) {
  if (typeof id !== 'string' || id === '') return
  scope.filters.push(...(await segmentFilters(deps.db, scope.siteId, id, keyId)))
}

/** The plugin holding the analytics macros; every stats route `.use`s it. */
export function statsPipeline(deps: StatsRouteDeps) {
  // A read that names no zone is cut in the site's (src/sites/: its settings).
  const zoneOf = (input: ScopeInput) => deps.store.timezoneOf(String(input.site_id))
  return new Elysia().macro({
    /** A query-parameter analytics route taking the parameters listed. */
    stats: (allowed: readonly string[]) => ({
      resolve: async ({ query, request }) => {
        const input = query as ScopeInput
        const ctx = admit(deps, request, input, input, allowed, () =>
          parseScope(input, deps.clock(), { defaultTimezone: zoneOf(input) }),
        )
        await withSegment(deps, ctx.scope, ctx.keyId, input.segment)
        return { ...ctx, scope: ctx.scope as Scope }
      },
    }),
    /** A raw-event route: as `stats`, but without a period every stored event is in scope. */
    rawStats: (allowed: readonly string[]) => ({
      resolve: async ({ query, request }) => {
        const input = query as ScopeInput
        const ctx = admit(deps, request, input, input, allowed, () =>
          parseScope(input, deps.clock(), { defaultPeriod: 'all', defaultTimezone: zoneOf(input) }),
        )
        await withSegment(deps, ctx.scope, ctx.keyId, input.segment)
        return ctx
      },
    }),
    /** A body analytics route: scope fields in the body, filters in its `filters` object. */
    statsBody: {
      resolve: ({ body, request }) => {
        const input = body as ScopeInput & { filters?: Record<string, unknown>; conditions?: unknown }
        const filters = input.filters ?? {}
        const ctx = admit(deps, request, input, filters, FILTER_FIELDS, () =>
          parseScope(input, deps.clock(), {
            filters,
            conditions: input.conditions,
            defaultTimezone: zoneOf(input),
          }),
        )
        return { ...ctx, scope: ctx.scope as Scope }
      },
    },
  })
}
