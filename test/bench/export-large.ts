// Large exports (issue 27): `n` events (default 3M) of one site exported in each format through curl
// against a real server: status, bytes, time to the first byte and to the end, rows counted; then
// SIGTERM one second into a Parquet export and into an NDJSON one (what curl reports).
// Run: bun test/bench/export-large.ts [rows]
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { createSiteKey, download, exportUrl, seededDir } from '../faults/exports'
import { startServer } from '../helpers/server'

const n = Number(process.argv[2] ?? 3_000_000)
const t0 = performance.now()
const data = await seededDir(n, 'big')
console.log(`seeded ${n} events in ${Math.round(performance.now() - t0)} ms`)
let server = await startServer(data.env, 120_000)
try {
  const key = await createSiteKey(server.url, 'big')
  for (const format of ['ndjson', 'csv', 'parquet']) {
    const d = await download(exportUrl(server.url, 'big', format), key, format)
    const { file, ...rest } = d
    console.log(`${format}: ${JSON.stringify(rest)}${d.rows === n ? ' (complete)' : ' (INCOMPLETE)'}`)
    rmSync(dirname(file), { recursive: true, force: true })
  }
  for (const format of ['parquet', 'ndjson']) {
    const pending = download(exportUrl(server.url, 'big', format), key, format, { limitRate: '20M' })
    await Bun.sleep(1000)
    const code = await server.stop('SIGTERM')
    const d = await pending
    console.log(
      `SIGTERM 1 s into ${format}: server exit ${code}, curl exit ${d.curlExit}, status ${d.status}, ${d.bytes} bytes`,
    )
    rmSync(dirname(d.file), { recursive: true, force: true })
    server = await startServer(data.env, 120_000)
  }
} finally {
  await server.stop('SIGKILL')
  data.dispose()
}
