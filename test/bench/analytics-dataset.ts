// The analytics benchmark's data set (issue 13, part 6): a seeded generator of realistic events — sessions
// of 1–10 events, one site holding half of them, returning visitors (a user id for logged-in ones, a daily
// cookieless visitor id for browser traffic, neither for server-side SDK traffic), landing pages with UTM
// tags, referrers, sources and channels from the real acquisition rules, browsers and systems from the real
// User-Agent parser, a few % bots, properties and client event ids with their `event_key` — stored in
// ARRIVAL order (received_at across all sites interleaved), as ingest stores them. The file is built once
// per generator version and parameters under `.bench-cache/` (git-ignored) and copied for each run.
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { manualClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { MIGRATIONS } from '../../src/db/migrations'
import { fillEventKeys } from '../../src/db/rekey'
import { eventKey } from '../../src/events/dedupe'
import { rebuildSessionHours } from '../../src/events/session-hours'
import { acquisitionOf } from '../../src/ingest/enrich/acquisition'
import { parseAgent } from '../../src/ingest/enrich/user-agent'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'

/** Bump when the generated rows change: the cache key includes it. */
export const GENERATOR_VERSION = 2

/** Parameters of the data set. */
export interface DatasetOptions {
  events: number
  sites: number
  days: number
  /** End of the data (exclusive), epoch ms. */
  now: number
  seed: number
}

/** Site id of site number `i` (site 0 holds half of the events). */
export const datasetSite = (i: number) => `site_${String(i).padStart(2, '0')}`

const AGENTS: [ua: string, weight: number][] = [
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    30,
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    12,
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    20,
  ],
  [
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    18,
  ],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 6],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    7,
  ],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
    3,
  ],
  [
    'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
    4,
  ],
]
const BOT_AGENTS: [ua: string, reason: string][] = [
  ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'ua'],
  ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'ua'],
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'headless',
  ],
  ['python-requests/2.32.3', 'ua'],
]
/** Where sessions come from: [landing query, referrer, weight]. */
const ENTRIES: [query: string, referrer: string | null, weight: number][] = [
  ['', null, 33],
  ['', 'https://www.google.com/', 24],
  ['', 'https://www.bing.com/', 4],
  ['', 'https://duckduckgo.com/', 3],
  ['', 'https://news.ycombinator.com/', 4],
  ['', 'https://t.co/abc', 4],
  ['', 'https://www.reddit.com/r/webdev/', 3],
  ['', 'https://github.com/pulse/pulse', 3],
  ['', 'https://chatgpt.com/', 2],
  ['', 'https://blog.example.org/post', 3],
  ['?utm_source=newsletter&utm_medium=email&utm_campaign=weekly_digest', null, 5],
  [
    '?utm_source=google&utm_medium=cpc&utm_campaign=brand&utm_term=pulse+analytics',
    'https://www.google.com/',
    5,
  ],
  [
    '?utm_source=facebook&utm_medium=paid_social&utm_campaign=black_friday&utm_content=banner',
    'https://l.facebook.com/',
    3,
  ],
  ['?ref=producthunt', 'https://www.producthunt.com/', 2],
  ['?utm_source=partner&utm_medium=affiliate&utm_campaign=spring', null, 2],
]
const COUNTRIES: [code: string, region: string, city: string, weight: number][] = [
  ['US', 'California', 'San Francisco', 30],
  ['US', 'New York', 'New York', 8],
  ['DE', 'Bavaria', 'Munich', 10],
  ['GB', 'England', 'London', 9],
  ['FR', 'Île-de-France', 'Paris', 6],
  ['IN', 'Karnataka', 'Bengaluru', 8],
  ['BR', 'São Paulo', 'São Paulo', 5],
  ['JP', 'Tokyo', 'Tokyo', 4],
  ['CA', 'Ontario', 'Toronto', 5],
  ['NL', 'North Holland', 'Amsterdam', 4],
  ['AU', 'New South Wales', 'Sydney', 4],
  ['ES', 'Madrid', 'Madrid', 3],
  ['PL', 'Masovia', 'Warsaw', 2],
  ['SE', 'Stockholm', 'Stockholm', 2],
]
const PAGES = [
  '/',
  '/pricing',
  '/features',
  '/docs',
  '/about',
  '/signup',
  '/login',
  '/contact',
  '/blog',
  '/checkout',
  '/cart',
  '/docs/getting-started',
]

