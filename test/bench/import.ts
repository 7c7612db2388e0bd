// Import throughput through the CLI's own path (`importFile`: parts of the body limit through the admin
// route, here the in-process app on an opened database): N generated events (PULSE_BENCH_EVENTS, default
// 300,000) as a PULSE NDJSON export and as an nginx combined log, into an on-disk database; then the same
// NDJSON again (every row a duplicate: the cost of the event_key lookups). Compare with the batch ingest
// rate in docs/benchmarks.md. Usage: bun test/bench/import.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/app'
import { databaseOps } from '../../src/cli/admin-ops'
import { importPartBytes } from '../../src/cli/commands'
import { importFile } from '../../src/cli/transfer'
import { systemClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'

const n = Number(process.env.PULSE_BENCH_EVENTS ?? 300_000)
const root = mkdtempSync(join(tmpdir(), 'pulse-bench-import-'))
const config = loadConfig({
  PULSE_DATA_DIR: join(root, 'data'),
  PULSE_ADMIN_TOKEN: 'bench-admin-token-0123',
  PULSE_LOG_LEVEL: 'warn',
})
const services = await createServices(config, {
  clock: systemClock,
  logger: createLogger('warn'),
  autoFlush: false,
})
await createSite(services, { site_id: 'bench', domains: [] })
const ops = databaseOps(config, services)

const now = Date.now()
const ndjson = join(root, 'events.ndjson')
const lines: string[] = []
for (let i = 0; i < n; i++)
  lines.push(
    JSON.stringify({
      site_id: 'bench',
      event_type: i % 5 === 0 ? 'click' : 'page_view',
      timestamp: now - 400 * 86_400_000 + i * 1000,
      session_id: `s${i % 50_000}`,
      user_id: i % 3 === 0 ? `u${i % 9_000}` : null,
      url: `https://example.com/p${i % 500}`,
      referrer: i % 4 === 0 ? 'https://google.com/' : null,
      device_type: i % 2 ? 'mobile' : 'desktop',
      country: 'DE',
      properties: i % 2 ? { plan: 'pro', amount: i % 100 } : null,
      event_id: i % 2 ? `e${i}` : null,
      received_at: now,
    }),
  )
writeFileSync(ndjson, `${lines.join('\n')}\n`)
lines.length = 0
const log = join(root, 'access.log')
const ua =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36'
for (let i = 0; i < n; i++) {
  const t = new Date(Date.UTC(2024, 0, 1) + i * 1000)
  const clf = `${String(t.getUTCDate()).padStart(2, '0')}/${t.toUTCString().slice(8, 11)}/${t.getUTCFullYear()}:${t.toISOString().slice(11, 19)} +0000`
  lines.push(
    `10.0.${(i >> 8) % 256}.${i % 256} - - [${clf}] "GET /page/${i % 700} HTTP/1.1" 200 1234 "https://example.org/" "${ua}"`,
  )
}
writeFileSync(log, `${lines.join('\n')}\n`)

async function timed(label: string, file: string, source: string) {
  const t0 = performance.now()
  const r = await importFile(ops, file, {
    source,
    siteId: 'bench',
    partBytes: importPartBytes(ops.via, config.maxBodyBytes),
  })
  const s = (performance.now() - t0) / 1000
  const rows = r.imported + r.skipped + r.invalid + r.ignored
  console.log(
    `${label.padEnd(28)} ${rows.toLocaleString()} lines in ${s.toFixed(2)} s = ${Math.round(rows / s).toLocaleString()} lines/s (imported ${r.imported.toLocaleString()}, skipped ${r.skipped.toLocaleString()}, invalid ${r.invalid}, ignored ${r.ignored})`,
  )
}
// The batch ingest rate in the same run, for comparison: the same number of events through
// POST /collect/batch (1000 per request, write-ahead log on), then flushed (acknowledged and stored).
const app = createApp(services)
const site = await createSite(services, { site_id: 'live', domains: [] })
{
  const t0 = performance.now()
  for (let i = 0; i < n; i += 1000) {
    const events = Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
      site_id: 'live',
      event_type: 'page_view',
      timestamp: now - (i + j) * 10,
      session_id: `s${(i + j) % 50_000}`,
      url: `https://example.com/p${(i + j) % 500}`,
      device_type: 'mobile',
      country: 'DE',
      ...((i + j) % 2 ? { properties: { plan: 'pro', amount: (i + j) % 100 }, event_id: `e${i + j}` } : {}),
    }))
    const res = await app.handle(
      new Request('http://localhost/collect/batch', {
        method: 'POST',
        headers: { authorization: `Bearer ${site.secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      }),
    )
    if (!res.ok) throw new Error(await res.text())
    if (services.buffer.depth >= 20_000) await services.buffer.flush()
  }
  await services.buffer.flush()
  const s = (performance.now() - t0) / 1000
  console.log(
    `${'batch ingest (baseline)'.padEnd(28)} ${n.toLocaleString()} events in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString()} events/s (POST /collect/batch of 1000, flushed)`,
  )
}
await timed('PULSE NDJSON', ndjson, 'pulse')
// The first write after a bulk load (issue 27: it once stalled 18 s behind the load's checkpoint): one
// event through POST /collect, flushed, timed.
{
  const t0 = performance.now()
  const res = await app.handle(
    new Request('http://localhost/collect', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.secret_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        site_id: 'live',
        event_type: 'page_view',
        timestamp: Date.now(),
        session_id: 'after',
      }),
    }),
  )
  if (!res.ok) throw new Error(await res.text())
  await services.buffer.flush()
  console.log(
    `${'first write after the load'.padEnd(28)} ${Math.round(performance.now() - t0)} ms (one POST /collect, acknowledged and flushed)`,
  )
}
await timed('PULSE NDJSON again (dupes)', ndjson, 'pulse')
await timed('nginx combined log', log, 'combined')
await ops.close()
rmSync(root, { recursive: true, force: true })
