// `pulse import --source plausible EXPORT`: a Plausible export as downloaded (the ZIP), unpacked (its
// directory), or one of its tables (a CSV file). Its tables are read by their header, their rows grouped
// by day, and sent in parts of whole days: each part holds, for its days, every table's header and rows,
// so the server rebuilds each day from all of its rows (src/imports/sources/plausible.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ImportResult } from '../imports/model'
import { isOpenRecord, parseCsvRecord } from '../imports/sources/csv'
import { plausibleTableOf } from '../imports/sources/plausible'
import { isZip, readZip } from '../imports/zip'
import type { AdminOps } from './admin-ops'
import { CliError, EXIT, exitForStatus } from './output'
import { emptyImportResult } from './transfer'

/** Largest export read into memory (a ZIP, or the sum of a directory's tables). */
export const PLAUSIBLE_EXPORT_MAX_BYTES = 1024 * 1_048_576

/** One table of the export: its file, header line, and rows by day (each with its line in the file). */
interface ExportTable {
  file: string
  header: string
  days: Map<string, { text: string; line: number }[]>
}

/** The CSV files of `path` (ZIP, directory or one file) as name → text. */
function filesOf(path: string): { name: string; text: string }[] {
  const decoder = new TextDecoder()
  const st = statSync(path)
  if (st.isDirectory()) {
    const names = readdirSync(path)
      .filter((n) => n.toLowerCase().endsWith('.csv'))
      .sort()
    let total = 0
    return names.map((n) => {
      total += statSync(join(path, n)).size
      if (total > PLAUSIBLE_EXPORT_MAX_BYTES)
        throw new CliError(`${path}: larger than ${PLAUSIBLE_EXPORT_MAX_BYTES} bytes`, EXIT.failed)
      return { name: n, text: decoder.decode(readFileSync(join(path, n))) }
    })
  }
  if (st.size > PLAUSIBLE_EXPORT_MAX_BYTES)
    throw new CliError(`${path}: larger than ${PLAUSIBLE_EXPORT_MAX_BYTES} bytes`, EXIT.failed)
  const bytes = readFileSync(path)
  if (!isZip(bytes)) return [{ name: basename(path), text: decoder.decode(bytes) }]
  try {
    return readZip(bytes)
      .filter((e) => e.name.toLowerCase().endsWith('.csv'))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((e) => ({ name: basename(e.name), text: decoder.decode(e.data) }))
  } catch (err) {
    throw new CliError(`${path}: ${(err as Error).message}`, EXIT.failed)
  }
}

/** The tables of an export, each file's rows grouped by their `date`. */
export function readPlausibleExport(path: string): ExportTable[] {
  const tables: ExportTable[] = []
  for (const { name, text } of filesOf(path)) {
    const lines = text.split('\n')
    let header: string | undefined
    let dateAt = 0
    const table: ExportTable = { file: name, header: '', days: new Map() }
    let record = ''
    let recordLine = 0
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/\r$/, '')
      record = record ? `${record}\n${line}` : line
      if (record === line) recordLine = i + 1
      if (isOpenRecord(record)) continue
      const r = record
      record = ''
      if (r.trim() === '') continue
      if (header === undefined) {
        const columns = parseCsvRecord(r).map((c) => c.trim().toLowerCase())
        if (!plausibleTableOf(columns))
          throw new CliError(
            `${name}: not a table of a Plausible export (header: ${r.slice(0, 120)})`,
            EXIT.failed,
          )
        header = r
        dateAt = columns.indexOf('date')
        table.header = r
        continue
      }
      const date = (parseCsvRecord(r)[dateAt] ?? '').trim().slice(0, 10)
      const rows = table.days.get(date) ?? []
      rows.push({ text: r, line: recordLine })
      table.days.set(date, rows)
    }
    if (record) {
      const rows = table.days.get('') ?? []
      rows.push({ text: record, line: recordLine })
      table.days.set('', rows)
    }
    if (header !== undefined) tables.push(table)
  }
  if (tables.length === 0) throw new CliError(`${path}: no tables of a Plausible export in it`, EXIT.failed)
  return tables
}

/** Options of `importPlausibleExport`. */
export interface PlausibleImportOptions {
  siteId?: string
  timezone?: string
  dryRun?: boolean
  partBytes: number
}

/** Import the export at `path` through `ops`, in parts of whole days; resolves with the summed counts. */
export async function importPlausibleExport(
  ops: AdminOps,
  path: string,
  opts: PlausibleImportOptions,
): Promise<ImportResult> {
  const tables = readPlausibleExport(path)
  const dates = [...new Set(tables.flatMap((t) => [...t.days.keys()]))].sort()
  const total = emptyImportResult(opts.dryRun === true)
  let offset = 0
  const send = async (days: string[]) => {
    // The part's text, and where each of its lines came from.
    const lines: string[] = []
    const origin: string[] = []
    for (const t of tables) {
      const rows = days.flatMap((d) => t.days.get(d) ?? [])
      if (rows.length === 0) continue
      lines.push(t.header)
      origin.push(`${t.file}:1`)
      for (const r of rows) {
        // A record may span lines (a quoted line break): each of its lines maps to its start.
        for (const l of r.text.split('\n')) {
          lines.push(l)
          origin.push(`${t.file}:${r.line}`)
        }
      }
    }
    const part = `${lines.join('\n')}\n`
    const params = new URLSearchParams({ source: 'plausible', file_name: basename(path).slice(0, 255) })
    params.set('offset', String(offset))
    if (opts.siteId) params.set('site_id', opts.siteId)
    if (opts.timezone) params.set('timezone', opts.timezone)
    if (opts.dryRun) params.set('dry_run', 'true')
    if (total.import_id) params.set('import_id', total.import_id)
    const res = await ops.request('POST', `/api/v1/admin/imports?${params}`, new TextEncoder().encode(part), {
      'content-type': 'text/plain; charset=utf-8',
    })
    if (!res.ok) {
      const err = (await res.json().catch(() => ({}))) as { error?: string }
      throw new CliError(err.error ?? `server answered ${res.status}`, exitForStatus(res.status))
    }
    const r = ((await res.json()) as { data: ImportResult }).data
    total.import_id ||= r.import_id
    for (const k of ['imported', 'skipped', 'invalid', 'ignored'] as const) total[k] += r[k]
    for (const k of Object.keys(total.reasons) as (keyof ImportResult['reasons'])[])
      total.reasons[k] += r.reasons?.[k] ?? 0
    for (const i of r.issues) {
      if (total.issues.length >= 20) break
      const at = origin[i.line - 1] ?? `part line ${i.line}`
      const [file, line] = at.split(':')
      total.issues.push({ line: Number(line) || i.line, message: `${file}: ${i.message}` })
    }
    offset += part.length
  }
  let days: string[] = []
  let bytes = 0
  for (const date of dates) {
    let size = 0
    for (const t of tables) for (const r of t.days.get(date) ?? []) size += r.text.length + 1
    if (size > opts.partBytes)
      throw new CliError(
        `${path}: the rows of ${date} alone are larger than a part (${opts.partBytes} bytes)`,
        EXIT.failed,
      )
    if (days.length > 0 && bytes + size > opts.partBytes - 64 * 1024) {
      await send(days)
      days = []
      bytes = 0
    }
    days.push(date)
    bytes += size
  }
  if (days.length > 0) await send(days)
  return total
}
