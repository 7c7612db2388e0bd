-- Stored keys of the events (src/events/keys.ts): the 64-bit keys of the strings that reads count
-- distinct and group by (sessions, visitors, pages), so a read hashes and compares integers instead of
-- strings, and entry/exit pages keep integer states per session. md5_number_lower is the low 64 bits of the
-- MD5 of the text: the same value on every DuckDB version (as in session_hours); NULL text, NULL key. Every
-- writer of events fills them. The table is rebuilt with the rows already stored, their keys computed, in
-- their order: DuckDB cannot add a NOT NULL column, nor set NOT NULL after an UPDATE in one transaction (and
-- the UPDATE of every row was slower, 24 s for 10M events).
CREATE TABLE events_keyed (
  site_id         VARCHAR NOT NULL,
  event_type      VARCHAR NOT NULL,
  ts              BIGINT NOT NULL,
  session_id      VARCHAR NOT NULL,
  user_id         VARCHAR,
  url             VARCHAR,
  referrer        VARCHAR,
  device_type     VARCHAR,
  country         VARCHAR,
  properties      JSON,
  event_id        VARCHAR,
  received_at     BIGINT NOT NULL,
  event_key       BIGINT,
  import_id       VARCHAR,
  browser         VARCHAR,
  browser_version VARCHAR,
  os              VARCHAR,
  os_version      VARCHAR,
  bot_reason      VARCHAR,
  region          VARCHAR,
  city            VARCHAR,
  visitor_id      VARCHAR,
  source          VARCHAR,
  utm_source      VARCHAR,
  utm_medium      VARCHAR,
  utm_campaign    VARCHAR,
  utm_term        VARCHAR,
  utm_content     VARCHAR,
  channel         VARCHAR,
  session_key     UBIGINT NOT NULL,  -- md5_number_lower(session_id)
  visitor_key     UBIGINT NOT NULL,  -- md5_number_lower(coalesce(user_id, visitor_id, session_id))
  url_key         UBIGINT            -- md5_number_lower(url)
);
INSERT INTO events_keyed SELECT *, md5_number_lower(session_id), md5_number_lower(coalesce(user_id, visitor_id, session_id)), md5_number_lower(url) FROM events;
DROP TABLE events;
ALTER TABLE events_keyed RENAME TO events;
