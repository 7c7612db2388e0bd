// Exports always answer (issue 27), through curl against a real server on a seeded data directory:
// every format arrives in full; Parquet's first byte comes at once, before the file is built; SIGTERM in
// the middle of an export, or while an export still waits for its flush, gives the client an error
// (an aborted chunked response or a 503), never a clean 200. The 3M-row version is
// test/bench/export-large.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { batch, post } from '../e2e/faults'
import { type RunningServer, startServer } from '../helpers/server'
import { createSiteKey, download, exportUrl, seededDir } from './exports'

const ROWS = 200_000

describe('exports answer in full, or visibly not at all', () => {
  let data: Awaited<ReturnType<typeof seededDir>>
  let server: RunningServer
  let key: string
  beforeAll(async () => {
    data = await seededDir(ROWS, 'big')
    server = await startServer(data.env, 60_000)
    key = await createSiteKey(server.url, 'big')
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
    data?.dispose()
  })

  for (const format of ['ndjson', 'csv', 'parquet'])
    test(`${format}: every row, through curl`, async () => {
      const d = await download(exportUrl(server.url, 'big', format), key, format)
      rmSync(dirname(d.file), { recursive: true, force: true })
      expect(d).toMatchObject({ curlExit: 0, status: 200, rows: ROWS })
      // Headers and the first bytes come at once (Parquet: its magic number, before the file is built).
      if (format === 'parquet') expect(d.firstByteMs).toBeLessThan(Math.max(1500, d.totalMs / 2))
    })

  test('SIGTERM mid-export: curl reports an error, never a clean end', async () => {
    const pending = download(exportUrl(server.url, 'big', 'ndjson'), key, 'ndjson', { limitRate: '2M' })
    await Bun.sleep(700)
    expect(await server.stop('SIGTERM')).toBe(0)
    const d = await pending
    rmSync(dirname(d.file), { recursive: true, force: true })
    expect(d.status).toBe(200)
    expect(d.curlExit).not.toBe(0) // 18: transfer closed with outstanding read data remaining
    expect(server.log()).not.toMatch(/\n\s+at /)
    server = await startServer(data.env, 60_000)
  })

  test('SIGTERM while an export waits for its flush: an error or a 503, never a clean empty 200', async () => {
    await server.stop('SIGTERM')
    server = await startServer(
      { ...data.env, PULSE_FLUSH_INTERVAL_MS: '600000', PULSE_FLUSH_MAX_ROWS: '1000000' },
      60_000,
    )
    for (let b = 0; b < 40; b++)
      expect((await post(server.url, key, batch('big', `w${b}`, 1000))).status).toBe(200)
    const pending = download(exportUrl(server.url, 'big', 'parquet'), key, 'parquet')
    await Bun.sleep(30)
    const code = await server.stop('SIGTERM')
    const d = await pending
    rmSync(dirname(d.file), { recursive: true, force: true })
    expect(code).toBe(0)
    expect(d.curlExit !== 0 || d.status === 503).toBe(true)
    expect(d.status === 200 && d.curlExit === 0).toBe(false)
    server = await startServer(data.env, 60_000)
  })
})
