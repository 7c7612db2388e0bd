// Ingest with Prometheus scraping: the real server under the same batch and single-event load, with and
// without a `GET /metrics` scrape (the admin token: every site and the server's figures, the heaviest
// scrape) every 15 s, interleaved over rounds so drift on a shared machine hits both alike. Reports
// events/s and ingest latency of each, their ratio, and the scrapes' own times; checks at the end that
// the scraped page-view count equals the stats API's. Issue 26: "a scrape every 15 s must not disturb
// ingest". Quick mode shortens the phases and scrapes every 2 s, so a few scrapes still land in a phase.
// @ts-expect-error: the package ships no types
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import type { LoadConfig, LoadResult } from './load-worker'
import { runLoadProcess } from './processes'
import { ADMIN, BENCH_SITE, type PulseTarget, startPulseTarget, stopAndCount } from './pulse-target'
import { fixed, formatTable, int } from './table'

type Family = { name: string; metrics: { value: string; labels?: Record<string, string> }[] }

let seq = 0

/** One load phase; with `scrapeEveryMs`, a scraper runs alongside and reports its scrape times. */
async function phase(
  t: PulseTarget,
  eventsPerRequest: number,
  phaseMs: number,
  scrapeEveryMs: number | undefined,
): Promise<{ load: LoadResult; scrapesMs: number[]; refused: number }> {
  const cfg: LoadConfig = {
    host: t.server.host,
    port: t.server.port,
    path: eventsPerRequest === 1 ? '/collect' : '/collect/batch',
    token: t.key,
    siteId: BENCH_SITE,
    eventsPerRequest,
    mode: 'closed',
    connections: eventsPerRequest === 1 ? 32 : 8,
    durationMs: phaseMs,
    warmupMs: 500,
    idPrefix: `m${++seq}_`,
    now: Date.now(),
    seed: seq,
  }
  const scrapesMs: number[] = []
  let refused = 0
  let stop = false
  let scraper: Promise<void> | undefined
  const load = await runLoadProcess(cfg, () => {
    if (scrapeEveryMs === undefined) return
    scraper = (async () => {
      // The first scrape after the warm-up, then one every interval, as Prometheus would.
      await Bun.sleep(cfg.warmupMs)
      while (!stop) {
        const t0 = performance.now()
        const res = await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })
        await res.text()
        // A scrape refused while the server is busy (the flush before its reads did not finish in time)
        // is counted, as Prometheus would count a failed scrape; anything else stops the benchmark.
        if (res.status === 503 || res.status === 429) refused++
        else if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`)
        else scrapesMs.push(performance.now() - t0)
        const wait = scrapeEveryMs - (performance.now() - t0)
        const until = performance.now() + Math.max(0, wait)
        while (!stop && performance.now() < until) await Bun.sleep(50)
      }
    })()
  })
  stop = true
  await scraper
  return { load, scrapesMs, refused }
}

/** The scraped page views of the benchmark site against the stats API's (which flushes first). */
async function checkValues(t: PulseTarget): Promise<{ scraped: number; api: number }> {
  const api = (await (
    await fetch(
      `${t.server.url}/api/v1/stats?site_id=${BENCH_SITE}&metric=page_views&from=0&to=${Date.now() + 3_600_000}`,
      {
        headers: { authorization: `Bearer ${ADMIN}` },
      },
    )
  ).json()) as { data: { value: number } }
  const text = await (
    await fetch(`${t.server.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN}` } })
  ).text()
  const fams = parsePrometheusTextFormat(text) as Family[]
  const scraped = Number(
    fams
      .find((f) => f.name === 'pulse_site_page_views_total')
      ?.metrics.find((m) => m.labels?.site_id === BENCH_SITE)?.value,
  )
  return { scraped, api: api.data.value }
}

/** Run the benchmark and print its table. */
export async function run(opts: { quick?: boolean } = {}): Promise<void> {
  const quick = opts.quick === true
  const phaseMs = quick ? 6_000 : 60_000
  const scrapeEveryMs = quick ? 2_000 : 15_000
  const rounds = quick ? 1 : 2
  console.log(
    `\n## Ingest with /metrics scraped every ${scrapeEveryMs / 1000} s (admin token), ${phaseMs / 1000} s phases, ${rounds} round(s), interleaved`,
  )
  const t = await startPulseTarget('fsync')
  try {
    const rows: (string | number)[][] = []
    for (const eventsPerRequest of [100, 1]) {
      const best = { off: undefined as LoadResult | undefined, on: undefined as LoadResult | undefined }
      const scrapes: number[] = []
      let refused = 0
      for (let r = 0; r < rounds; r++)
        for (const scraping of r % 2 === 0 ? [false, true] : [true, false]) {
          const p = await phase(t, eventsPerRequest, phaseMs, scraping ? scrapeEveryMs : undefined)
          scrapes.push(...p.scrapesMs)
          refused += p.refused
          const key = scraping ? 'on' : 'off'
          if (!best[key] || p.load.eventsPerSec > (best[key] as LoadResult).eventsPerSec) best[key] = p.load
        }
      const { off, on } = best as { off: LoadResult; on: LoadResult }
      const sorted = scrapes.sort((a, b) => a - b)
      rows.push([
        eventsPerRequest === 1 ? 'single events' : `batches of ${eventsPerRequest}`,
        int(off.eventsPerSec),
        int(on.eventsPerSec),
        `${fixed((on.eventsPerSec / off.eventsPerSec) * 100)}%`,
        `${fixed(off.latencyMs.p99)} / ${fixed(on.latencyMs.p99)}`,
        `${sorted.length}: ${fixed(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN)} / ${fixed(sorted.at(-1) ?? Number.NaN)}`,
        refused,
      ])
    }
    console.log(
      formatTable(
        [
          'load',
          'events/s, no scrape',
          'events/s, scraped',
          'scraped / not',
          'ingest p99 ms (no / with)',
          'scrapes: n, p50 / max ms',
          'scrapes refused (503)',
        ],
        rows,
      ),
    )
    const v = await checkValues(t)
    console.log(
      `/metrics pulse_site_page_views_total = ${v.scraped}, stats API page_views = ${v.api}: ${v.scraped === v.api ? 'equal' : 'DIFFERENT'}`,
    )
  } finally {
    await stopAndCount(t)
  }
}

if (import.meta.main)
  await run({ quick: process.env.PULSE_BENCH_QUICK === '1' || process.argv.includes('--quick') })
