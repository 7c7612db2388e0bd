// The `all` period of the analytics reads: it starts at the local day of the site's first stored event,
// which only a read can tell, so the scope parsed from the request is settled here, on the read's own
// connection, before the route's query runs. Raw-event reads without a period keep every stored event.
import type { EventReader } from '../../events/store'
import type { Scope } from '../parse/scope'
import type { ReadOptions } from '../plan'
import { buildFirstEvent } from '../sql/first-event'
import { resolvePeriod } from '../time/period'

/** Give an `all` scope its range from the site's first event (in place; other scopes are left alone). */
export async function settleAllTime(
  reader: EventReader,
  scope: Scope,
  opts: ReadOptions = {},
): Promise<void> {
  if (scope.period !== 'all' || scope.range.to === Number.MAX_SAFE_INTEGER) return
  const q = buildFirstEvent(scope.siteId, opts)
  const rows = await reader.rows<{ first: number | bigint | null }>(q.sql, q.params)
  const first = rows[0]?.first === null || rows[0]?.first === undefined ? undefined : Number(rows[0].first)
  const r = resolvePeriod('all', scope.range.to, scope.timezone, undefined, first)
  scope.range = { from: r.from, to: r.to }
  scope.previous = r.previous
}
