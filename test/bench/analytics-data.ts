// Benchmark data for the analytics API: N events written straight into DuckDB by one
// `INSERT … SELECT … FROM range(N)` with hash-derived values, stored in (site_id, ts) order (the
// physical order that lets zone maps skip other sites and other days).
import type { Database } from '../../src/db/open'

/** Shape of the generated data. */
export interface BenchDataOptions {
  events: number
  sites: number
  /** End of the data (exclusive), epoch ms. */
  now: number
  days: number
}

const REFERRERS = [
  'https://www.google.com/search',
  'https://news.ycombinator.com/',
  'https://twitter.com/x',
  'https://bing.com/',
  'android-app://com.slack',
]

/** Site id of site number `i`. */
export const benchSite = (i: number) => `site_${String(i).padStart(2, '0')}`

/**
 * Fill the events table. Per site, events are evenly spread over the last `days`; four consecutive
 * events form a session (a third of those blocks are four one-event sessions instead, so bounce rate
 * is not 0); 40% of sessions carry one of 20 000 users; 60% page views; 200 URLs; 30% with a
 * referrer; 25% with properties.
 */
export async function generateBenchEvents(db: Database, o: BenchDataOptions): Promise<void> {
  const per = Math.ceil(o.events / o.sites)
  const span = o.days * 86_400_000
  const start = o.now - span
  const pick = (h: string, xs: string[]) =>
    `CASE ${h} % ${xs.length} ${xs.map((x, i) => `WHEN ${i} THEN '${x}'`).join(' ')} END`
  const sql = `
INSERT INTO events
SELECT
  'site_' || CASE WHEN s < 10 THEN '0' ELSE '' END || s,
  CASE WHEN h % 100 < 60 THEN 'page_view' WHEN h % 100 < 80 THEN 'click' WHEN h % 100 < 90 THEN 'scroll'
       WHEN h % 100 < 96 THEN 'signup' ELSE 'purchase' END,
  ${start} + (j * ${span}) // ${per},
  CASE WHEN hs % 3 = 0 THEN 'b' || s || '_' || j ELSE 's' || s || '_' || (j // 4) END,
  CASE WHEN hs % 10 < 4 THEN 'u' || (hs % 20000) END,
  'https://example.com/p' || (h2 % 200),
  CASE WHEN h2 % 10 < 3 THEN ${pick('h3', REFERRERS)} END,
  ${pick('hs', ['desktop', 'mobile', 'tablet'])},
  ${pick('(hs // 7)', ['US', 'DE', 'GB', 'FR', 'IN', 'BR', 'JP', 'CA', 'NL', 'AU'])},
  CASE WHEN h3 % 4 = 0 THEN '{"plan":"' || ${pick('h', ['free', 'pro', 'team'])} || '","amount":' || (h2 % 100) || '}' END,
  NULL,
  ${start} + (j * ${span}) // ${per}
FROM (
  SELECT i // ${per} AS s, i % ${per} AS j, (hash(i) % 1000000007)::BIGINT AS h,
         (hash(i * 31 + 7) % 1000000007)::BIGINT AS h2, (hash(i * 17 + 3) % 1000000007)::BIGINT AS h3,
         (hash((i // ${per}) * 1000003 + (i % ${per}) // 4) % 1000000007)::BIGINT AS hs
  FROM range(${o.sites * per}) t(i)
)`
  await db.writeLock.run(async () => {
    await db.writer.run(sql)
    await db.writer.run('CHECKPOINT')
  })
}
