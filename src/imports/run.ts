// One import run over a part of a file: split into lines (a line that is not text is invalid, with its
// number) → map each line (the source's mapper) → validate as a live event, with the age limit lifted →
// enrich with the steps of live ingest (the line's address and User-Agent, at the event's own time) →
// drop duplicates (already stored, or earlier in this part) → append in
// batches through the same CSV bulk load as live events (`csvLine` → the event store's `append`), each batch one
// transaction that also adds its counts to the import's record. One import at a time per process, so the
// duplicate check of a batch cannot race another import's writes.
import { stat } from 'node:fs/promises'
import { Mutex } from '../db/mutex'
import type { Database } from '../db/open'
import { csvLine } from '../events/csv'
import { eventKey } from '../events/dedupe'
import type { EventRow } from '../events/fields'
import type { EventStore } from '../events/store'
import { selfHostsOf } from '../ingest/enrich/acquisition'
import type { Enricher, ImportEnrichment } from '../ingest/enrich/pipeline'
import { describeIssues, validateEvent } from '../ingest/validate'
import type { SiteStore } from '../sites/store'
import { controlIssue, splitLines } from './lines'
import { ImportReasons, type ImportResult } from './model'
import { addImportCounts, type CountsDelta, insertImport, storedEventKeys } from './repo'
import { SOURCES, type SourceName } from './sources'
import type { IgnoreReason, LineVisitor, Mapped, SourceMapper } from './sources/source'

/** What an import needs from the services. */
export interface ImportDeps {
  db: Database
  store: SiteStore
  /** The event store the batches are appended to. */
  events: { store: EventStore }
  clock: () => number
  /** The ingest enricher: imports run its steps through `forImport` (none: imports are not enriched). */
  enricher?: Enricher
}

/** One run: a file (or one part of it) into the database. */
export interface ImportRun {
  importId: string
  source: SourceName
  /** Required except for source `pulse`. */
  siteId?: string
  fileName: string
  dryRun: boolean
  /** Byte offset of the body in the file. */
  offset?: number
  /** The site's own host in the log (`--host`): a referrer on it is internal navigation. */
  host?: string
  /** IANA time zone of the file's days (sources of daily aggregates: Plausible). Default UTC. */
  timezone?: string
}

/** Rows per transaction: large enough for the bulk load's speed, small enough to bound memory. */
const BATCH_ROWS = 20_000
const MAX_ISSUES = 20
/** No age limit for history: only the "looks like seconds" and future checks remain. */
const NO_AGE_LIMIT_DAYS = 1_000_000

const importLock = new Mutex()

/** A problem with the import as a whole (bad site, unreadable header): the API answers 422. */
export class ImportError extends Error {}

/** A new import id: time then randomness, so ids sort by start. */
export function newImportId(now: number): string {
  const rand = crypto.getRandomValues(new Uint32Array(2))
  return `imp_${now.toString(36)}${rand[0].toString(36)}${rand[1].toString(36)}`.slice(0, 44)
}

/** PULSE reads a smaller time as seconds (src/ingest/validate.ts): a line this old cannot be stored. */
const OLDEST_MS = 100_000_000_000

/**
 * The enrichment of an import: kept from one part of a file to the next (same import id), so sessions,
 * sources and bursts run on across the parts' seams. One import runs at a time, so one is kept.
 */
let current: { importId: string; enricher: Enricher; enrichment: ImportEnrichment } | undefined
function enrichmentOf(enricher: Enricher | undefined, importId: string): ImportEnrichment | undefined {
  if (!enricher?.forImport) return undefined
  if (current?.importId !== importId || current.enricher !== enricher)
    current = { importId, enricher, enrichment: enricher.forImport() }
  return current.enrichment
}

/** Every reason at zero. */
export function noReasons(): ImportReasons {
  return Object.fromEntries(Object.keys(ImportReasons.properties).map((k) => [k, 0])) as ImportReasons
}

/** The site's own hosts, per site (a PULSE export names many): its domains and the import's `host`. */
function selfHostsFor(store: SiteStore, host: string | undefined): (siteId: string) => readonly string[] {
  const known = new Map<string, readonly string[]>()
  return (siteId) => {
    let hosts = known.get(siteId)
    if (!hosts) {
      hosts = selfHostsOf([...store.domainsOf(siteId), ...(host ? [host] : [])])
      known.set(siteId, hosts)
    }
    return hosts
  }
}

