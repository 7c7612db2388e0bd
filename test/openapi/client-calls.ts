// One call of every operation, in an order where each finds what it needs, as data: clients.test.ts
// writes from it, for each generator, a program in that client's own calling style, compiles it under
// `tsc --strict` (no casts) and runs it against the real server. Each call reads one field of its answer
// into a variable of the exact type written here, so a field typed `string | number` or `any` by a
// generator fails to compile (`any` is caught by `noAny`).
//
// Values: a string `$name` is `ids.name` (kept from an earlier answer), `@now-N` is `Date.now() - N`.

/** Who calls: the admin token, the site's secret key, the signed-in session cookie, or nobody. */
export type Caller = 'admin' | 'sk' | 'cookie' | 'none'

export interface Call {
  op: string
  caller?: Caller
  path?: Record<string, string>
  query?: Record<string, unknown>
  /** A JSON body, or a string sent as `text/plain` (the import upload). */
  body?: unknown
  /** The answer's data (`d`: the envelope's `data`, or the whole body when `raw`), read as `type`. */
  read?: [expr: string, type: string, out?: string]
  /** A generator's own read, where its types differ (each use says why). */
  readFor?: Partial<
    Record<'openapi-fetch' | 'hey-api' | 'oazapfts', [expr: string, type: string, out?: string]>
  >
  raw?: boolean
  /** How the answer is read when it is not JSON. */
  as?: 'text' | 'blob' | 'stream'
  /** The status the call gets, when it is not the operation's 2xx (the answer's error is read). */
  status?: number
  /** Ids to keep: `ids.name = d.field`. */
  keep?: Record<string, string>
  extraHeaders?: Record<string, string>
}

export const SITE = 'site_clients'
const OWNER = { email: 'owner@example.com', password: 'correct horse battery' }
const EVENT = (o: Record<string, unknown> = {}) => ({
  site_id: SITE,
  event_type: 'page_view',
  timestamp: '@now-60000',
  session_id: 'session_1',
  url: 'https://example.com/',
  device_type: 'desktop',
  properties: { plan: 'pro' },
  ...o,
})
const S = { site_id: SITE }
const P = { site_id: SITE }

