// `format=csv` on the timeseries and breakdown: a CSV download whose rows are exactly the JSON
// answer's (keys with commas, quotes and a missing key; with and without a comparison), and errors
// still JSON envelopes.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
let key: string
const HOUR = 3_600_000

beforeAll(async () => {
  h = await createTestApp({ PULSE_MAX_EVENT_AGE_DAYS: '60' })
  key = (await h.site('site_csv')).secret_key
  const urls = ['/a,b', '/say "hi"', '/plain', null, '/plain', '/a,b', '/plain']
  const events = urls.map((url, i) =>
    event('site_csv', { url, session_id: `s${i}`, timestamp: T0 - (i + 1) * 5 * HOUR }),
  )
  events.push(
    event('site_csv', { url: '/plain', session_id: 'old', timestamp: T0 - 30 * HOUR - 24 * 7 * HOUR }),
  )
  const res = await h.json('POST', '/collect/batch', { key, body: { events } })
  expect(res.status).toBe(200)
  await h.deps.buffer.flush()
})
afterAll(() => h.close())

/** A minimal RFC 4180 reader: fields, quotes doubled inside quoted fields, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && c === '"') quoted = false
    else if (quoted) field += c
    else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v))

async function both(path: string, params: Record<string, string>) {
  const qs = new URLSearchParams({ site_id: 'site_csv', ...params })
  const json = await h.json('GET', `${path}?${qs}`, { key })
  expect(json.status).toBe(200)
  qs.set('format', 'csv')
  const res = await h.request('GET', `${path}?${qs}`, { key })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="site_csv-\w+\.csv"$/)
  return { data: json.body.data, csv: parseCsv(await res.text()) }
}

test('a breakdown as CSV holds the JSON rows, commas, quotes and the missing key included', async () => {
  const { data, csv } = await both('/api/v1/stats/breakdown', { dimension: 'url', period: '7d', limit: '10' })
  expect(data.rows.length).toBe(4)
  expect(csv).toEqual([['key', 'value'], ...data.rows.map((r: any) => [cell(r.key), cell(r.value)])])
})

test('a compared breakdown adds previous_value and change (null change as an empty field)', async () => {
  const { data, csv } = await both('/api/v1/stats/breakdown', {
    dimension: 'url',
    period: '24h',
    compare: 'previous_period',
  })
  expect(data.rows.some((r: any) => r.change === null)).toBe(true)
  expect(csv).toEqual([
    ['key', 'value', 'previous_value', 'change'],
    ...data.rows.map((r: any) => [cell(r.key), cell(r.value), cell(r.previous_value), cell(r.change)]),
  ])
})

test('a timeseries as CSV, and with its compared points by position', async () => {
  const plain = await both('/api/v1/stats/timeseries', { period: '24h', interval: 'hour' })
  expect(plain.csv).toEqual([
    ['time', 'value'],
    ...plain.data.points.map((p: any) => [p.time, cell(p.value)]),
  ])
  const cmp = await both('/api/v1/stats/timeseries', {
    period: '7d',
    interval: 'day',
    compare: 'previous_period',
  })
  expect(cmp.csv[0]).toEqual(['time', 'value', 'compared_time', 'compared_value'])
  expect(cmp.csv.slice(1)).toEqual(
    cmp.data.points.map((p: any, i: number) => [
      p.time,
      cell(p.value),
      cmp.data.comparison.points[i].time,
      cell(cmp.data.comparison.points[i].value),
    ]),
  )
  expect(cmp.data.comparison.points.some((p: any) => p.value > 0)).toBe(true)
})

test('a bad format or a bad request is a JSON 422, not a file', async () => {
  for (const qs of ['dimension=url&format=xml', 'dimension=nope&format=csv']) {
    const res = await h.json('GET', `/api/v1/stats/breakdown?site_id=site_csv&${qs}`, { key })
    expect([res.status, res.body.success, res.body.status]).toEqual([422, false, 422])
  }
})
