// `format=csv` of the timeseries and breakdown: the answer's rows as an RFC 4180 file with a header,
// the same values the JSON answer holds (a null key or change is an empty field), sent as a download.
import { csvField } from '../export/stream'

type Point = { time: string; value: number }

/** The CSV text of `header` and `rows`, CRLF line ends. */
function csvText(header: readonly string[], rows: readonly unknown[][]): string {
  return [header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('')
}

/** A timeseries as `time,value` (with a comparison: `compared_time,compared_value` by position). */
export function timeseriesCsv(data: { points: Point[]; comparison?: { points: Point[] } }): string {
  const cmp = data.comparison?.points
  if (!cmp)
    return csvText(
      ['time', 'value'],
      data.points.map((p) => [p.time, p.value]),
    )
  const n = Math.max(data.points.length, cmp.length)
  const rows = Array.from({ length: n }, (_, i) => [
    data.points[i]?.time,
    data.points[i]?.value,
    cmp[i]?.time,
    cmp[i]?.value,
  ])
  return csvText(['time', 'value', 'compared_time', 'compared_value'], rows)
}

/** A breakdown page as `key,value` (with a comparison: `previous_value,change` too). */
export function breakdownCsv(data: {
  rows: { key: string | null; value: number; previous_value?: number; change?: number | null }[]
  comparison?: object
}): string {
  if (!data.comparison)
    return csvText(
      ['key', 'value'],
      data.rows.map((r) => [r.key, r.value]),
    )
  return csvText(
    ['key', 'value', 'previous_value', 'change'],
    data.rows.map((r) => [r.key, r.value, r.previous_value, r.change]),
  )
}

/** A CSV download named `<site>-<report>.csv`. */
export function csvResponse(text: string, siteId: string, report: string): Response {
  const name = `${siteId.replace(/[^A-Za-z0-9_.-]/g, '_')}-${report}.csv`
  return new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  })
}
