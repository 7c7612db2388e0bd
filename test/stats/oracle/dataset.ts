// Loads the generated dataset into a real app through the real ingest endpoint (batches per site,
// with the site's key), flushes, and offers the raw rows to the oracle and a GET helper to the tests.
import { expect } from 'bun:test'
import { laneEnv } from '../../clickhouse/lane'
import { createTestApp, type TestApp } from '../../helpers/app'
import { generateEvents, SITES } from '../fixtures/generate'
import { normalize, type Row } from './oracle'

/** The loaded app, the site keys, and the stored rows as the oracle sees them. */
export interface Dataset {
  h: TestApp
  keys: Record<string, string>
  rows: Row[]
  /** GET `path` with `params` using the site's secret key; returns `data` after checking for 200. */
  get(path: string, params: Record<string, string | number>): Promise<any>
  close(): Promise<void>
}

/** Build the app and send the dataset. */
export async function loadDataset(seed = 7): Promise<Dataset> {
  // Old events are part of the dataset (90-day periods and their comparison); no rate limit in the oracle run.
  const h = await createTestApp({
    PULSE_MAX_EVENT_AGE_DAYS: '200',
    PULSE_RATE_LIMIT_PER_MINUTE: '0',
    ...laneEnv(),
  })
  const events = generateEvents(seed)
  const keys: Record<string, string> = {}
  for (const site of SITES) keys[site] = (await h.site(site)).secret_key
  for (const site of SITES) {
    const mine = events.filter((e) => e.site_id === site)
    for (let i = 0; i < mine.length; i += 1000) {
      const batch = mine.slice(i, i + 1000)
      const res = await h.json('POST', '/collect/batch', { key: keys[site], body: { events: batch } })
      expect(res.body.data).toEqual({ accepted: batch.length, rejected: [] })
    }
  }
  await h.deps.buffer.flush()
  // Storage order is send order per site; sites were sent one after another.
  const rows = normalize(
    SITES.flatMap((s) => events.filter((e) => e.site_id === s)),
    h.clock(),
  )
  return {
    h,
    keys,
    rows,
    async get(path, params) {
      const site = String(params.site_id)
      const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
      const res = await h.json('GET', `${path}?${qs}`, { key: keys[site] })
      if (res.status !== 200) throw new Error(`${path}?${qs} → ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.data
    },
    close: () => h.close(),
  }
}
