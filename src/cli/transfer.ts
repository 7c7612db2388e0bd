// `pulse import` and `pulse export`. Both go through the admin API: of the running server, or of an
// in-process app on the database this command opened (cli/admin-ops.ts), so the two cases share one code
// path. A file is imported in parts cut at line ends (at most the body limit each), each part carrying
// the first part's import id and its byte offset; a CSV part repeats the header line and is never cut
// inside a quoted field.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { ImportResult } from '../imports/model'
import { noReasons } from '../imports/run'
import type { AdminOps } from './admin-ops'
import { CliError, EXIT, exitForStatus } from './output'
import { progressBar } from './progress'

/** Options of `importFile`. */
export interface ImportFileOptions {
  source: string
  siteId?: string
  dryRun?: boolean
  /** The site's own host in the log (self-referrals). */
  host?: string
  /** Largest part sent at once, in bytes. */
  partBytes: number
}

const NL = 0x0a
const QUOTE = 0x22

/** End (exclusive) of the last complete line in `buf[0, limit)`, or -1; for CSV, outside any quoted field. */
export function cutPoint(buf: Uint8Array, limit: number, csv: boolean): number {
  if (!csv) return buf.subarray(0, limit).lastIndexOf(NL) + 1 || -1
  let cut = -1
  let inQuotes = false
  for (let i = 0; i < limit; i++) {
    const b = buf[i]
    if (b === QUOTE) inQuotes = !inQuotes
    else if (b === NL && !inQuotes) cut = i + 1
  }
  return cut
}

async function checked(res: Response): Promise<Response> {
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { error?: string }
    throw new CliError(err.error ?? `server answered ${res.status}`, exitForStatus(res.status))
  }
  return res
}

/** The sum of no parts: what an import's parts are added into. */
export function emptyImportResult(dryRun: boolean): ImportResult {
  return {
    import_id: '',
    dry_run: dryRun,
    imported: 0,
    skipped: 0,
    invalid: 0,
    ignored: 0,
    reasons: noReasons(),
    issues: [],
  }
}

/** Import `file` through `ops`; resolves with the summed counts of its parts. */
export async function importFile(
  ops: AdminOps,
  file: string,
  opts: ImportFileOptions,
): Promise<ImportResult> {
  const size = statSync(file).size
  const csv = opts.source === 'umami'
  const fd = openSync(file, 'r')
  const bar = progressBar('import', { total: size })
  const total = emptyImportResult(opts.dryRun === true)
  try {
    let buf: Uint8Array<ArrayBuffer> = new Uint8Array(0)
    let offset = 0
    let eof = false
    let header: Uint8Array<ArrayBuffer> | undefined
    let linesBefore = 0
    while (!eof || buf.length > 0) {
      // Fill the buffer up to one part.
      if (!eof && buf.length < opts.partBytes) {
        const more = new Uint8Array(opts.partBytes - buf.length)
        const n = readSync(fd, more, 0, more.length, offset + buf.length)
        if (n === 0) eof = true
        const next = new Uint8Array(buf.length + n)
        next.set(buf)
        next.set(more.subarray(0, n), buf.length)
        buf = next
        if (!eof && buf.length < opts.partBytes) continue
      }
      let cut = eof ? buf.length : cutPoint(buf, buf.length, csv)
      if (cut <= 0) {
        if (!eof)
          throw new CliError(
            `${file}: a line (or CSV record) longer than ${opts.partBytes} bytes at byte ${offset}`,
            EXIT.failed,
          )
        cut = buf.length
      }
      let part = buf.subarray(0, cut)
      if (csv && header === undefined) header = part.slice(0, firstLineEnd(part))
      else if (csv && header) {
        const withHeader = new Uint8Array(header.length + part.length)
        withHeader.set(header)
        withHeader.set(part, header.length)
        part = withHeader
      }
      const params = new URLSearchParams({
        source: opts.source,
        file_name: basename(file).slice(0, 255),
        offset: String(offset),
      })
      if (opts.siteId) params.set('site_id', opts.siteId)
      if (opts.dryRun) params.set('dry_run', 'true')
      if (opts.host) params.set('host', opts.host)
      if (total.import_id) params.set('import_id', total.import_id)
      const res = await checked(
        await ops.request('POST', `/api/v1/admin/imports?${params}`, part, {
          'content-type': 'text/plain; charset=utf-8',
        }),
      )
      const r = ((await res.json()) as { data: ImportResult }).data
      total.import_id ||= r.import_id
      for (const k of ['imported', 'skipped', 'invalid', 'ignored'] as const) total[k] += r[k]
      for (const k of Object.keys(total.reasons) as (keyof ImportResult['reasons'])[])
        total.reasons[k] += r.reasons?.[k] ?? 0
      const shift = linesBefore - (csv && offset > 0 ? 1 : 0)
      for (const i of r.issues)
        if (total.issues.length < 20) total.issues.push({ line: i.line + shift, message: i.message })
      linesBefore += countLines(buf.subarray(0, cut))
      offset += cut
      buf = buf.slice(cut)
      bar.update(offset, `${total.imported} events`)
    }
  } finally {
    bar.end()
    closeSync(fd)
  }
  return total
}

function firstLineEnd(b: Uint8Array): number {
  const i = b.indexOf(NL)
  return i === -1 ? b.length : i + 1
}

function countLines(b: Uint8Array): number {
  let n = 0
  for (let i = b.indexOf(NL); i !== -1; i = b.indexOf(NL, i + 1)) n++
  return n
}

/** Options of `exportEvents`. */
export interface ExportOptions {
  siteId: string
  format?: string
  period?: string
  /** Write here instead of stdout. */
  output?: string
}

/** Stream an export to `output` (or stdout); resolves with the bytes written. */
export async function exportEvents(ops: AdminOps, opts: ExportOptions): Promise<number> {
  const params = new URLSearchParams({ site_id: opts.siteId, format: opts.format ?? 'ndjson' })
  if (opts.period) params.set('period', opts.period)
  const res = await checked(await ops.request('GET', `/api/v1/export?${params}`))
  if (!res.body) return 0
  const sink = opts.output ? Bun.file(`${opts.output}.partial`).writer() : Bun.stdout.writer()
  const bar = progressBar('export', { force: false })
  let bytes = 0
  try {
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      sink.write(value)
      bytes += value.byteLength
      if (opts.output) bar.update(bytes)
    }
    await sink.end()
  } finally {
    bar.end()
  }
  if (opts.output) (await import('node:fs')).renameSync(`${opts.output}.partial`, opts.output)
  return bytes
}
