// POST /collect?dry_run=true (and on /collect/batch): the events as they would be stored, with the
// validation problems and warnings, and nothing stored. The site's known event types and property keys
// are read through the read gate (bound parameters, the key's read limits).
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'
import { type Dialect, duckdbDialect } from '../events/dialect'
import type { EventRow } from '../events/fields'
import type { EventReader } from '../events/store'
import type { FieldIssue } from '../http/errors'
import { RawEvent } from '../stats/model/raw'
import { runRead, type StatsDeps } from '../stats/read'
import { toStoredEvent } from '../stream/stored-event'
import { type DryRunWarning, dryRunWarnings, type KnownNames } from './dry-run-warnings'
import { Rejected } from './model'

/** How far back property keys are looked for (a scan of the site's recent events). */
const KEY_LOOKBACK_MS = 90 * 86_400_000

export const DryRunResult = t.Object(
  {
    success: t.Literal(true),
    data: t.Object({
      dry_run: t.Literal(true),
      valid: t.Boolean({ description: 'Every event passed validation' }),
      events: t.Array(
        t.Object({
          index: Type.Integer({ description: 'Position of the event in the request', examples: [0] }),
          event: RawEvent,
        }),
        { description: 'Each valid event as it would be stored (received_at: now)' },
      ),
      rejected: t.Array(Rejected),
      warnings: t.Array(
        t.Object({
          index: Type.Integer({ examples: [0] }),
          path: t.String({ examples: ['$.properties.signupPlan'] }),
          code: t.Union([t.Literal('property_key_near_duplicate'), t.Literal('new_event_type')]),
          message: t.String({
            examples: ['property "signupPlan" differs only by case, "_" or "-" from "signup_plan"'],
          }),
        }),
      ),
    }),
  },
  { description: 'Answer of a dry run: nothing was stored' },
)

/** Read the site's event types and recent property keys (each list bounded), in the store's dialect `d`. */
export async function readKnownNames(
  reader: EventReader,
  siteId: string,
  now: number,
  d: Dialect = duckdbDialect,
): Promise<KnownNames> {
  const types = await reader.rows<{ t: string }>(
    `SELECT DISTINCT event_type AS t FROM events WHERE site_id = ${d.param(1, 'text')} LIMIT 10000`,
    [siteId],
  )
  const keys = await reader.rows<{ k: string }>(
    `SELECT DISTINCT ${d.jsonKeys('properties')} AS k FROM events
     WHERE site_id = ${d.param(1, 'text')} AND properties IS NOT NULL AND received_at >= ${d.param(2, 'int')} LIMIT 10000`,
    [siteId, BigInt(now - KEY_LOOKBACK_MS)],
  )
  return { eventTypes: new Set(types.map((r) => r.t)), propertyKeys: keys.map((r) => r.k) }
}

/** Build the dry-run answer for the valid `rows` (in request order) and the `rejected` ones. */
export async function dryRun(
  deps: StatsDeps,
  keyId: string,
  total: number,
  rows: EventRow[],
  rejected: { index: number; error: string; details: FieldIssue[] }[],
  pathOf: (i: number) => string,
): Promise<typeof DryRunResult.static> {
  const now = deps.clock()
  const bad = new Set(rejected.map((r) => r.index))
  const indices: number[] = []
  for (let i = 0; i < total; i++) if (!bad.has(i)) indices.push(i)
  const events = rows.map((row, k) => ({ index: indices[k], row }))
  let warnings: DryRunWarning[] = []
  if (events.length > 0) {
    const known = await runRead(deps, keyId, (reader) =>
      readKnownNames(reader, rows[0].siteId, now, deps.events.store.dialect),
    )
    warnings = dryRunWarnings(events, known, pathOf)
  }
  return {
    success: true,
    data: {
      dry_run: true,
      valid: rejected.length === 0,
      events: events.map((e) => ({ index: e.index, event: toStoredEvent(e.row, now) })),
      rejected,
      warnings,
    },
  }
}