export const CALLS: Call[] = [
  { op: 'getHealth', caller: 'none', raw: true, read: ['d.status', 'string'] },
  {
    op: 'createSite',
    body: { site_id: SITE, name: 'Clients', domains: ['example.com'] },
    read: ['d.domains', 'string[]'],
    keep: { sk: 'secret_key', pk: 'public_key' },
  },
  { op: 'listSites', read: ['d.map((s) => s.site_id)', 'string[]'] },
  {
    op: 'getOverview',
    query: { period: '7d' },
    read: ['d.sites.map((s) => s.visitors)', 'number[]'],
  },
  { op: 'getSite', path: P, read: ['d.name', 'string'] },
  { op: 'updateSite', path: P, body: { aliases: ['umami-clients'] }, read: ['d.aliases', 'string[]'] },
  { op: 'listKeys', path: P, read: ['d.map((k) => k.kind)', 'string[]'] },
  { op: 'createKey', path: P, body: { kind: 'public' }, read: ['d.kind', 'string'], keep: { key: 'key_id' } },
  { op: 'revokeKey', path: { ...P, key_id: '$key' }, read: ['d.revoked', 'boolean'] },
  {
    op: 'collectEvent',
    caller: 'sk',
    query: { dry_run: false },
    body: EVENT({ user_id: 'user_1' }),
    raw: true,
    read: ["'dry_run' in d.data ? -1 : d.data.accepted", 'number'],
  },
  {
    op: 'collectBatch',
    caller: 'sk',
    body: {
      events: [
        EVENT({ session_id: 'session_2', timestamp: '@now-50000' }),
        EVENT({ session_id: 'session_2', event_type: 'purchase', timestamp: '@now-40000' }),
      ],
    },
    raw: true,
    read: ["'dry_run' in d.data ? -1 : d.data.accepted", 'number'],
  },
  {
    op: 'sendPlausibleEvent',
    caller: 'none',
    body: { n: 'pageview', u: 'https://example.com/', d: 'example.com' },
    as: 'text',
  },
  { op: 'getPlausibleScript', caller: 'none', path: { file: 'script.js' }, as: 'text' },
  {
    op: 'sendUmamiEvent',
    caller: 'none',
    body: { type: 'event', payload: { website: 'umami-clients', url: '/', hostname: 'example.com' } },
    raw: true,
    read: ['Object.keys(d)', 'string[]'],
  },
  { op: 'getUmamiScript', caller: 'none', as: 'text' },
  { op: 'getTrackerScript', caller: 'none', as: 'text' },
  { op: 'getTrackerExtras', caller: 'none', as: 'text' },
  { op: 'streamEvents', query: S, as: 'stream' },
  {
    op: 'getStats',
    query: { ...S, period: '30d', metrics: 'visitors,page_views', properties: { 'property.plan': 'pro' } },
    read: ["'metrics' in d ? d.metrics.visitors : -1", 'number'],
  },
  // JSON, or CSV with `format=csv`: the 200 is a union with `string` (as runSql's below).
  {
    op: 'getTimeseries',
    query: { ...S, period: '24h', interval: 'hour', metric: 'event_count' },
    raw: true,
    read: [
      "typeof d === 'string' ? [] : d.data.points.map((p) => p.value)",
      'number[]',
      'v.reduce((a, b) => a + b, 0)',
    ],
  },
  {
    op: 'getBreakdown',
    query: { ...S, period: '30d', dimension: 'url' },
    raw: true,
    read: ["typeof d === 'string' ? -1 : d.data.total_rows", 'number'],
  },
  { op: 'getRealtime', query: S, read: ['d.visitors', 'number'] },
  {
    op: 'getFunnel',
    body: {
      site_id: SITE,
      period: '30d',
      steps: [{ event_type: 'page_view' }, { event_type: 'purchase' }],
      filters: { device_type: 'desktop', 'property.plan': 'pro' },
    },
    read: ['d.steps.map((s) => s.sessions)', 'number[]'],
  },
  {
    op: 'getRetention',
    query: { ...S, period: '7d' },
    read: ['d.cohorts.map((c) => c.visitors)', 'number[]'],
  },
  { op: 'getJourneys', query: { ...S, period: '30d', page: '/' }, read: ['d.sessions', 'number'] },
  {
    op: 'listEvents',
    query: { ...S, period: '30d', limit: 2 },
    read: ['d.events.map((e) => e.timestamp + e.received_at)', 'number[]', 'v.length'],
  },
  {
    op: 'exportEvents',
    query: { ...S, period: '30d', format: 'csv' },
    as: 'text',
    read: ['d', 'string', "v.split('\\n')[0]"],
  },
  { op: 'getWebVitals', query: { ...S, period: '30d', by: 'page' }, read: ['d.rows.length', 'number'] },
  {
    // JSON or CSV (`format`): the 200 has both media types, so the answer is a union with `string`.
    op: 'runSql',
    body: { query: 'SELECT 1 AS one' },
    raw: true,
    read: ["typeof d === 'string' ? [] : d.data.columns.map((c) => c.name)", 'string[]'],
  },
  {
    op: 'callMcp',
    caller: 'sk',
    body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    extraHeaders: { accept: 'application/json, text/event-stream' },
    raw: true,
    read: ['d.jsonrpc', "'2.0'"],
    // @hey-api/openapi-ts types the bodiless 202 as `unknown`, which swallows the 200 in the union.
    readFor: {
      'hey-api': ["d !== null && typeof d === 'object' && 'jsonrpc' in d ? String(d.jsonrpc) : ''", 'string'],
    },
  },
  {
    op: 'createGoal',
    path: P,
    body: { name: 'Signup', kind: 'event', event_type: 'purchase' },
    read: ['d.event_type', 'string | null'],
    keep: { goal: 'goal_id' },
  },
  { op: 'listGoals', path: P, read: ['d.map((g) => g.name)', 'string[]'] },
  {
    op: 'updateGoal',
    path: { ...P, goal_id: '$goal' },
    body: { name: 'Signed up' },
    read: ['d.name', 'string'],
  },
  {
    op: 'createSegment',
    path: P,
    body: { name: 'Purchases', filters: { event_type: 'purchase' }, visibility: 'shared' },
    read: ['d.filters', 'Record<string, string>'],
    keep: { segment: 'segment_id' },
  },
  { op: 'listSegments', path: P, read: ['d.map((s) => s.name)', 'string[]'] },
  {
    op: 'createAnnotation',
    path: P,
    body: { text: 'v1 released' },
    read: ['d.text', 'string'],
    keep: { annotation: 'annotation_id' },
  },
  { op: 'listAnnotations', path: P, read: ['d.map((a) => a.text)', 'string[]'] },
  {
    op: 'updateAnnotation',
    path: { ...P, annotation_id: '$annotation' },
    body: { text: 'v1.0 released' },
    read: ['d.text', 'string'],
  },
  {
    op: 'createWebhook',
    path: P,
    body: { url: 'http://127.0.0.1:9/hook', format: 'slack' },
    read: ['d.format', 'string'],
    keep: { webhook: 'webhook_id' },
  },
  { op: 'listWebhooks', path: P, read: ['d.map((w) => w.url)', 'string[]'] },
  {
    op: 'updateWebhook',
    path: { ...P, webhook_id: '$webhook' },
    body: { format: 'discord' },
    read: ['d.format', 'string'],
  },
  {
    op: 'testWebhook',
    path: { ...P, webhook_id: '$webhook' },
    read: ["d.delivery_id.startsWith('dl_')", 'boolean'],
  },
  {
    op: 'createDigest',
    path: P,
    body: { email: 'owner@example.com', frequency: 'weekly' },
    read: ['d.hour', 'number'],
    keep: { digest: 'digest_id' },
  },
  { op: 'listDigests', path: P, read: ['d.map((g) => g.frequency)', 'string[]'] },
  {
    op: 'updateDigest',
    path: { ...P, digest_id: '$digest' },
    body: { hour: 7 },
    read: ['d.hour', 'number'],
  },
  {
    op: 'sendDigest',
    path: { ...P, digest_id: '$digest' },
    read: ["d.delivery_id.startsWith('dl_')", 'boolean'],
  },
  {
    op: 'previewDigest',
    path: { ...P, digest_id: '$digest' },
    as: 'text',
    read: ['d', 'string', "v.includes('unsubscribe')"],
    keep: { unsub: 'UNSUBSCRIBE_TOKEN' },
  },
  {
    op: 'createAlert',
    path: P,
    body: { kind: 'spike', threshold: 10, email: 'owner@example.com' },
    read: ['d.threshold', 'number'],
    keep: { rule: 'rule_id' },
  },
  { op: 'listAlerts', path: P, read: ['d.map((a) => a.kind)', 'string[]'] },
  {
    op: 'updateAlert',
    path: { ...P, rule_id: '$rule' },
    body: { threshold: 20 },
    read: ['d.threshold', 'number'],
  },
  {
    op: 'testAlert',
    path: { ...P, rule_id: '$rule' },
    read: ["d.delivery_id.startsWith('dl_')", 'boolean'],
  },
  { op: 'listDeliveries', path: P, read: ['d.map((x) => x.channel)', 'string[]', 'v.length > 0'] },
  { op: 'getUnsubscribePage', caller: 'none', query: { token: '$unsub' }, as: 'text' },
  { op: 'unsubscribeDigest', caller: 'none', query: { token: '$unsub' }, as: 'text' },
  { op: 'getMetrics', as: 'text', read: ['d', 'string', "v.includes('pulse_')"] },
  { op: 'deleteAlert', path: { ...P, rule_id: '$rule' }, read: ['d.deleted', 'boolean'] },
  { op: 'deleteDigest', path: { ...P, digest_id: '$digest' }, read: ['d.deleted', 'boolean'] },
  { op: 'deleteWebhook', path: { ...P, webhook_id: '$webhook' }, read: ['d.deleted', 'boolean'] },
  {
    op: 'createImport',
    query: { source: 'pulse', site_id: SITE },
    body: '{"site_id":"site_clients","event_type":"page_view","timestamp":1780000000000,"session_id":"s_import","event_id":"imp-1"}\n',
    read: ['d.imported + d.invalid', 'number'],
    keep: { import: 'import_id' },
  },
  { op: 'listImports', read: ['d.map((i) => i.source)', 'string[]'] },
  { op: 'deleteImport', path: { import_id: '$import' }, read: ['d.deleted_events', 'number'] },
  {
    op: 'downloadBackup',
    as: 'blob',
    read: ['d.size > 0', 'boolean'],
    // oazapfts types the file as `Blob` but reads it with `fetchJson` (its errors are JSON), which gives
    // the text of a non-JSON answer: a Blob made of it reads both.
    readFor: { oazapfts: ['new Blob([d]).size > 0', 'boolean'] },
  },
  { op: 'eraseUser', caller: 'sk', path: { user_id: 'user_1' }, query: S, read: ['d.deleted', 'number'] },
  { op: 'rotateAdminToken', status: 409 },
  { op: 'getSetupState', caller: 'none', read: ['d.needed', 'boolean'] },
  { op: 'createOwner', body: OWNER, read: ['d.owner', 'boolean'] },
  { op: 'signIn', caller: 'none', body: OWNER, read: ['d.email', 'string'], keep: { cookie: 'SET_COOKIE' } },
  { op: 'getMe', caller: 'cookie', read: ['d.roles', 'Record<string, string>', 'Object.keys(v).length'] },
  {
    op: 'createPersonalToken',
    caller: 'cookie',
    body: { name: 'grafana' },
    read: ['d.expires_at', 'number | null'],
    keep: { token: 'token_id' },
  },
  { op: 'listPersonalTokens', caller: 'cookie', read: ['d.map((x) => x.name)', 'string[]'] },
  {
    op: 'revokePersonalToken',
    caller: 'cookie',
    path: { token_id: '$token' },
    read: ['d.revoked', 'boolean'],
  },
  {
    op: 'changePassword',
    caller: 'cookie',
    body: { current_password: OWNER.password, new_password: 'an even longer passphrase' },
    read: ['d.sessions_ended', 'number'],
    keep: { cookie: 'SET_COOKIE' },
  },
  { op: 'listAccounts', read: ['d.map((a) => a.email)', 'string[]'] },
  {
    op: 'createInvitation',
    body: { email: 'viewer@example.com', site_id: SITE, role: 'viewer' },
    read: ['d.email', 'string'],
    keep: { invite: 'token' },
  },
  { op: 'getInvitation', caller: 'none', path: { token: '$invite' }, read: ['d.role', 'string | null'] },
  {
    op: 'acceptInvitation',
    caller: 'none',
    path: { token: '$invite' },
    body: { password: 'a long enough one' },
    read: ['d.owner', 'boolean'],
    keep: { viewer: 'user_id' },
  },
  { op: 'listMembers', path: P, read: ['d.map((m) => m.role)', 'string[]'] },
  {
    op: 'setMemberRole',
    path: { ...P, user_id: '$viewer' },
    body: { role: 'editor' },
    read: ['d.role', 'string'],
  },
  { op: 'removeMember', path: { ...P, user_id: '$viewer' }, read: ['d.removed', 'boolean'] },
  {
    op: 'createReadKey',
    path: P,
    body: { locked_filters: { country: 'DE' }, min_visitors: 5 },
    read: ['d.min_visitors', 'number | null'],
    keep: { readKey: 'key_id' },
  },
  { op: 'listReadKeys', path: P, read: ['d.map((k) => k.locked_filters)', 'Record<string, string>[]'] },
  { op: 'revokeReadKey', path: { ...P, key_id: '$readKey' }, read: ['d.revoked', 'boolean'] },
  {
    op: 'createShareLink',
    path: P,
    body: { password: 'a long enough one' },
    read: ['d.has_password', 'boolean'],
    keep: { slug: 'slug', link: 'link_id' },
  },
  { op: 'listShareLinks', path: P, read: ['d.map((l) => l.embed_origins)', 'string[][]'] },
  { op: 'getSharedView', caller: 'none', path: { slug: '$slug' }, read: ['d.needs_password', 'boolean'] },
  {
    op: 'unlockShareLink',
    caller: 'none',
    path: { slug: '$slug' },
    body: { password: 'a long enough one' },
    read: ['d.expires_at > 0', 'boolean'],
  },
  { op: 'revokeShareLink', path: { ...P, link_id: '$link' }, read: ['d.revoked', 'boolean'] },
  { op: 'getSiteAudit', path: P, read: ['d.map((a) => a.outcome)', 'string[]', 'v.length > 0'] },
  { op: 'getAudit', query: { limit: 5 }, read: ['d.map((a) => a.at)', 'number[]', 'v.length'] },
  { op: 'endAccountSessions', path: { user_id: '$viewer' }, read: ['d.ended', 'number'] },
  { op: 'deleteAccount', path: { user_id: '$viewer' }, read: ['d.deleted', 'boolean'] },
  { op: 'signOut', caller: 'cookie', read: ['d.signed_out', 'boolean'] },
  { op: 'deleteSegment', path: { ...P, segment_id: '$segment' }, read: ['d.deleted', 'boolean'] },
  { op: 'deleteAnnotation', path: { ...P, annotation_id: '$annotation' }, read: ['d.deleted', 'boolean'] },
  { op: 'deleteGoal', path: { ...P, goal_id: '$goal' }, read: ['d.deleted', 'boolean'] },
  { op: 'deleteSite', path: P, read: ['d.deleted', 'boolean'] },
]
