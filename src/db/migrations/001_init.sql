-- Sites, their API keys, and the events table.
CREATE TABLE sites (
  site_id    VARCHAR PRIMARY KEY,
  name       VARCHAR NOT NULL,
  domains    VARCHAR[] NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE api_keys (
  key_id     VARCHAR PRIMARY KEY,
  site_id    VARCHAR NOT NULL,
  kind       VARCHAR NOT NULL,      -- 'public' | 'secret'
  key_hash   VARCHAR NOT NULL,      -- sha256 hex of the key; the key itself is never stored
  key_prefix VARCHAR NOT NULL,      -- first characters, to tell keys apart in listings
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  revoked_at TIMESTAMP
);

-- No primary key or unique index on the hot table: appends stay fast and checkpoints safe.
CREATE TABLE events (
  site_id     VARCHAR NOT NULL,
  event_type  VARCHAR NOT NULL,
  ts          BIGINT NOT NULL,      -- event time, epoch milliseconds (the API's `timestamp`)
  session_id  VARCHAR NOT NULL,
  user_id     VARCHAR,
  url         VARCHAR,
  referrer    VARCHAR,
  device_type VARCHAR,
  country     VARCHAR,
  properties  JSON,
  event_id    VARCHAR,
  received_at BIGINT NOT NULL       -- server receive time, epoch milliseconds
);
