-- Imports: each imported event carries the id of its import (NULL for live events), and `imports`
-- records every import run so one can be listed and deleted.
ALTER TABLE events ADD COLUMN import_id VARCHAR;
CREATE TABLE imports (
  import_id   VARCHAR PRIMARY KEY,
  source      VARCHAR NOT NULL,     -- pulse | umami | ga4 | combined | caddy
  site_id     VARCHAR NOT NULL,
  file_name   VARCHAR NOT NULL,
  imported    BIGINT NOT NULL DEFAULT 0,
  skipped     BIGINT NOT NULL DEFAULT 0, -- duplicates: already stored, or seen earlier in the file
  invalid     BIGINT NOT NULL DEFAULT 0,
  ignored     BIGINT NOT NULL DEFAULT 0, -- lines that are not events by design (headers, bots, static files)
  started_at  TIMESTAMP NOT NULL,
  finished_at TIMESTAMP
);
