// One disk-fault scenario against a real server process under continuing load: posters send batches of
// distinct events (every 200 counted as acknowledged), a reader asks for a count every few hundred ms
// (status, cause, latency), the fault is injected and cleared, the server is stopped with SIGTERM and
// started again, and what it stored is compared with what it acknowledged. Used by the fault tests
// (small sizes) and by test/bench/disk-faults.ts (the sizes).
import { statfsSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, batch, createSiteKey, post } from '../e2e/faults'
import { type RunningServer, startServer } from '../helpers/server'
import { type DiskKind, fillDisk, makeDisk } from './disks'

export type Fault = 'full' | 'readonly'

/** Options of `runScenario`. */
export interface ScenarioOptions {
  kind: DiskKind
  mode: 'fsync' | 'none'
  fault: Fault
  /** Size of the file system (MiB). */
  diskMb: number
  /** Events per batch, concurrent posters. */
  batchSize?: number
  posters?: number
  /** Pause of each poster between batches (ms; default 250): a steady load that does not fill the disk by itself. */
  pauseMs?: number
  /** Load before the fault, while broken, after healing (ms). */
  warmMs?: number
  brokenMs?: number
  afterMs?: number
  /** Longest wait for healing once space returns (ms). */
  healWithinMs?: number
  /**
   * Let the requests in flight finish before the fault (default: for the read-only switch). An O_DSYNC
   * write that returns while ext4 aborts its journal can be lost by the disk itself (seen once in ~10
   * runs: one batch acknowledged at the instant of the switch was missing after e2fsck); the load goes
   * on as soon as the disk is read-only.
   */
  settleBeforeFault?: boolean
  /** Extra server environment. */
  env?: Record<string, string>
}

/** What a scenario saw. */
export interface ScenarioReport {
  acked: number
  /** Batches whose outcome is unknown (connection error): their events may or may not be stored. */
  unknownEvents: number
  stored: number
  distinctSessions: number
  /** Events counted by the first server after the load stopped, before SIGTERM (-status if refused). */
  storedBeforeStop: number
  /** Read from the database file after the last stop: events, distinct sessions, events in `session_hours`. */
  file?: { events: number; sessions: number; sessionHours: number }
  /** Statuses of ingest while broken, and the causes named. */
  ingestStatuses: Record<string, number>
  ingestErrors: string[]
  readStatuses: Record<string, number>
  readErrors: string[]
  readRetryAfter: boolean
  maxReadMs: number
  /** ms from space returning to a 200 on ingest and on a read (full disk), or null if it never healed. */
  healMs: number | null
  exitCode: number | null
  /** Log lines the server wrote while broken, and in all. */
  brokenLogLines: number
  stackTraces: number
  restartOk: boolean
  /** Once a second from the fault on: free MiB, events acknowledged, the last ingest and read outcome. */
  timeline: string[]
  /** Why the restart failed (its output), if it did. */
  restartError?: string
  log: string
}

const count = (m: Record<string, number>, k: number | string) => {
  m[String(k)] = (m[String(k)] ?? 0) + 1
}

