-- Goals, named per site: an event type, or a page-path pattern with `*` wildcards, optionally only with
-- a property value. `page_like` is the pattern as a LIKE pattern (`\` escapes), made when it is saved.
CREATE TABLE goals (
  goal_id        VARCHAR PRIMARY KEY,
  site_id        VARCHAR NOT NULL,
  name           VARCHAR NOT NULL,
  kind           VARCHAR NOT NULL,      -- 'event' | 'page'
  event_type     VARCHAR,               -- kind event
  page_path      VARCHAR,               -- kind page: the pattern as written
  page_like      VARCHAR,               -- kind page: the pattern for LIKE … ESCAPE '\'
  property_key   VARCHAR,
  property_value VARCHAR,
  created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
