// The cost of enrichment at ingest, as a ratio in one run: the same /collect and /collect/batch traffic
// through `app.handle` into two apps, one with the enrichment steps and one with none, rounds
// alternated so machine noise hits both, each timed by the CPU time of the JavaScript thread, the one
// that serves HTTP (wall time on a shared two-core machine mostly measures the neighbours; the whole
// process's CPU time would also count DuckDB's own threads still at work on the untimed flush between
// rounds, which grows with every field enrichment fills). Events carry no country or device type, real User-Agents
// (40 kinds), Client Hints on some, 5,000 client addresses, referrers and UTM URLs: every step works.
//   bun test/bench/enrich.ts [--quick]
import { Enricher } from '../../src/ingest/enrich/pipeline'
import { createTestApp, T0, type TestApp } from '../helpers/app'
import { mainThreadCpuMs } from './cpu-time'
import { makeEvents, prng } from './events'

const BASE_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1$.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:1$.0) Gecko/20100101 Firefox/1$.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_$ like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.$ Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1$.0.6778.81 Mobile Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) v$',
]
const UAS = BASE_UAS.flatMap((u) => Array.from({ length: 8 }, (_, i) => u.replaceAll('$', String(24 + i))))
const URLS = [
  'https://shop.example/',
  'https://shop.example/p?utm_source=newsletter&utm_medium=email',
  'https://shop.example/b',
]

/** Events as a browser sends them: no country or device type, so the server fills them. */
function browserEvents(n: number, seed: number) {
  const r = prng(seed)
  return makeEvents(n, { siteId: 'site_bench', now: T0, seed }).map((e, i) => {
    const { country: _c, device_type: _d, ...rest } = e
    return {
      ...rest,
      site_id: 'site_bench',
      timestamp: T0 - 1000,
      url: URLS[i % URLS.length],
      session_id: `s${Math.floor(r() * 50_000)}`,
    }
  })
}

function headersFor(i: number): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': UAS[i % UAS.length],
    'x-forwarded-for': `81.2.${(i * 7) % 20}.${(i * 13) % 250}`,
  }
  if (i % 3 === 0) {
    h['sec-ch-ua'] = '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'
    h['sec-ch-ua-platform'] = '"Windows"'
  }
  return h
}

interface Target {
  name: string
  h: TestApp
  key: string
}

async function target(name: string, enrich: boolean): Promise<Target> {
  const h = await createTestApp({
    PULSE_TRUSTED_PROXIES: '1',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_IP_RATE_LIMIT_PER_MINUTE: '0',
    PULSE_MAX_BUFFER_ROWS: '5000000',
    PULSE_MAX_BUFFER_MB: '2048',
    PULSE_FLUSH_MAX_ROWS: '1000000',
  })
  if (!enrich) h.deps.enricher = new Enricher([])
  const keys = await h.site('site_bench')
  return { name, h, key: keys.public_key }
}

/** Events per CPU-second of the JS thread (other processes on a busy machine do not count) of single-event requests. */
async function singles(t: Target, events: Record<string, unknown>[]): Promise<number> {
  const c0 = mainThreadCpuMs()
  for (let i = 0; i < events.length; i++) {
    const res = await t.h.request('POST', '/collect', { key: t.key, body: events[i], headers: headersFor(i) })
    if (res.status !== 200) throw new Error(`collect ${res.status}`)
  }
  const s = (mainThreadCpuMs() - c0) / 1000
  await t.h.deps.buffer.flush()
  return events.length / s
}