/** Run one scenario; the disk is unmounted and every process stopped whatever happens. */
export async function runScenario(o: ScenarioOptions): Promise<ScenarioReport> {
  const disk = makeDisk(o.kind, o.diskMb)
  const dataDir = join(disk.dir, 'data')
  const env = {
    PULSE_DATA_DIR: dataDir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_DURABILITY: o.mode,
    PULSE_FLUSH_INTERVAL_MS: '100',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_LOG_LEVEL: 'info',
    PULSE_QUERY_TIMEOUT_MS: '5000',
    PULSE_SHUTDOWN_TIMEOUT_MS: '10000',
    // As `npm start` and the binary run it (the server warns below 8): with the runtime's default of 2
    // worker threads, a reopen's file work queued behind DuckDB's and the log's.
    UV_THREADPOOL_SIZE: '8',
    ...o.env,
  }
  const servers: RunningServer[] = []
  let stopLoad = false
  const r: ScenarioReport = {
    acked: 0,
    unknownEvents: 0,
    stored: -1,
    distinctSessions: -1,
    storedBeforeStop: -1,
    ingestStatuses: {},
    ingestErrors: [],
    readStatuses: {},
    readErrors: [],
    readRetryAfter: false,
    maxReadMs: 0,
    healMs: null,
    exitCode: null,
    brokenLogLines: 0,
    stackTraces: 0,
    restartOk: false,
    timeline: [],
    log: '',
  }
  try {
    const server = await startServer(env, 60_000)
    servers.push(server)
    const key = await createSiteKey(server.url, 'fault')
    const size = o.batchSize ?? 500
    let phase: 'warm' | 'broken' | 'healing' | 'after' = 'warm'
    let lastIngestOk = 0
    let hold = false
    let inFlight = 0
    const poster = async (p: number) => {
      for (let b = 0; !stopLoad; b++) {
        while (hold) await Bun.sleep(5)
        inFlight++
        const res = await post(server.url, key, batch('fault', `p${p}b${b}`, size))
        inFlight--
        lastIngest =
          res.status === 200 ? '200' : `${res.status}:${String(res.body?.error ?? res.body).slice(0, 60)}`
        if (res.status === 200) {
          r.acked += size
          lastIngestOk = Date.now()
        } else if (res.status === 0) r.unknownEvents += size
        await Bun.sleep(o.pauseMs ?? 250)
        if (phase !== 'warm' && res.status !== 200) {
          count(r.ingestStatuses, res.status)
          const e = typeof res.body === 'object' ? String(res.body?.error) : String(res.body).slice(0, 120)
          if (!r.ingestErrors.includes(e) && r.ingestErrors.length < 8) r.ingestErrors.push(e)
          await Bun.sleep(50)
        }
      }
    }
    let lastReadOk = 0
    const reader = async () => {
      while (!stopLoad) {
        const t0 = Date.now()
        try {
          const res = await fetch(`${server.url}/api/v1/stats?site_id=fault&metric=event_count&period=7d`, {
            headers: { authorization: `Bearer ${key}` },
            signal: AbortSignal.timeout(60_000),
          })
          const text = await res.text()
          const ms = Date.now() - t0
          if (phase !== 'warm') {
            r.maxReadMs = Math.max(r.maxReadMs, ms)
            count(r.readStatuses, res.status)
          }
          lastRead = `${res.status}`
          if (res.status === 200) lastReadOk = Date.now()
          else {
            if (res.headers.get('retry-after')) r.readRetryAfter = true
            let e = text.slice(0, 160)
            try {
              e = JSON.parse(text).error
            } catch {}
            lastRead = `${res.status}:${String(e).slice(0, 50)}`
            if (!r.readErrors.includes(e) && r.readErrors.length < 8) r.readErrors.push(e)
          }
        } catch (err) {
          r.maxReadMs = Math.max(r.maxReadMs, Date.now() - t0)
          count(r.readStatuses, `error:${(err as Error).name}`)
        }
        await Bun.sleep(300)
      }
    }
    let lastIngest = ''
    let lastRead = ''
    const t0 = Date.now()
    const sampler = (async () => {
      while (!stopLoad) {
        await Bun.sleep(1000)
        if (phase === 'warm') continue
        const st = statfsSync(disk.dir)
        const free = ((Number(st.bavail) * Number(st.bsize)) / 1048576).toFixed(1)
        r.timeline.push(
          `${((Date.now() - t0) / 1000).toFixed(0)}s ${phase} free=${free}MiB acked=${r.acked} ingest=${lastIngest} read=${lastRead}`,
        )
      }
    })()
    const load = [sampler, ...Array.from({ length: o.posters ?? 2 }, (_, p) => poster(p)), reader()]
    await Bun.sleep(o.warmMs ?? 1500)

    phase = 'broken'
    const logBefore = server.log().split('\n').length
    const filler = o.fault === 'full' ? fillDisk(disk.dir, 18) : undefined
    if (o.settleBeforeFault ?? o.fault === 'readonly') {
      hold = true
      while (inFlight > 0) await Bun.sleep(5)
      // And no flush in flight: a DuckDB commit that the switch to read-only interrupts can abort the
      // process inside DuckDB ("Could not truncate file …wal: Read-only file system" thrown where it is
      // not caught; seen 3 times in 6 CI runs of the read-only scenarios, never when the switch finds DuckDB idle).
      // That is a crash (durability.md says what one costs), not the read-only handling tested here.
      for (let i = 0; i < 60 && (await bufferDepth(server.url)) !== 0; i++) await Bun.sleep(50)
    }
    if (o.fault === 'readonly') disk.breakReadOnly()
    hold = false
    await Bun.sleep(o.brokenMs ?? 4000)
    r.brokenLogLines = server.log().split('\n').length - logBefore

    if (filler) {
      phase = 'healing'
      filler.freeSome()
      const freedAt = Date.now()
      const deadline = freedAt + (o.healWithinMs ?? 20_000)
      while (Date.now() < deadline && !(lastIngestOk > freedAt && lastReadOk > freedAt)) await Bun.sleep(50)
      if (lastIngestOk > freedAt && lastReadOk > freedAt)
        r.healMs = Math.max(lastIngestOk, lastReadOk) - freedAt
      phase = 'after'
      await Bun.sleep(o.afterMs ?? 1500)
    }
    stopLoad = true
    await Promise.all(load)
    // A server that died answers nothing: the exit code and its log's last lines then say why.
    r.storedBeforeStop = await countOn(server.url, key, 'event_count').catch(() => -1)
    r.exitCode = await server.stop('SIGTERM')
    r.log = server.log()
    if (o.fault === 'readonly') disk.repair()
    filler?.freeAll()

    let again: RunningServer
    try {
      again = await startServer(env, 120_000)
    } catch (err) {
      r.restartError = (err as Error).message.slice(0, 600)
      r.log += r.restartError
      return r
    }
    servers.push(again)
    r.restartOk = true
    const q = (metric: string) => countOn(again.url, key, metric)
    r.stored = await q('event_count')
    r.distinctSessions = await q('unique_sessions')
    await again.stop('SIGTERM')
    r.log += again.log()
    if (r.stored !== r.distinctSessions) r.file = await countFile(join(dataDir, 'pulse.duckdb'))
    r.stackTraces = (r.log.match(/\n\s+at /g) ?? []).length
  } finally {
    stopLoad = true
    for (const s of servers) await s.stop('SIGKILL').catch(() => undefined)
    disk.dispose()
  }
  return r
}

