-- Derived table (issue 13): events folded into one row per (site, UTC hour, session, visitor key, and the
-- session-level fields' values) with counts and first/last times; stats over whole hours read it instead
-- of the events. Maintained at ingest and on every deletion of events (src/events/session-hours.ts,
-- whose fragmentsSql is the SELECT below); built here from the events already stored. Keys are the low
-- 64 bits of MD5 of the text (md5_number_lower): the same value on every DuckDB version.
CREATE TABLE session_hours (
  site_id         VARCHAR NOT NULL,
  hour            BIGINT NOT NULL,   -- ts // 3600000
  session_key     UBIGINT NOT NULL,  -- md5_number_lower(session_id)
  visitor_key     UBIGINT NOT NULL,  -- md5_number_lower(coalesce(user_id, visitor_id, session_id))
  user_key        UBIGINT,           -- md5_number_lower(user_id)
  bot_reason      VARCHAR,
  device_type     VARCHAR,
  country         VARCHAR,
  browser         VARCHAR,
  browser_version VARCHAR,
  os              VARCHAR,
  os_version      VARCHAR,
  region          VARCHAR,
  city            VARCHAR,
  source          VARCHAR,
  utm_source      VARCHAR,
  utm_medium      VARCHAR,
  utm_campaign    VARCHAR,
  utm_term        VARCHAR,
  utm_content     VARCHAR,
  channel         VARCHAR,
  events          BIGINT NOT NULL,
  page_views      BIGINT NOT NULL,
  first_ts        BIGINT NOT NULL,
  last_ts         BIGINT NOT NULL,
  compacted       BOOLEAN NOT NULL   -- false: a batch's fragment, merged once its hour has closed
);

INSERT INTO session_hours SELECT site_id, hour, md5_number_lower(session_id) AS session_key, md5_number_lower(v) AS visitor_key, md5_number_lower(user_id) AS user_key, bot_reason, device_type, country, browser, browser_version, os, os_version, region, city, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, events, page_views, first_ts, last_ts, true AS compacted FROM (SELECT site_id, ts // 3600000 AS hour, session_id, coalesce(user_id, visitor_id, session_id) AS v, user_id, bot_reason, device_type, country, browser, browser_version, os, os_version, region, city, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, count(*) AS events, count(*) FILTER (WHERE event_type = 'page_view') AS page_views, min(ts) AS first_ts, max(ts) AS last_ts FROM events GROUP BY ALL) ORDER BY site_id, hour;
