// Plausible's CSV export (Site settings → Imports & Exports → "Export data": a ZIP of tables named
// `imported_<table>_<from>_<to>.csv`), read as its tables one after another, each starting with its own
// header line (`pulse import --source plausible export.zip` sends them so, cut into parts of whole days).
//
// Plausible exports daily aggregates, not events. So this source rebuilds, per day, synthetic sessions
// whose figures equal the export's exactly where the export has them (docs/imports.md, "Plausible"):
//   - from `visitors`: the day's visits (sessions), visitors, page views, bounces and total visit
//     duration — the headline and the time series of those days equal Plausible's;
//   - from `entry_pages`: each session's first page (bounced sessions on the pages they bounced on);
//   - from `pages`: where the rest of the day's page views go;
//   - from `sources`, `devices`, `browsers`, `operating_systems`, `locations`: the visits of each value;
//   - from `custom_events`: the events of each name, on the day's non-bounced sessions.
// What no table holds is not invented as data: combinations of dimensions (a source's countries), the
// time of day, exit pages beyond what the above implies, and visitors across days (each day's visitors
// are its own, as in Plausible's imported data). Every event id holds the date and a hash of that day's
// rows, so importing the same export again stores nothing twice.
import { localToInstant } from '../../stats/time/zone'
import { isOpenRecord, parseCsvRecord } from './csv'
import type { Mapped, MapperOptions, SourceMapper } from './source'

/** The tables of an export by the column that names their dimension (checked in this order). */
const KEYED_TABLES = [
  ['entry_page', 'entry_pages'],
  ['exit_page', 'exit_pages'],
  ['page', 'pages'],
  ['operating_system', 'operating_systems'],
  ['browser', 'browsers'],
  ['device', 'devices'],
  ['country', 'locations'],
  ['source', 'sources'],
  ['name', 'custom_events'],
] as const
type Table = (typeof KEYED_TABLES)[number][1] | 'visitors'

/** The count columns each table must have. */
const COUNTS: Record<Table, readonly string[]> = {
  visitors: ['visitors', 'pageviews', 'bounces', 'visits', 'visit_duration'],
  pages: ['pageviews'],
  entry_pages: ['entrances', 'bounces'],
  exit_pages: [],
  operating_systems: ['visits'],
  browsers: ['visits'],
  devices: ['visits'],
  locations: ['visits'],
  sources: ['visits'],
  custom_events: ['visitors', 'events'],
}

/** The table a header line belongs to, or undefined when it is no table of a Plausible export. */
export function plausibleTableOf(columns: readonly string[]): Table | undefined {
  const has = new Set(columns)
  if (!has.has('date')) return undefined
  for (const [column, table] of KEYED_TABLES) if (has.has(column)) return table
  return COUNTS.visitors.every((c) => has.has(c)) ? 'visitors' : undefined
}

/** Attributes a session takes from one row of a dimension table. */
type SessionAttrs = Record<string, string>

interface DayRows {
  /** Line of the day's first row, for issues about the day. */
  lineNo: number
  /** Order-independent sum of the rows' hashes: the same rows always give the same ids. */
  hash: bigint
  totals?: { visitors: number; pageviews: number; bounces: number; visits: number; duration: number }
  pages: { page: string; host: string; pageviews: number }[]
  entries: { page: string; entrances: number; bounces: number }[]
  /** Per dimension table: its rows' attributes and visits. */
  dims: Map<Table, { attrs: SessionAttrs; visits: number }[]>
  custom: { name: string; linkUrl: string; path: string; visitors: number; events: number }[]
}

const HOUR = 3_600_000
/** Sessions start in the first half of their local day, so none runs into the next day. */
const SPREAD_MS = 12 * HOUR
const MAX_DURATION_S = 10 * 3600

/** Plausible's device names → PULSE's device types. */
function deviceType(d: string): string | undefined {
  const v = d.trim().toLowerCase()
  if (v === 'laptop' || v === 'desktop') return 'desktop'
  return v === 'mobile' || v === 'tablet' ? v : undefined
}