/** What the database file holds, read directly (to tell the events table from the derived one). */
async function countFile(path: string): Promise<ScenarioReport['file']> {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const instance = await DuckDBInstance.create(path)
  const conn = await instance.connect()
  try {
    const one = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0][0])
    return {
      events: await one('SELECT count(*) FROM events'),
      sessions: await one('SELECT count(DISTINCT session_id) FROM events'),
      sessionHours: await one('SELECT coalesce(sum(events), 0) FROM session_hours'),
    }
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** Events the server at `url` holds not yet written to DuckDB (its admin /health), or -1. */
async function bufferDepth(url: string): Promise<number> {
  const res = await fetch(`${url}/health`, { headers: { authorization: `Bearer ${ADMIN}` } }).catch(
    () => undefined,
  )
  const body = (await res?.json().catch(() => undefined)) as
    | { details?: { buffer_depth?: number } }
    | undefined
  return body?.details?.buffer_depth ?? -1
}

/** A metric of site `fault` over 7 days on the server at `url`, or -status if refused. */
async function countOn(url: string, key: string, metric: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/stats?site_id=fault&metric=${metric}&period=7d`, {
    headers: { authorization: `Bearer ${key}` },
  })
  return res.status === 200 ? ((await res.json()) as { data: { value: number } }).data.value : -res.status
}

/** One line per scenario for a report. */
export function summarize(name: string, r: ScenarioReport): string {
  const { log, timeline: _timeline, ...rest } = r
  // A server that died (a native crash exits 134) is diagnosed from its last log lines.
  const tail = r.exitCode === 0 ? '' : `\nserver log (last lines):\n${log.split('\n').slice(-25).join('\n')}`
  // A count that disagrees is diagnosed from what the servers said about reopening, replaying and failing.
  const slow =
    r.healMs !== null || !r.timeline.some((l) => l.includes('healing'))
      ? ''
      : `\ntimeline:\n${r.timeline.join('\n')}\nserver log (warnings, errors):\n${log
          .split('\n')
          .filter((l) => /"level":"(warn|error)"|reopen|flush/.test(l))
          .slice(-40)
          .join('\n')}`
  const odd =
    r.stored === r.distinctSessions
      ? ''
      : `\nserver log (reopens, replays, failures):\n${log
          .split('\n')
          .filter((l) => /reopen|replay|committed|fatal|invalidated|held|catch-up|flush failed/i.test(l))
          .slice(-40)
          .join('\n')}`
  return `${name}: ${JSON.stringify(rest)}${tail}${odd}${slow}`
}
