// The ingest benchmark's printed tables: the summary with the goals as ratios, and per-phase details.
import type { IngestOptions, PhaseResult, TargetResult } from './ingest'
import { fixed, formatTable, int, pct } from './table'

const GOALS = { singleVsBare: { fsync: 0.6, none: 0.8 }, batchVsRaw: 0.7, p99Ms: 10 }

/** Issue 13's single-event goal of a target: 0.6× the bare handler with the log (fsync), 0.8× without. */
const singleGoal = (t: TargetResult) =>
  t.target.endsWith('none') ? GOALS.singleVsBare.none : GOALS.singleVsBare.fsync

const mark = (ok: boolean) => (ok ? '✓' : '✗')

function cell(p: PhaseResult | undefined, f: (p: PhaseResult) => string): string {
  return p ? f(p) : '–'
}

/** Summary table (one column per target) and details table (one row per phase). */
export function formatIngest(targets: TargetResult[], rawRowsPerSec: number, o: IngestOptions): string {
  const bare = targets[0]
  const pulse = targets.slice(1)
  const bareSingle = bare.phases.get('single')?.load.requestsPerSec ?? Number.NaN
  const headers = ['measure', bare.target, 'raw DuckDB appender', ...pulse.map((t) => t.target)]
  const row = (label: string, b: string, raw: string, f: (t: TargetResult) => string) => [
    label,
    b,
    raw,
    ...pulse.map(f),
  ]
  const ph = (t: TargetResult, name: string) => t.phases.get(name)
  const sustained = (t: TargetResult) =>
    Math.max(ph(t, 'batch100')?.storedPerSec ?? 0, ph(t, 'batch1000')?.storedPerSec ?? 0)
  const summary = [
    row('single POST /collect, requests/s (closed loop)', int(bareSingle), '–', (t) =>
      cell(ph(t, 'single'), (p) => int(p.load.requestsPerSec)),
    ),
    row(
      'batch of 100, events/s acknowledged',
      cell(ph(bare, 'batch100'), (p) => int(p.load.eventsPerSec)),
      '–',
      (t) => cell(ph(t, 'batch100'), (p) => int(p.load.eventsPerSec)),
    ),
    row(
      'batch of 1000, events/s acknowledged',
      cell(ph(bare, 'batch1000'), (p) => int(p.load.eventsPerSec)),
      '–',
      (t) => cell(ph(t, 'batch1000'), (p) => int(p.load.eventsPerSec)),
    ),
    row('batch of 100, events/s stored (phase + flush)', '–', int(rawRowsPerSec), (t) =>
      cell(ph(t, 'batch100'), (p) => int(p.storedPerSec ?? Number.NaN)),
    ),
    row('batch of 1000, events/s stored (phase + flush)', '–', int(rawRowsPerSec), (t) =>
      cell(ph(t, 'batch1000'), (p) => int(p.storedPerSec ?? Number.NaN)),
    ),
    row('single at half peak (open loop): rate, p50 / p99 ms', '–', '–', (t) =>
      cell(
        ph(t, 'open'),
        (p) =>
          `${int(p.load.offeredRate ?? Number.NaN)}/s: ${fixed(p.load.latencyMs.p50, 2)} / ${fixed(p.load.latencyMs.p99, 2)}`,
      ),
    ),
    row('GOAL single-event ingest ≥ 60% (fsync) / 80% (none) of bare Bun', '100%', '–', (t) => {
      const r = (ph(t, 'single')?.load.requestsPerSec ?? Number.NaN) / bareSingle
      return `${pct(r)} (goal ${pct(singleGoal(t))}) ${mark(r >= singleGoal(t))}`
    }),
    row(`GOAL batch ingest (stored) ≥ ${pct(GOALS.batchVsRaw)} of raw DuckDB`, '–', '100%', (t) => {
      const r = sustained(t) / rawRowsPerSec
      return `${pct(r)} ${mark(r >= GOALS.batchVsRaw)}`
    }),
    row(`GOAL p99 at half peak < ${GOALS.p99Ms} ms`, '–', '–', (t) => {
      const p99 = ph(t, 'open')?.load.latencyMs.p99 ?? Number.NaN
      return `${fixed(p99, 2)} ms ${mark(p99 < GOALS.p99Ms)}`
    }),
    row('stored = acknowledged (stats; SQL after SIGTERM; distinct ids)', '–', '–', (t) => {
      const v = t.verify
      if (!v) return '–'
      const okAll = v.acked > 0 && v.storedAfterStop === v.acked && v.distinctIds === v.acked
      const viaStats = Number.isNaN(v.statsCount)
        ? ', stats API failed'
        : v.statsCount === v.acked
          ? ''
          : ' stats ✗'
      return `${mark(okAll)} ${int(v.acked)} (exit ${v.exitCode}${viaStats})`
    }),
  ]
  const details: string[][] = []
  for (const t of targets)
    for (const p of t.phases.values()) {
      const others = Object.entries(p.load.statuses)
        .filter(([s]) => s !== '200')
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')
      details.push([
        t.target,
        p.name,
        String(p.load.connectionsUsed),
        int(p.load.requestsPerSec),
        int(p.load.eventsPerSec),
        fixed(p.load.latencyMs.p50, 2),
        fixed(p.load.latencyMs.p99, 2),
        fixed(p.load.latencyMs.max, 1),
        fixed(p.server.main, 0),
        fixed(p.server.total, 0),
        fixed(p.load.clientCpuPct, 0),
        p.ackedBefore === undefined ? '–' : int(p.ackedBefore),
        p.drainMs === undefined ? '–' : fixed(p.drainMs, 0),
        others || '–',
      ])
    }
  return [
    `HTTP ingest: load from a separate process (raw keep-alive HTTP/1.1); peak phases ${o.phaseMs / 1000} s each (first ${o.warmupMs / 1000} s warm-up), ${o.connections} connections for single events and 8 for batches, best of ${o.rounds} interleaved round(s); raw DuckDB = src/events/writer.ts appender into an on-disk file (best round)`,
    formatTable(headers, summary),
    '',
    'Per phase (best round). CPU in % of one core: server JS thread / server all threads / load generator. Stored before = events the server already held (its event_id index grows with them). Drain = the stats call after the phase, which flushes the buffer.',
    formatTable(
      [
        'target',
        'phase',
        'conns',
        'req/s',
        'events/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'srv JS %',
        'srv all %',
        'client %',
        'stored before',
        'drain ms',
        'non-200',
      ],
      details,
    ),
  ].join('\n')
}
