// Exports that end early, through the real app on a real DuckDB: a client that goes away stops the
// DuckDB work (the read slot and connection come back within a second), and shutdown
// (`ActiveExports.abortAll`) errors the stream so the client sees an incomplete response, never a clean end.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test'
import { readdirSync } from 'node:fs'
import { exportScratchDir } from '../../src/stats/export/parquet-file'
import { ADMIN_TOKEN, createTestApp, T0, type TestApp } from '../helpers/app'
import { generateIsolationEvents } from '../helpers/heavy-events'

setDefaultTimeout(60_000)

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await t.site('site_heavy')
  await generateIsolationEvents(t.deps.db, { siteId: 'site_heavy', events: 300_000, now: T0, days: 30 })
})
afterAll(() => t.close())

const exportRequest = (format: string, signal?: AbortSignal) =>
  new Request(`http://localhost/api/v1/export?site_id=site_heavy&format=${format}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    signal,
  })

/** Wait until `cond` holds, at most `ms`; returns whether it did. */
async function within(ms: number, cond: () => boolean): Promise<boolean> {
  const end = performance.now() + ms
  while (!cond()) {
    if (performance.now() > end) return false
    await Bun.sleep(5)
  }
  return true
}

/** Read a body to its end; resolves 'clean end' or rejects (with an Error) if the stream errors. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  try {
    for (;;) if ((await reader.read()).done) return 'clean end'
  } catch (err) {
    // The export errors its stream with text (so the runtime prints no stack for a normal shutdown).
    throw err instanceof Error ? err : new Error(String(err))
  }
}

const idle = () => t.deps.exports.size === 0 && t.deps.reads.active === 0

describe('a client that disconnects stops the export', () => {
  for (const format of ['ndjson', 'csv']) {
    test(`${format}: cancelling the body frees the read slot within a second`, async () => {
      const res = await t.app.handle(exportRequest(format))
      expect(res.status).toBe(200)
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      expect((await reader.read()).value?.byteLength).toBeGreaterThan(0)
      expect(t.deps.exports.size).toBe(1)
      expect(t.deps.reads.active).toBe(1)
      await reader.cancel()
      expect(await within(1000, idle)).toBe(true)
    })
  }

  test('parquet: aborting the request while the file is built stops it and leaves no scratch files', async () => {
    const ac = new AbortController()
    const pending = t.app.handle(exportRequest('parquet', ac.signal)).catch((err) => err)
    expect(await within(5000, () => t.deps.reads.active === 1)).toBe(true)
    await Bun.sleep(50)
    ac.abort()
    expect(await within(1000, idle)).toBe(true)
    await pending
    expect(readdirSync(exportScratchDir())).toEqual([])
  })

  test('the server answers the next export in full', async () => {
    const res = await t.request('GET', '/api/v1/export?site_id=site_heavy&format=csv', { key: ADMIN_TOKEN })
    const lines = (await res.text()).split('\r\n').filter(Boolean)
    expect(lines.length).toBe(300_001)
    expect(idle()).toBe(true)
  })
})

describe('shutdown aborts exports in flight', () => {
  for (const format of ['ndjson', 'csv', 'parquet']) {
    test(`${format}: the stream errors instead of ending cleanly`, async () => {
      const res = await t.app.handle(exportRequest(format))
      expect(res.status).toBe(200)
      const reader = (res.body as ReadableStream<Uint8Array>).getReader()
      expect((await reader.read()).done).toBe(false)
      expect(t.deps.exports.abortAll()).toBe(1)
      await expect(drain(reader)).rejects.toThrow('shutting down')
      expect(await within(1000, idle)).toBe(true)
    })
  }

  test('parquet: shutdown while the file is built errors the stream (its headers and first bytes went at once)', async () => {
    const res = await t.app.handle(exportRequest('parquet'))
    expect(res.status).toBe(200)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('PAR1')
    expect(t.deps.exports.size).toBe(1)
    t.deps.exports.abortAll()
    await expect(drain(reader)).rejects.toThrow('shutting down')
    expect(await within(1000, idle)).toBe(true)
  })

  test('an export that was still waiting for its flush when shutdown began answers 503', async () => {
    t.deps.exports.close()
    const res = await t.app.handle(exportRequest('ndjson'))
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({
      success: false,
      error: expect.stringContaining('shutting down'),
    })
    expect(await within(1000, idle)).toBe(true)
  })
})
