// The cost of enrichment on imports, as a ratio in one run: the real Apache log of the import tests
// (test/fixtures/import/real/, 10,000 lines, 2,600 distinct User-Agents and addresses), repeated to N
// lines (so every line is a new event: the byte offset is part of its id), imported as a dry run
// (mapping, validation and enrichment, no DuckDB write) into two apps, one with the enrichment steps and
// one with none; rounds alternated so machine noise hits both, timed by the CPU time of the JavaScript
// thread. Prints lines per JS-CPU-second of each and the ratio.
//   bun test/bench/import-enrich.ts [--quick]
import { join } from 'node:path'
import { Enricher } from '../../src/ingest/enrich/pipeline'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'
import { mainThreadCpuMs } from './cpu-time'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function target(enrich: boolean): Promise<TestApp> {
  const h = await createTestApp()
  if (!enrich) h.deps.enricher = new Enricher([])
  await h.site('bench')
  return h
}

/** Lines per CPU-second of the JS thread for one dry-run import of `body`. */
async function importOnce(h: TestApp, body: Uint8Array<ArrayBuffer>, lines: number): Promise<number> {
  const c0 = mainThreadCpuMs()
  const res = await h.app.handle(
    new Request('http://localhost/api/v1/admin/imports?source=combined&site_id=bench&dry_run=true', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' },
      body,
    }),
  )
  if (res.status !== 200) throw new Error(`import ${res.status}: ${await res.text()}`)
  await res.json()
  return lines / ((mainThreadCpuMs() - c0) / 1000)
}

/** Run the comparison; prints and returns the enriched/plain throughput ratio. */
export async function run(opts: { quick?: boolean } = {}): Promise<number> {
  const copies = opts.quick ? 3 : 10
  const rounds = opts.quick ? 3 : 5
  const log = Bun.gunzipSync(
    await Bun.file(join(import.meta.dir, '../fixtures/import/real/apache_logs.gz')).bytes(),
  )
  const body = new Uint8Array(log.length * copies)
  for (let i = 0; i < copies; i++) body.set(log, i * log.length)
  const lines = 10_000 * copies
  const plain = await target(false)
  const enriched = await target(true)
  for (const h of [plain, enriched]) await importOnce(h, body, lines)
  const res = { plain: [] as number[], enriched: [] as number[] }
  for (let r = 0; r < rounds; r++)
    for (const [name, h] of r % 2
      ? ([
          ['enriched', enriched],
          ['plain', plain],
        ] as const)
      : ([
          ['plain', plain],
          ['enriched', enriched],
        ] as const))
      res[name].push(await importOnce(h, body, lines))
  const ratio = median(res.enriched) / median(res.plain)
  console.log(
    `\nEnrichment cost on imports (${lines.toLocaleString()} real log lines, dry run, CPU time of the JS thread, medians of ${rounds} alternated rounds)`,
  )
  console.log('| import | no enrichment (lines/JS-CPU-s) | enrichment (lines/JS-CPU-s) | ratio | cost |')
  console.log('|---|---|---|---|---|')
  console.log(
    `| combined log, dry run | ${median(res.plain).toFixed(0)} | ${median(res.enriched).toFixed(0)} | ${ratio.toFixed(3)} | ${((1 - ratio) * 100).toFixed(1)}% |`,
  )
  await plain.close()
  await enriched.close()
  return ratio
}

if (import.meta.main) run({ quick: process.argv.includes('--quick') }).then(() => process.exit(0))