/** Run one import over `body` (a whole file, or one part of it); resolves with its counts. */
export async function runImport(
  deps: ImportDeps,
  run: ImportRun,
  body: string | Uint8Array,
): Promise<ImportResult> {
  const spec = SOURCES[run.source]
  if (!spec.siteInFile && !run.siteId) throw new ImportError(`source ${run.source} needs a site_id`)
  if (run.siteId && !deps.store.hasSite(run.siteId)) throw new ImportError(`Unknown site: ${run.siteId}`)
  return importLock.run(async () => {
    const now = deps.clock()
    // The same steps as /collect, with the line's address and User-Agent, at the event's own time.
    const enrichment = spec.enrich ? enrichmentOf(deps.enricher, run.importId) : undefined
    const mapper: SourceMapper = spec.mapper({
      siteId: run.siteId,
      anonymousId: enrichment?.anonymousId,
      timezone: run.timezone,
    })
    const result: ImportResult = {
      import_id: run.importId,
      dry_run: run.dryRun,
      imported: 0,
      skipped: 0,
      invalid: 0,
      ignored: 0,
      reasons: noReasons(),
      issues: [],
    }
    if (!run.dryRun) await insertImport(deps.db, { ...run, siteId: run.siteId ?? '*', at: now })
    let delta: CountsDelta = { imported: 0, skipped: 0, invalid: 0, ignored: 0 }
    // The batch's rows as CSV lines (tagged with the import id, `event_key` already computed), and their keys.
    let lines: string[] = []
    let keys: number[] = []
    let inBatch = new Set<number>()
    const invalid = (lineNo: number, message: string) => {
      delta.invalid++
      result.reasons.invalid++
      if (result.issues.length < MAX_ISSUES) result.issues.push({ line: lineNo, message })
    }
    const ignore = (reason: IgnoreReason) => {
      delta.ignored++
      result.reasons[reason]++
    }
    const hostsOf = selfHostsFor(deps.store, run.host)
    const enrich = (enricher: Enricher, row: EventRow, visitor: LineVisitor | undefined) =>
      enricher.enrich(row, {
        userAgent: visitor?.userAgent,
        ip: visitor?.ip,
        agentSource: visitor ? 'imported' : undefined,
        hints: {},
        now: row.ts,
        selfHosts: hostsOf(row.siteId),
      })
    const flush = async () => {
      const stored = await storedEventKeys(deps.db, keys, deps.events.store)
      // The usual first import has nothing stored yet: append the batch as it is.
      let fresh = lines
      if (stored.size > 0) {
        fresh = []
        for (let i = 0; i < keys.length; i++) {
          if (stored.has(keys[i])) delta.skipped++
          else fresh.push(lines[i])
        }
      }
      const n = fresh.length
      delta.imported += n
      const d = delta
      if (!run.dryRun)
        await deps.events.store.append(
          { chunks: n > 0 ? [Buffer.from(fresh.join(''))] : [], rows: n },
          { within: () => addImportCounts(deps.db, run.importId, d, deps.clock()) },
        )
      for (const k of Object.keys(d) as (keyof CountsDelta)[]) result[k] += d[k]
      delta = { imported: 0, skipped: 0, invalid: 0, ignored: 0 }
      lines = []
      keys = []
      // In a dry run nothing is stored, so the earlier batches' keys must be remembered here.
      if (!run.dryRun) inBatch = new Set()
    }
    /** One mapped line (or one event a source made at its end) → validated, enriched, batched. */
    const take = async (mapped: Mapped, lineNo: number): Promise<void> => {
      if (mapped === null) return
      if ('ignore' in mapped) {
        ignore(mapped.ignore)
        return
      }
      if ('invalid' in mapped) {
        invalid(lineNo, mapped.invalid)
        return
      }
      const event = mapped.event
      for (const k of Object.keys(event)) if (event[k] === undefined) delete event[k]
      if (typeof event.timestamp === 'number' && event.timestamp > 0 && event.timestamp < OLDEST_MS) {
        ignore('too_old')
        return
      }
      const v = validateEvent(event, { now, maxEventAgeDays: NO_AGE_LIMIT_DAYS, path: '$' })
      if (!v.ok) {
        invalid(lineNo, describeIssues(v.issues))
        return
      }
      const row = v.row
      if (!deps.store.hasSite(row.siteId)) {
        invalid(lineNo, `unknown site ${row.siteId}`)
        return
      }
      if (enrichment && !enrich(enrichment.enricher, row, mapped.visitor)) {
        ignore('excluded')
        return
      }
      if (row.botReason !== null) result.reasons.bot++
      else if (row.eventType === 'file_download') result.reasons.download++
      // Every mapper gives an event id; validation keeps it.
      const key = eventKey(row.siteId, row.eventId as string)
      if (inBatch.has(key)) {
        delta.skipped++
        return
      }
      inBatch.add(key)
      lines.push(run.dryRun ? '' : csvLine(row, mapped.receivedAt ?? now, run.importId, key))
      keys.push(key)
      if (keys.length >= BATCH_ROWS) await flush()
    }
    for (const line of splitLines(body, run.offset ?? 0)) {
      if ('unreadable' in line) {
        invalid(line.lineNo, line.unreadable)
        continue
      }
      const control = controlIssue(line.text)
      if (control) {
        invalid(line.lineNo, control)
        continue
      }
      let mapped: Mapped
      try {
        mapped = mapper.map(line)
      } catch (err) {
        throw new ImportError(`line ${line.lineNo}: ${(err as Error).message}`)
      }
      await take(mapped, line.lineNo)
    }
    for (const out of mapper.finish?.() ?? []) await take(out.mapped, out.lineNo)
    await flush()
    await checkpointAfterBulkLoad(deps.db)
    return result
  })
}

/**
 * A bulk load leaves DuckDB's log large: fold it into the file at the end of the job, not inside the
 * first flush after it (a 3M-event import stalled the next write, and every read behind it, for 18 s).
 */
async function checkpointAfterBulkLoad(db: Database): Promise<void> {
  if (db.path === ':memory:') return
  const walBytes = (await stat(`${db.path}.wal`).catch(() => undefined))?.size ?? 0
  if (walBytes < 8 * 1024 * 1024) return
  await db.writeLock.run(() => db.writer.run('CHECKPOINT')).catch(() => undefined)
}