/** The attributes of a session from a row of `table` (`get` reads a column, empty as ''). */
function attrsOf(table: Table, get: (c: string) => string): SessionAttrs {
  const a: SessionAttrs = {}
  const put = (k: string, v: string | undefined) => {
    if (v && v !== '(not set)') a[k] = v
  }
  switch (table) {
    case 'sources': {
      put('source', get('source'))
      const ref = get('referrer')
      if (ref) put('referrer', ref.includes('://') ? ref : `https://${ref}`)
      for (const u of ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term']) put(u, get(u))
      break
    }
    case 'devices':
      put('device_type', deviceType(get('device')))
      break
    case 'browsers':
      put('browser', get('browser'))
      put('browser_version', get('browser_version'))
      break
    case 'operating_systems':
      put('os', get('operating_system'))
      put('os_version', get('operating_system_version'))
      break
    case 'locations':
      if (/^[A-Za-z]{2}$/.test(get('country'))) put('country', get('country').toUpperCase())
      break
  }
  return a
}

/** One event to validate and store, with the line its day is reported under. */
export interface PlausibleOutput {
  mapped: Mapped
  lineNo: number
}

/** Cursor over rows of (value, count): the value of each unit in turn, undefined past the end. */
function cursor<T>(rows: readonly { value: T; count: number }[]): () => T | undefined {
  let row = 0
  let used = 0
  return () => {
    while (row < rows.length && used >= rows[row].count) {
      row++
      used = 0
    }
    if (row >= rows.length) return undefined
    used++
    return rows[row].value
  }
}

/** The mapper of a Plausible export; `opts.siteId` is required, `opts.timezone` places each day. */
export function plausibleMapper(opts: MapperOptions): SourceMapper & { finish(): Iterable<PlausibleOutput> } {
  const tz = opts.timezone ?? 'UTC'
  let table: Table | undefined
  let header = new Map<string, number>()
  let pending = ''
  let pendingLine = 0
  const days = new Map<string, DayRows>()

  const dayOf = (date: string, lineNo: number): DayRows => {
    let d = days.get(date)
    if (!d) {
      d = { lineNo, hash: 0n, pages: [], entries: [], dims: new Map(), custom: [] }
      days.set(date, d)
    }
    return d
  }

  return {
    map(line) {
      const text = pending ? `${pending}\n${line.text}` : line.text.replace(/\r$/, '')
      const lineNo = pending ? pendingLine : line.lineNo
      if (isOpenRecord(text)) {
        if (!pending) pendingLine = line.lineNo
        pending = text
        return null
      }
      pending = ''
      if (text.trim() === '') return null
      const fields = parseCsvRecord(text)
      if (fields[0]?.trim().toLowerCase() === 'date') {
        const columns = fields.map((f) => f.trim().toLowerCase())
        table = plausibleTableOf(columns)
        if (!table) throw new Error(`not a table of a Plausible export: ${columns.join(',')}`)
        header = new Map(columns.map((c, i) => [c, i]))
        const missing = COUNTS[table].filter((c) => !header.has(c))
        if (missing.length > 0) throw new Error(`Plausible ${table} table without ${missing.join(', ')}`)
        return null
      }
      if (!table) throw new Error('not a Plausible export: the first line is not a table header')
      const get = (c: string) => {
        const i = header.get(c)
        return i === undefined ? '' : (fields[i] ?? '').trim()
      }
      const date = get('date')
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
      if (
        !m ||
        Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
        new Date(`${date}T00:00:00Z`).getUTCDate() !== +m[3]
      )
        return { invalid: `date is not a day: ${date.slice(0, 40)}` }
      const counts: Record<string, number> = {}
      for (const c of [...COUNTS[table], 'visits', 'visitors', 'pageviews']) {
        const raw = get(c)
        if (raw === '' && !COUNTS[table].includes(c)) continue
        if (!/^\d{1,15}$/.test(raw)) return { invalid: `${c} is not a count: ${raw.slice(0, 40)}` }
        counts[c] = Number(raw)
      }
      const day = dayOf(date, lineNo)
      day.hash = (day.hash + Bun.hash.wyhash(`${table}\u0000${text}`)) & 0xffff_ffff_ffff_ffffn
      switch (table) {
        case 'visitors':
          if (day.totals) return { invalid: `a second visitors row for ${date}` }
          day.totals = {
            visitors: counts.visitors,
            pageviews: counts.pageviews,
            bounces: counts.bounces,
            visits: counts.visits,
            duration: counts.visit_duration,
          }
          break
        case 'pages':
          day.pages.push({ page: get('page') || '/', host: get('hostname'), pageviews: counts.pageviews })
          break
        case 'entry_pages':
          day.entries.push({
            page: get('entry_page') || '/',
            entrances: counts.entrances,
            bounces: counts.bounces,
          })
          break
        case 'exit_pages':
          break
        case 'custom_events':
          day.custom.push({
            name: get('name'),
            linkUrl: get('link_url'),
            path: get('path'),
            visitors: counts.visitors,
            events: counts.events,
          })
          break
        default: {
          const rows = day.dims.get(table) ?? []
          rows.push({ attrs: attrsOf(table, get), visits: counts.visits })
          day.dims.set(table, rows)
        }
      }
      return null
    },

    *finish() {
      for (const date of [...days.keys()].sort()) {
        const day = days.get(date) as DayRows
        days.delete(date)
        if (!day.totals) {
          yield {
            mapped: { invalid: `no visitors row for ${date}: its other rows are left out` },
            lineNo: day.lineNo,
          }
          continue
        }
        yield* sessionsOf(date, day, day.totals, opts, tz)
      }
    },
  }
}

/** The synthetic sessions of one day (see the module comment). */
function* sessionsOf(
  date: string,
  day: DayRows,
  t: NonNullable<DayRows['totals']>,
  opts: MapperOptions,
  tz: string,
): Generator<PlausibleOutput> {
  const S = t.visits
  if (S === 0) return
  const V = Math.min(Math.max(t.visitors, 1), S)
  const B = Math.min(t.bounces, S)
  const N = S - B
  const [y, mo, d] = date.split('-').map(Number)
  const dayStart = localToInstant(tz, Date.UTC(y, mo - 1, d))
  const tag = `${date}:${day.hash.toString(36)}`
  const hostOf = new Map(day.pages.map((p) => [p.page, p.host]))
  const defaultHost = day.pages[0]?.host ?? ''
  const urlOf = (page: string) => {
    const host = hostOf.get(page) ?? defaultHost
    return host ? `https://${host}${page.startsWith('/') ? page : `/${page}`}` : page
  }
  // Page views left per page once each session's entry page took its first.
  const pool = new Map<string, number>()
  for (const p of day.pages) pool.set(p.page, (pool.get(p.page) ?? 0) + p.pageviews)
  const topPage = day.pages.reduce<{ page: string; pageviews: number } | undefined>(
    (best, p) => (!best || p.pageviews > best.pageviews ? p : best),
    undefined,
  )?.page
  const bounced = cursor(day.entries.map((e) => ({ value: e.page, count: Math.min(e.bounces, e.entrances) })))
  const stayed = cursor(
    day.entries.map((e) => ({ value: e.page, count: e.entrances - Math.min(e.bounces, e.entrances) })),
  )
  const entries: string[] = new Array(S)
  for (let i = 0; i < S; i++) {
    let page = i < B ? bounced() : stayed()
    if (page === undefined)
      for (const [p, n] of pool)
        if (n > 0) {
          page = p
          break
        }
    page ??= topPage ?? '/'
    entries[i] = page
    const left = pool.get(page)
    if (left) pool.set(page, left - 1)
  }
  const nextPage = cursor([...pool].map(([value, count]) => ({ value, count })))
  // Each non-bounced session's page views after its first: one each, the rest spread evenly. When the
  // day has fewer (a visit of one page and a custom event is not a bounce), the last ones get none.
  const extras = Math.max(0, t.pageviews - S)
  const viewsOf = (i: number) => (i < B ? 1 : 1 + Math.floor(extras / N) + (i - B < extras % N ? 1 : 0))
  const dims = [...day.dims.values()].map((rows) =>
    cursor(rows.map((r) => ({ value: r.attrs, count: r.visits }))),
  )
  // Custom events, one after another, on the non-bounced sessions (which an event would make them),
  // starting with those of one page view (an event is what made them non-bounced).
  const customOf = new Map<number, { row: DayRows['custom'][number]; n: number }[]>()
  const targets = N > 0 ? N : S
  const first = N > 0 ? B : 0
  const onePage = N > 0 && extras < N ? extras : 0
  let j = 0
  for (const row of day.custom)
    for (let n = 0; n < row.events; n++, j++) {
      const i = first + ((onePage + j) % targets)
      const list = customOf.get(i) ?? []
      list.push({ row, n })
      customOf.set(i, list)
    }
  // The day's visit duration, spread over the sessions that can last: two events or more.
  const lasting: number[] = []
  for (let i = B; i < S; i++) if (viewsOf(i) > 1 || customOf.has(i)) lasting.push(i)
  const durationOf = new Map<number, number>()
  for (const [k, i] of lasting.entries())
    durationOf.set(
      i,
      Math.min(
        MAX_DURATION_S,
        Math.floor(t.duration / lasting.length) + (k < t.duration % lasting.length ? 1 : 0),
      ),
    )
  for (let i = 0; i < S; i++) {
    const attrs: SessionAttrs = {}
    for (const next of dims) Object.assign(attrs, next())
    const start = dayStart + Math.floor((i * SPREAD_MS) / S)
    const views = viewsOf(i)
    const end = start + (durationOf.get(i) ?? 0) * 1000
    const base = {
      site_id: opts.siteId,
      session_id: `plausible:${tag}:${i}`,
      visitor_id: `pv_${tag}:${i % V}`,
      ...attrs,
    }
    for (let m = 0; m < views; m++) {
      const page = m === 0 ? entries[i] : (nextPage() ?? entries[i])
      yield {
        lineNo: day.lineNo,
        mapped: {
          event: {
            ...base,
            event_type: 'page_view',
            timestamp: views > 1 ? start + Math.round((m * (end - start)) / (views - 1)) : start,
            url: urlOf(page),
            event_id: `plausible:${tag}:${i}.${m}`,
          },
        },
      }
    }
    const custom = customOf.get(i) ?? []
    for (const [c, { row, n }] of custom.entries())
      yield {
        lineNo: day.lineNo,
        mapped: {
          event: {
            ...base,
            event_type: row.name || 'custom_event',
            // With one page view, the session's last event ends it.
            timestamp: views === 1 && c === custom.length - 1 ? end : start,
            url: row.path ? urlOf(row.path) : urlOf(entries[i]),
            properties: row.linkUrl ? { url: row.linkUrl.slice(0, 512) } : undefined,
            event_id: `plausible:${tag}:${i}.c${Bun.hash.wyhash(`${row.name}\u0000${row.linkUrl}\u0000${row.path}`).toString(36)}.${n}`,
          },
        },
      }
  }
}
