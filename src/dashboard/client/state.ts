// The dashboard's state: who is signed in (kept in localStorage, never in the URL) and what is
// being looked at (site, period, comparison, filters), mirrored in the URL fragment so a reload or
// a shared link shows the same view. Parsing is strict: only known names come back out.

import { PROPERTY_FILTER_PREFIX, PROPERTY_KEY } from '../../events/property-names'
import type { GetQuery } from '../../sdk/src/read'
import { isPeriod, type PeriodChoice } from './periods'

/** An event filter: an API filter field (`url`, `country`, `property.plan`, …) equal to a value. */
export interface Filter {
  field: string
  value: string
}

/** A filter with an operator and any of several values (the API's `conditions`). */
export interface Condition {
  op: ConditionOp
  field: string
  values: string[]
}

/** The filter operators of the API, in the order the filter form offers them. */
export const CONDITION_OPS = [
  'is',
  'is_not',
  'contains',
  'does_not_contain',
  'starts_with',
  'matches',
] as const
export type ConditionOp = (typeof CONDITION_OPS)[number]

/** The comparisons the dashboard offers. */
export const COMPARE_MODES = ['previous_period', 'year_over_year'] as const
export type CompareMode = (typeof COMPARE_MODES)[number]

/** What the dashboard shows. */
export interface ViewState extends PeriodChoice {
  siteId: string
  compare: boolean
  filters: Filter[]
  /** Filters with operators; absent: none. */
  conditions?: Condition[]
  /** What `compare` compares with; absent: the previous period. */
  compareMode?: CompareMode
  /** A saved segment applied on top; absent: none. */
  segment?: string
}

/** A signed-in user: the bearer token, and whether it is the admin token. */
export interface Credentials {
  token: string
  admin: boolean
  /** The site a secret key belongs to. */
  siteId?: string
  /** Signed in with email and password: the cookie session authenticates (the token is empty). */
  session?: boolean
}

/**
 * A filter field the dashboard offers: the realtime query's parameters (from the OpenAPI document) but
 * its own, the bot switch, the property-filter object (`property.<key>`) and the two fields no one
 * filters a dashboard by.
 */
export type FilterField = Exclude<
  keyof GetQuery<'/api/v1/stats/realtime'>,
  'site_id' | 'limit' | 'include_bots' | 'bot_reason' | 'visitor_id' | 'conditions' | 'segment' | 'properties'
>

/** Every filter field, once; typed by the generated `FilterField`, so the compiler keeps it exact. */
const FILTER_FIELD_SET: Record<FilterField, true> = {
  event_type: true,
  url: true,
  path: true,
  entry_page: true,
  exit_page: true,
  goal: true,
  referrer: true,
  referrer_domain: true,
  device_type: true,
  country: true,
  user_id: true,
  browser: true,
  browser_version: true,
  os: true,
  os_version: true,
  region: true,
  city: true,
  source: true,
  utm_source: true,
  utm_medium: true,
  utm_campaign: true,
  utm_term: true,
  utm_content: true,
  channel: true,
}

/** Filter fields the API accepts, besides `property.<key>`. */
export const FILTER_FIELDS: readonly string[] = Object.keys(FILTER_FIELD_SET)
export { PROPERTY_KEY }

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Whether `field` is a filter field the API accepts. */
export function isFilterField(field: string): boolean {
  return (
    FILTER_FIELDS.includes(field) ||
    (field.startsWith(PROPERTY_FILTER_PREFIX) &&
      PROPERTY_KEY.test(field.slice(PROPERTY_FILTER_PREFIX.length)))
  )
}

/** Add a filter, replacing any filter on the same field. */
export function withFilter(filters: Filter[], f: Filter): Filter[] {
  return [...filters.filter((x) => x.field !== f.field), f]
}

/** The filters as API query parameters. */
export function filterParams(filters: Filter[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of filters) out[f.field] = f.value
  return out
}

/** The view's filters, conditions and segment as API query parameters. */
export function scopeParams(v: ViewState): Record<string, string> {
  const out = filterParams(v.filters)
  if (v.conditions && v.conditions.length > 0)
    out.conditions = JSON.stringify(v.conditions.map((c) => [c.op, c.field, c.values]))
  if (v.segment) out.segment = v.segment
  return out
}