/** Events per CPU-second of batches of 1000. */
async function batches(t: Target, events: Record<string, unknown>[]): Promise<number> {
  const c0 = mainThreadCpuMs()
  for (let i = 0; i < events.length; i += 1000) {
    const body = { events: events.slice(i, i + 1000) }
    const res = await t.h.request('POST', '/collect/batch', {
      key: t.key,
      body,
      headers: headersFor(i / 1000),
    })
    if (res.status !== 200) throw new Error(`batch ${res.status}`)
  }
  const s = (mainThreadCpuMs() - c0) / 1000
  await t.h.deps.buffer.flush()
  return events.length / s
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Run the comparison; prints and returns the after/before throughput ratios. */
export async function run(
  opts: { quick?: boolean } = {},
): Promise<{ single: number; batch: number; sessionBatch: number }> {
  const rounds = opts.quick ? 3 : 5
  const nSingle = opts.quick ? 2000 : 5000
  const nBatch = opts.quick ? 20_000 : 100_000
  const before = await target('no enrichment', false)
  const after = await target('enrichment', true)
  const single = browserEvents(nSingle, 1)
  const batch = browserEvents(nBatch, 2)
  // As the tracker and SDK send them: a batch is one browser's, so its events share a few sessions
  // (5 per batch here) instead of each having its own among 50,000.
  const sessionBatch = batch.map((e, i) => ({ ...e, session_id: `b${Math.floor(i / 200)}` }))
  // Warm up both (JIT, caches): one small round each.
  for (const t of [before, after]) {
    await singles(t, single.slice(0, 500))
    await batches(t, batch.slice(0, 5000))
  }
  const res: Record<string, { single: number[]; batch: number[]; sessionBatch: number[] }> = {
    [before.name]: { single: [], batch: [], sessionBatch: [] },
    [after.name]: { single: [], batch: [], sessionBatch: [] },
  }
  for (let r = 0; r < rounds; r++)
    for (const t of r % 2 ? [after, before] : [before, after]) {
      res[t.name].single.push(await singles(t, single))
      res[t.name].batch.push(await batches(t, batch))
      res[t.name].sessionBatch.push(await batches(t, sessionBatch))
    }
  const b = res[before.name]
  const a = res[after.name]
  const ratio = {
    single: median(a.single) / median(b.single),
    batch: median(a.batch) / median(b.batch),
    sessionBatch: median(a.sessionBatch) / median(b.sessionBatch),
  }
  const label = {
    single: '/collect, 1 event',
    batch: '/collect/batch, 1000 events, each its own session',
    sessionBatch: '/collect/batch, 1000 events of 5 sessions (one browser)',
  }
  console.log(
    `\nEnrichment cost at ingest (app.handle, CPU time of the JS thread, medians of ${rounds} alternated rounds)`,
  )
  console.log(`| path | no enrichment (events/JS-CPU-s) | enrichment (events/JS-CPU-s) | ratio | cost |`)
  console.log(`|---|---|---|---|---|`)
  for (const k of ['single', 'batch', 'sessionBatch'] as const)
    console.log(
      `| ${label[k]} | ${median(b[k]).toFixed(0)} | ${median(a[k]).toFixed(0)} | ${ratio[k].toFixed(3)} | ${((1 - ratio[k]) * 100).toFixed(1)}% |`,
    )
  for (const k of ['single', 'batch', 'sessionBatch'] as const)
    console.log(
      `GOAL enrichment costs ≤ 10% (${label[k]}): ${((1 - ratio[k]) * 100).toFixed(1)}% ${ratio[k] >= 0.9 ? '✓' : '✗'}`,
    )
  console.log(
    'Cache bounds (entries, each generation-bounded): UA 10,000; GeoIP 50,000; visitor ids 50,000; sessions 200,000; acquisition pairs 20,000; referrers 20,000; burst windows 100,000',
  )
  const c = after.h.deps.enrichment
  console.log(
    `UA cache: ${c.agents.cache.size} entries, ${c.agents.cache.hits} hits / ${c.agents.cache.misses} misses; sessions tracked ${c.sessions.size}; bots ${JSON.stringify(c.enricher.counts.bots)}`,
  )
  await before.h.close()
  await after.h.close()
  return ratio
}

if (import.meta.main) run({ quick: process.argv.includes('--quick') }).then(() => process.exit(0))