const q = (s: string | null) => (s === null ? 'NULL::VARCHAR' : `'${s.replaceAll("'", "''")}'`)
/** A VALUES list with a cumulative weight range [lo, hi) per row, for a weighted pick by `h % total`. */
function weighted(rows: (string | number | null)[][], weights: number[]): { sql: string; total: number } {
  let acc = 0
  const lines = rows.map((r, i) => {
    const lo = acc
    acc += weights[i]
    return `(${i}, ${lo}, ${acc}, ${r.map((v) => (typeof v === 'number' ? String(v) : q(v))).join(', ')})`
  })
  return { sql: `VALUES ${lines.join(', ')}`, total: acc }
}

/** The migrations' text, hashed: a changed migration means a different schema or derived table. */
const SCHEMA_HASH = Bun.hash(MIGRATIONS.map((m) => ('sql' in m ? m.sql : m.name)).join('\n'))
  .toString(36)
  .slice(0, 8)

/** Path of the cached data-set file for `o` (generator version, migrations and parameters in its name). */
export function datasetPath(dir: string, o: DatasetOptions): string {
  return join(
    dir,
    `analytics-g${GENERATOR_VERSION}-m${MIGRATIONS.length}.${SCHEMA_HASH}-${o.events}e-${o.sites}s-${o.days}d-${o.now}-seed${o.seed}.duckdb`,
  )
}

/**
 * The cached data set for `o`, built if missing (through the app's services for migrations and sites,
 * then one DuckDB instance for the rows); returns its path and whether it was built now.
 */
