// The analytics benchmark's queries: what one dashboard view asks for 30 days (src/dashboard/client/
// queries.ts: headline, series, lists, tabs, property keys and a property's values, realtime, retention,
// funnel) and the six queries of issue 13, each as an HTTP request to the app and as a hand-written
// DuckDB SQL reference over the events table (the straightforward query, no derived tables).
import type { Database } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'

/** One benchmarked query; `issue` marks the six queries of issue 13. */
export interface BenchQuery {
  name: string
  issue?: boolean
  request(): Request
  direct(): Promise<unknown>
}

/** Where the queries run. */
export interface BenchTarget {
  db: Database
  siteId: string
  /** Bearer token allowed to read the site (the admin token or the site's secret key). */
  token: string
  now: number
}

const DAY = 86_400_000
const FUNNEL_STEPS = [{ event_type: 'page_view' }, { event_type: 'signup' }, { event_type: 'purchase' }]
const VISITOR = 'coalesce(user_id, visitor_id, session_id)'
const REFERRER_DOMAIN =
  "nullif(regexp_extract(lower(referrer), '^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?(?:www\\.)?([^:/?#]*)', 1), '')"

/** The queries of one 30-day dashboard view and of issue 13, on `t.siteId`. */
export function benchQueries(t: BenchTarget): BenchQuery[] {
  const from30 = t.now - 30 * DAY
  const from7 = t.now - 7 * DAY
  const sql =
    (text: string, from = from30) =>
    () =>
      queryRows(t.db.reader, text, [t.siteId, BigInt(from), BigInt(t.now)])
  const WHERE = 'site_id = $1 AND ts >= $2 AND ts < $3 AND bot_reason IS NULL'
  const headers = { authorization: `Bearer ${t.token}` }
  const get = (path: string, q: Record<string, string>) => () =>
    new Request(`http://localhost/api/v1${path}?${new URLSearchParams({ site_id: t.siteId, ...q })}`, {
      headers,
    })
  const post = (path: string, body: unknown) => () =>
    new Request(`http://localhost/api/v1${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const SESSIONS = `SELECT session_id, count(*) AS n, count(*) FILTER (WHERE event_type = 'page_view') AS pv, min(ts) AS a, max(ts) AS b FROM events WHERE ${WHERE} GROUP BY session_id`
  const breakdown = (dimension: string, metric: 'visitors' | 'event_count', expr: string, limit = 10) => ({
    name: `breakdown ${dimension} by ${metric}`,
    request: get('/stats/breakdown', { period: '30d', dimension, metric, limit: String(limit) }),
    direct: sql(
      `SELECT ${expr} AS k, ${metric === 'visitors' ? `count(DISTINCT ${VISITOR})` : 'count(*)'} AS v FROM events WHERE ${WHERE} GROUP BY k ORDER BY v DESC, k NULLS LAST LIMIT ${limit}`,
    ),
  })
  const headline = ['visitors', 'unique_sessions', 'page_views', 'bounce_rate', 'avg_session_duration']
  return [
    {
      name: 'headline 5 metrics',
      request: get('/stats', { period: '30d', metrics: headline.join(',') }),
      direct: sql(
        `SELECT * FROM (SELECT count(DISTINCT ${VISITOR}) AS visitors, count(*) FILTER (WHERE event_type = 'page_view') AS page_views FROM events WHERE ${WHERE}) CROSS JOIN (SELECT count(*) AS sessions, count(*) FILTER (WHERE n = 1 AND pv = 1) AS bounces, avg(b - a) AS duration FROM (${SESSIONS}))`,
      ),
    },
    {
      name: 'headline + compare',
      request: get('/stats', { period: '30d', metrics: headline.join(','), compare: 'previous_period' }),
      direct: async () => {
        await sql(
          `SELECT * FROM (SELECT count(DISTINCT ${VISITOR}) AS visitors, count(*) FILTER (WHERE event_type = 'page_view') AS page_views FROM events WHERE ${WHERE}) CROSS JOIN (SELECT count(*) AS sessions, count(*) FILTER (WHERE n = 1 AND pv = 1) AS bounces, avg(b - a) AS duration FROM (${SESSIONS}))`,
        )()
        await queryRows(
          t.db.reader,
          `SELECT * FROM (SELECT count(DISTINCT ${VISITOR}) AS visitors, count(*) FILTER (WHERE event_type = 'page_view') AS page_views FROM events WHERE ${WHERE}) CROSS JOIN (SELECT count(*) AS sessions, count(*) FILTER (WHERE n = 1 AND pv = 1) AS bounces, avg(b - a) AS duration FROM (${SESSIONS}))`,
          [t.siteId, BigInt(from30 - 30 * DAY), BigInt(from30)],
        )
      },
    },
    {
      name: 'series visitors daily',
      request: get('/stats/timeseries', { period: '30d', metric: 'visitors', interval: 'day' }),
      direct: sql(
        `SELECT ts // ${DAY} AS d, count(DISTINCT ${VISITOR}) FROM events WHERE ${WHERE} GROUP BY d`,
      ),
    },
    {
      name: 'series page_views daily',
      request: get('/stats/timeseries', { period: '30d', metric: 'page_views', interval: 'day' }),
      direct: sql(
        `SELECT ts // ${DAY} AS d, count(*) FILTER (WHERE event_type = 'page_view') FROM events WHERE ${WHERE} GROUP BY d`,
      ),
    },
    { ...breakdown('url', 'visitors', 'url'), issue: true, name: 'top pages by visitors' },
    breakdown('referrer_domain', 'visitors', REFERRER_DOMAIN),
    breakdown('event_type', 'event_count', 'event_type'),
    {
      name: 'events newest 500 (property keys)',
      request: get('/events', { period: '30d', limit: '500' }),
      direct: sql(`SELECT * FROM events WHERE ${WHERE} ORDER BY ts DESC LIMIT 500`),
    },
    {
      ...breakdown('property:plan', 'event_count', "json_extract_string(properties, '$.plan')", 11),
      issue: true,
      name: 'breakdown by a property',
    },
    ...(['entry_page', 'exit_page'] as const).map((dimension) => ({
      name: `breakdown ${dimension} by visitors`,
      request: get('/stats/breakdown', { period: '30d', dimension, metric: 'visitors', limit: '10' }),
      direct: sql(
        // A window (its sort spills to disk) rather than arg_min over (ts, url) strings, whose per-session
        // hash states do not spill: DuckDB's Out of Memory at the server's 512 MB limit.
        `WITH s AS (SELECT session_id AS sid, url AS page FROM (SELECT session_id, url, row_number() OVER (PARTITION BY session_id ORDER BY ${dimension === 'entry_page' ? 'ts ASC, url ASC' : 'ts DESC, url DESC'}) AS rn FROM events WHERE ${WHERE} AND event_type = 'page_view' AND url IS NOT NULL) WHERE rn = 1) SELECT page AS k, count(DISTINCT ${VISITOR}) AS v FROM events JOIN s ON session_id = sid WHERE ${WHERE} GROUP BY k ORDER BY v DESC, k NULLS LAST LIMIT 10`,
      ),
    })),
    {
      name: 'goals: conversions by goal',
      request: get('/stats/breakdown', {
        period: '30d',
        dimension: 'goal',
        metric: 'conversions',
        limit: '10',
      }),
      direct: sql(
        `SELECT count(DISTINCT ${VISITOR}) FILTER (WHERE event_type = 'signup'), count(DISTINCT ${VISITOR}) FILTER (WHERE event_type = 'page_view' AND url LIKE '%/docs%'), count(DISTINCT ${VISITOR}) FILTER (WHERE event_type = 'purchase' AND json_extract_string(properties, '$.plan') = 'pro') FROM events WHERE ${WHERE}`,
      ),
    },
    {
      name: 'goals: conversion rate, any goal',
      request: get('/stats', { period: '30d', metrics: 'conversions,conversion_rate' }),
      direct: sql(
        `SELECT count(DISTINCT ${VISITOR}) FILTER (WHERE event_type IN ('signup', 'purchase') OR (event_type = 'page_view' AND url LIKE '%/docs%')), count(DISTINCT ${VISITOR}) FROM events WHERE ${WHERE}`,
      ),
    },
    breakdown('source', 'visitors', 'source'),
    breakdown('channel', 'visitors', 'channel'),
    breakdown('utm_campaign', 'visitors', 'utm_campaign'),
    breakdown('browser', 'visitors', 'browser'),
    breakdown('os', 'visitors', 'os'),
    breakdown('device_type', 'visitors', 'device_type'),
    breakdown('country', 'visitors', 'country'),
    {
      name: 'realtime',
      request: get('/stats/realtime', { limit: '5' }),
      direct: sql(
        `SELECT count(DISTINCT ${VISITOR}), count(DISTINCT session_id), count(*) FROM events WHERE ${WHERE}`,
        t.now - 5 * 60_000,
      ),
    },
    {
      name: 'weekly retention',
      issue: true,
      request: get('/retention', { period: '30d', interval: 'week' }),
      direct: sql(
        `WITH a AS (SELECT DISTINCT ${VISITOR} AS v, (ts - $2) // ${7 * DAY} AS w FROM events WHERE ${WHERE}), f AS (SELECT v, min(w) AS c FROM a GROUP BY v) SELECT c, w, count(*) FROM a JOIN f USING (v) GROUP BY c, w`,
      ),
    },
    {
      name: 'daily retention',
      request: get('/retention', { period: '30d', interval: 'day' }),
      direct: sql(
        `WITH a AS (SELECT DISTINCT ${VISITOR} AS v, (ts - $2) // ${DAY} AS w FROM events WHERE ${WHERE}), f AS (SELECT v, min(w) AS c FROM a GROUP BY v) SELECT c, w, count(*) FROM a JOIN f USING (v) GROUP BY c, w`,
      ),
    },
    {
      name: 'bounce rate + duration',
      issue: true,
      request: get('/stats', { period: '30d', metrics: 'bounce_rate,avg_session_duration' }),
      direct: sql(
        `SELECT count(*) FILTER (WHERE n = 1 AND pv = 1) / count(*) FILTER (WHERE pv > 0), avg(b - a) FROM (${SESSIONS})`,
      ),
    },
    {
      name: '3-step funnel',
      issue: true,
      request: post('/funnels', { site_id: t.siteId, period: '30d', steps: FUNNEL_STEPS }),
      direct: sql(
        `WITH s1 AS (SELECT session_id, min(ts) AS t FROM events WHERE ${WHERE} AND event_type = 'page_view' GROUP BY 1), s2 AS (SELECT e.session_id, min(e.ts) AS t FROM events e JOIN s1 USING (session_id) WHERE ${WHERE} AND event_type = 'signup' AND e.ts > s1.t GROUP BY 1), s3 AS (SELECT e.session_id, min(e.ts) AS t FROM events e JOIN s2 USING (session_id) WHERE ${WHERE} AND event_type = 'purchase' AND e.ts > s2.t GROUP BY 1) SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3)`,
      ),
    },
    {
      name: 'hourly visitors over 7 days',
      issue: true,
      request: get('/stats/timeseries', { period: '7d', metric: 'visitors', interval: 'hour' }),
      direct: sql(
        `SELECT ts // 3600000 AS h, count(DISTINCT ${VISITOR}) FROM events WHERE ${WHERE} GROUP BY h`,
        from7,
      ),
    },
  ]
}