/** The conditions of a fragment's `c` parameter, keeping only well-formed ones. */
function decodeConditions(raw: string | null): Condition[] | undefined {
  if (!raw) return undefined
  try {
    const list = JSON.parse(raw) as unknown
    if (!Array.isArray(list)) return undefined
    return list
      .filter(
        (c): c is Condition =>
          typeof c === 'object' &&
          c !== null &&
          (CONDITION_OPS as readonly string[]).includes(c.op) &&
          isFilterField(c.field) &&
          Array.isArray(c.values) &&
          c.values.length > 0 &&
          c.values.every((x: unknown) => typeof x === 'string' && x.length <= 2000),
      )
      .slice(0, 20)
  } catch {
    return undefined
  }
}

/** Encode the view (not the credentials) as a URL fragment. */
export function encodeView(v: ViewState): string {
  const p = new URLSearchParams()
  if (v.siteId) p.set('site', v.siteId)
  p.set('period', v.period)
  if (v.period === 'custom') {
    if (v.from) p.set('from', v.from)
    if (v.to) p.set('to', v.to)
  }
  if (!v.compare) p.set('compare', 'off')
  for (const f of v.filters) p.append('f', `${f.field}:${f.value}`)
  if (v.conditions && v.conditions.length > 0) p.set('c', JSON.stringify(v.conditions))
  if (v.compareMode && v.compareMode !== 'previous_period') p.set('cmp', v.compareMode)
  if (v.segment) p.set('seg', v.segment)
  return p.toString()
}

/** Decode a URL fragment into a view; unknown or malformed parts fall back to the defaults. */
export function decodeView(hash: string, defaults: ViewState): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''))
  const period = p.get('period')
  const from = p.get('from') ?? ''
  const to = p.get('to') ?? ''
  const filters: Filter[] = []
  for (const raw of p.getAll('f')) {
    const i = raw.indexOf(':')
    if (i <= 0) continue
    const f = { field: raw.slice(0, i), value: raw.slice(i + 1) }
    if (isFilterField(f.field) && f.value.length <= 2000)
      filters.splice(0, filters.length, ...withFilter(filters, f))
  }
  const site = p.get('site') ?? ''
  const conditions = decodeConditions(p.get('c'))
  const cmp = p.get('cmp')
  const seg = p.get('seg') ?? ''
  const extra: Partial<ViewState> = {}
  if (conditions && conditions.length > 0) extra.conditions = conditions
  if ((COMPARE_MODES as readonly string[]).includes(cmp ?? '')) extra.compareMode = cmp as CompareMode
  if (/^[A-Za-z0-9_.-]{1,64}$/.test(seg)) extra.segment = seg
  return {
    ...extra,
    siteId: /^[A-Za-z0-9_.-]{1,64}$/.test(site) ? site : defaults.siteId,
    period: isPeriod(period) ? period : defaults.period,
    from: DATE.test(from) ? from : undefined,
    to: DATE.test(to) ? to : undefined,
    compare: p.has('compare') ? p.get('compare') !== 'off' : defaults.compare,
    filters,
  }
}

const TOKEN_KEY = 'pulse.dashboard.token'
const SITE_KEY = 'pulse.dashboard.site'
const ADMIN_KEY = 'pulse.dashboard.admin'

/** The stored credentials, if any. */
export function loadCredentials(storage: Storage): Credentials | undefined {
  const token = storage.getItem(TOKEN_KEY)
  if (!token) return undefined
  return { token, admin: storage.getItem(ADMIN_KEY) === '1', siteId: storage.getItem(SITE_KEY) ?? undefined }
}

/** Keep the credentials in the browser's storage. */
export function saveCredentials(storage: Storage, c: Credentials): void {
  storage.setItem(TOKEN_KEY, c.token)
  storage.setItem(ADMIN_KEY, c.admin ? '1' : '0')
  if (c.siteId) storage.setItem(SITE_KEY, c.siteId)
  else storage.removeItem(SITE_KEY)
}

/** Forget the credentials (sign out). */
export function clearCredentials(storage: Storage): void {
  for (const k of [TOKEN_KEY, SITE_KEY, ADMIN_KEY]) storage.removeItem(k)
}