export async function ensureDataset(
  cacheDir: string,
  o: DatasetOptions,
  log: (s: string) => void = console.log,
): Promise<{ path: string; built: boolean; seconds: number }> {
  const path = datasetPath(cacheDir, o)
  if (existsSync(path)) return { path, built: false, seconds: 0 }
  const t0 = performance.now()
  mkdirSync(cacheDir, { recursive: true })
  const work = join(cacheDir, `build-${process.pid}`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const file = join(work, 'pulse.duckdb')
  // The same rows cached under an older schema: upgrade a copy by the migrations, as a release would.
  const older = existsSync(cacheDir)
    ? readdirSync(cacheDir).find(
        (f) => f.replace(/-m[\w.]+?-/, '-') === basename(path).replace(/-m[\w.]+?-/, '-'),
      )
    : undefined
  try {
    const open = async () =>
      createServices(
        loadConfig({
          PULSE_ADMIN_TOKEN: 'dataset-admin-token-0123456789',
          PULSE_DATA_DIR: work,
          PULSE_DB_PATH: file,
          PULSE_LOG_LEVEL: 'silent',
        }),
        { clock: manualClock(o.now), logger: createLogger('silent'), autoFlush: false },
      )
    if (older) {
      log(`  upgrading the cached ${older} by the migrations`)
      copyFileSync(join(cacheDir, older), file)
      await (await open()).close()
      // A migration that changed since (rather than a new one) is not run again: rebuild derived tables.
      const instance = await DuckDBInstance.create(file)
      const conn = await instance.connect()
      try {
        await rebuildSessionHours(conn)
        await conn.run('CHECKPOINT')
      } finally {
        conn.closeSync()
        instance.closeSync()
      }
      rmSync(join(cacheDir, older))
    } else {
      const deps = await open()
      try {
        for (let i = 0; i < o.sites; i++) await createSite(deps, { site_id: datasetSite(i) })
      } finally {
        await deps.close()
      }
      const instance = await DuckDBInstance.create(file)
      const conn = await instance.connect()
      try {
        await generateRows(conn, o, work, log)
        // Derived tables, built from the events as the migrations build them on an upgrade.
        await rebuildSessionHours(conn)
        await conn.run('CHECKPOINT')
      } finally {
        conn.closeSync()
        instance.closeSync()
      }
    }
    renameSync(file, path)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return { path, built: true, seconds: (performance.now() - t0) / 1000 }
}

/** Copy the cached file to `dest` (each run works on its own copy). */
export function copyDataset(path: string, dest: string): void {
  copyFileSync(path, dest)
}

type Conn = Awaited<ReturnType<DuckDBInstance['connect']>>

async function generateRows(conn: Conn, o: DatasetOptions, work: string, log: (s: string) => void) {
  const span = o.days * 86_400_000
  const start = o.now - span
  const seed = o.seed
  const h = (k: number, of = 'sid') => `(hash(${of}, ${seed}, ${k}) >> 1)::BIGINT`
  const agents = AGENTS.map(([ua]) => parseAgent(ua))
  const agent = weighted(
    AGENTS.map((_, i) => [
      agents[i].browser,
      agents[i].browserVersion,
      agents[i].os,
      agents[i].osVersion,
      agents[i].deviceType,
    ]),
    AGENTS.map(([, w]) => w),
  )
  const bots = weighted(
    BOT_AGENTS.map(([ua, reason]) => {
      const a = parseAgent(ua)
      return [a.browser, a.browserVersion, a.os, a.osVersion, a.deviceType, reason]
    }),
    BOT_AGENTS.map(() => 1),
  )
  // Acquisition by the real rules, on one site's landing URL (the rules only compare hosts).
  const entries = weighted(
    ENTRIES.map(([query, ref]) => {
      const a = acquisitionOf(`https://www.site.example/${query}`, ref)
      return [
        query,
        ref,
        a.source,
        a.utmSource,
        a.utmMedium,
        a.utmCampaign,
        a.utmTerm,
        a.utmContent,
        a.channel,
      ]
    }),
    ENTRIES.map(([, , w]) => w),
  )
  const geo = weighted(
    COUNTRIES.map(([c, r, city]) => [c, r, city]),
    COUNTRIES.map(([, , , w]) => w),
  )
  await conn.run(
    `CREATE TEMP TABLE agent(i, lo, hi, browser, browser_version, os, os_version, device_type) AS ${agent.sql}`,
  )
  await conn.run(
    `CREATE TEMP TABLE bot(i, lo, hi, browser, browser_version, os, os_version, device_type, reason) AS ${bots.sql}`,
  )
  await conn.run(
    `CREATE TEMP TABLE entry(i, lo, hi, query, referrer, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel) AS ${entries.sql}`,
  )
  await conn.run(`CREATE TEMP TABLE geo(i, lo, hi, country, region, city) AS ${geo.sql}`)
  const pagesList = `[${PAGES.map(q).join(', ')}]`
  // Sessions: mean length ≈ 0.38·1 + 0.62·6 = 4.1 events; a few % more than needed, cut exactly below.
  const sessions = Math.ceil((o.events / 4.1) * 1.05) + 100
  const other = o.sites - 1
  const t = performance.now()
  // One row per session: site (half on site 0), start (busier in the daytime), length, visitor (returning
  // visitors: a skewed pick from the site's pool of ~sessions/2.5), kind (8% server-side SDK, 3% bots).
  await conn.run(`CREATE TEMP TABLE gs AS
WITH base AS (
  SELECT sid,
    CASE WHEN ${h(1)} % 2 = 0 THEN 0 ELSE 1 + (${h(1)} // 2) % ${other} END AS s,
    ${h(2)} % ${o.days} AS day,
    ((${h(3)} % 1000000) / 1000000.0) AS u_time,
    CASE WHEN ${h(4)} % 100 < 38 THEN 1 ELSE 2 + (${h(4)} // 100) % 9 END AS len,
    ((${h(5)} % 1000000) / 1000000.0) AS u_visitor,
    ${h(6)} % 100 AS kind,
    ${h(7)} AS ha,
    5000 + ${h(8)} % 115000 AS gap
  FROM range(${sessions}) r(sid)
), sized AS (
  SELECT *, CASE WHEN s = 0 THEN ${Math.ceil(sessions / 2 / 2.5)} ELSE ${Math.ceil(sessions / 2 / other / 2.5)} END AS pool FROM base
)
SELECT sid, s, len, kind, ha, gap,
  least(${start} + day * 86400000 + (86400000 * (0.5 - cos(pi() * u_time) / 2))::BIGINT, ${o.now - 1} - len * (gap + 4000) - 2500) AS t0,
  (pool * u_visitor * u_visitor)::BIGINT AS v,
  sum(len) OVER (ORDER BY sid ROWS UNBOUNDED PRECEDING) AS cum
FROM sized`)
  await conn.run(`CREATE TEMP TABLE gv AS
SELECT gs.*,
  (hash(s, v, ${seed}, 11) >> 1)::BIGINT AS hv,
  md5(concat(${seed}, ':', sid)) AS sh
FROM gs WHERE cum - len < ${o.events}`)
  // Events: one row per (session, i), in arrival order (received_at; ties by session and position).
  await conn.run(`CREATE TEMP TABLE ge AS
WITH ev AS (
  SELECT gv.*, i, (hash(sid, i, ${seed}, 21) >> 1)::BIGINT AS he,
    t0 + i * gap + ((hash(sid, i, ${seed}, 22) >> 1)::BIGINT) % 4000 AS ts
  FROM gv, LATERAL (SELECT unnest(range(len::BIGINT)) AS i)
  WHERE cum - len + i < ${o.events}
), rows AS (
  SELECT ev.*,
    'https://www.' || replace(${q('site_')} || lpad(s::VARCHAR, 2, '0'), '_', '') || '.example' AS origin,
    CASE WHEN i = 0 THEN 'page_view'
         WHEN he % 100 < 60 THEN 'page_view' WHEN he % 100 < 74 THEN 'click' WHEN he % 100 < 85 THEN 'scroll'
         WHEN he % 100 < 92 THEN 'signup' WHEN he % 100 < 96 THEN 'purchase' ELSE 'form_submit' END AS event_type,
    ((he // 100) % 1000000) / 1000000.0 AS u_page
  FROM ev
)
SELECT
  r.s, r.sid, r.i, r.ts, r.kind,
  ${q('site_')} || lpad(r.s::VARCHAR, 2, '0') AS site_id,
  r.event_type,
  substr(r.sh, 1, 8) || '-' || substr(r.sh, 9, 4) || '-4' || substr(r.sh, 14, 3) || '-a' || substr(r.sh, 18, 3) || '-' || substr(r.sh, 21, 12) AS session_id,
  CASE WHEN r.kind >= 3 AND r.hv % 100 < 18 THEN 'user_' || r.s || '_' || r.v END AS user_id,
  CASE WHEN r.event_type IN ('page_view', 'click', 'scroll', 'form_submit') OR r.kind >= 11 THEN
    r.origin || CASE WHEN r.i = 0 AND r.sid % 7 = 0 THEN '/blog/post-' || (r.hv % 300)
      ELSE coalesce(${pagesList}[1 + (20 * r.u_page * r.u_page)::BIGINT], '/docs/page-' || ((r.he // 7) % 200)) END
      || CASE WHEN r.i = 0 THEN e.query ELSE '' END END AS url,
  CASE WHEN r.i = 0 THEN e.referrer ELSE r.origin || '/' END AS referrer,
  CASE WHEN r.kind < 3 THEN b.device_type WHEN r.kind < 11 THEN NULL ELSE a.device_type END AS device_type,
  g.country,
  CASE WHEN r.event_type = 'purchase' THEN '{"plan":"' || (['free', 'pro', 'team'])[1 + r.he % 3] || '","amount":' || (9 + (r.he // 3) % 200) || '}'
       WHEN r.event_type = 'signup' THEN '{"plan":"' || (['free', 'free', 'pro', 'team'])[1 + r.he % 4] || '","method":"' || (['email', 'google', 'github'])[1 + (r.he // 4) % 3] || '"}'
       WHEN r.event_type = 'click' THEN '{"button":"' || (['cta', 'nav', 'footer', 'share'])[1 + r.he % 4] || '"}' END AS properties,
  CASE WHEN r.kind >= 11 THEN md5(concat(r.sh, ':', r.i)) END AS event_id,
  r.ts + (r.he // 1000) % 2500 AS received_at,
  CASE WHEN r.kind < 3 THEN b.browser WHEN r.kind < 11 THEN NULL ELSE a.browser END AS browser,
  CASE WHEN r.kind < 3 THEN b.browser_version WHEN r.kind < 11 THEN NULL ELSE a.browser_version END AS browser_version,
  CASE WHEN r.kind < 3 THEN b.os WHEN r.kind < 11 THEN NULL ELSE a.os END AS os,
  CASE WHEN r.kind < 3 THEN b.os_version WHEN r.kind < 11 THEN NULL ELSE a.os_version END AS os_version,
  CASE WHEN r.kind < 3 THEN b.reason END AS bot_reason,
  g.region, g.city,
  CASE WHEN r.kind < 3 OR r.kind >= 11 THEN 'v_' || substr(replace(replace(to_base64(unhex(md5(concat(${seed}, ':', r.s, ':', r.v, ':', (r.t0 // 86400000))))), '+', '-'), '/', '_'), 1, 22) END AS visitor_id,
  e.source, e.utm_source, e.utm_medium, e.utm_campaign, e.utm_term, e.utm_content, e.channel
FROM rows r
JOIN entry e ON r.ha % ${entries.total} >= e.lo AND r.ha % ${entries.total} < e.hi
JOIN agent a ON r.hv % ${agent.total} >= a.lo AND r.hv % ${agent.total} < a.hi
JOIN bot b ON r.hv % ${bots.total} >= b.lo AND r.hv % ${bots.total} < b.hi
JOIN geo g ON (r.hv // 1000) % ${geo.total} >= g.lo AND (r.hv // 1000) % ${geo.total} < g.hi`)
  log(`  rows generated in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  // event_key: the writer's fingerprint of (site_id, event_id), computed by the same function.
  const t2 = performance.now()
  const keysFile = join(work, 'keys.csv')
  const result = await conn.stream('SELECT sid, i, site_id, event_id FROM ge WHERE event_id IS NOT NULL')
  const out = openSync(keysFile, 'w')
  let count = 0
  try {
    writeSync(out, 'sid,i,k\n')
    for (;;) {
      const chunk = await result.fetchChunk()
      if (!chunk || chunk.rowCount === 0) break
      const lines: string[] = []
      for (const [sid, i, site, id] of chunk.getRows())
        lines.push(`${sid},${i},${eventKey(site as string, id as string)}\n`)
      writeSync(out, lines.join(''))
      count += chunk.rowCount
    }
  } finally {
    closeSync(out)
  }
  log(`  event keys (${count}) in ${((performance.now() - t2) / 1000).toFixed(1)} s`)
  const t3 = performance.now()
  await conn.run('BEGIN TRANSACTION')
  await conn.run(`INSERT INTO events BY NAME
SELECT site_id, event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id,
  received_at, k AS event_key, NULL AS import_id, browser, browser_version, os, os_version, bot_reason,
  region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel,
  0::UBIGINT AS session_key, 0::UBIGINT AS visitor_key, NULL::UBIGINT AS url_key
FROM ge LEFT JOIN read_csv('${keysFile}', header = true, columns = {'sid': 'BIGINT', 'i': 'BIGINT', 'k': 'BIGINT'}) k USING (sid, i)
ORDER BY received_at, sid, i`)
  await conn.run('COMMIT')
  // The stored keys (src/events/keys.ts) are XXH64, computed in JavaScript: DuckDB has none.
  await fillEventKeys(conn, { pendingOnly: true })
  await conn.run('CHECKPOINT')
  log(`  stored in arrival order in ${((performance.now() - t3) / 1000).toFixed(1)} s`)
}
