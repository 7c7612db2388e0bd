-- Reports and alerts (src/reports/): webhooks, digests, alert rules, and the deliveries they send. A
-- delivery is a row before anything is sent: `run_key` names what it delivers (a digest's period, an
-- alert's transition), so a second claim of the same run is refused and a restart neither skips nor
-- repeats a send. Each attempt is a row of `delivery_attempts`.
CREATE TABLE webhooks (
  webhook_id VARCHAR PRIMARY KEY,
  site_id    VARCHAR NOT NULL,
  url        VARCHAR NOT NULL,
  format     VARCHAR NOT NULL,      -- 'json' | 'slack' | 'discord'
  secret     VARCHAR NOT NULL,      -- HMAC-SHA256 key of the signature header; shown once
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE digests (
  digest_id       VARCHAR PRIMARY KEY,
  site_id         VARCHAR NOT NULL,
  email           VARCHAR NOT NULL,
  frequency       VARCHAR NOT NULL,  -- 'daily' | 'weekly' | 'monthly'
  hour            INTEGER NOT NULL,  -- local hour of the send, 0-23
  timezone        VARCHAR NOT NULL,
  last_period     VARCHAR,           -- start date (local) of the last period claimed for sending
  unsubscribed_at TIMESTAMP,
  created_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE alert_rules (
  rule_id          VARCHAR PRIMARY KEY,
  site_id          VARCHAR NOT NULL,
  kind             VARCHAR NOT NULL, -- 'spike' | 'drop' | 'goal'
  window_minutes   INTEGER NOT NULL,
  threshold        DOUBLE NOT NULL,  -- spike: visitors above; drop: fraction of last week; goal: floor
  goal             VARCHAR,          -- kind goal: the goal's name
  webhook_id       VARCHAR,          -- where it goes: a webhook, or
  email            VARCHAR,          -- an address
  quiet_minutes    INTEGER NOT NULL,
  firing           BOOLEAN NOT NULL DEFAULT false,
  transitions      INTEGER NOT NULL DEFAULT 0,
  last_alert_at    BIGINT,           -- epoch ms of the last alert sent
  last_checked_at  BIGINT,
  last_value       DOUBLE,
  created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE deliveries (
  delivery_id     VARCHAR PRIMARY KEY,
  run_key         VARCHAR NOT NULL UNIQUE,
  site_id         VARCHAR NOT NULL,
  source          VARCHAR NOT NULL,  -- 'digest' | 'alert' | 'test'
  channel         VARCHAR NOT NULL,  -- 'email' | 'webhook'
  target          VARCHAR NOT NULL,  -- the address or the webhook id (never a secret)
  payload         JSON NOT NULL,     -- the rendered message: every attempt sends the same
  status          VARCHAR NOT NULL,  -- 'pending' | 'sending' | 'sent' | 'failed'
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error      VARCHAR,
  created_at      BIGINT NOT NULL,
  sent_at         BIGINT
);

CREATE TABLE delivery_attempts (
  delivery_id VARCHAR NOT NULL,
  attempt     INTEGER NOT NULL,
  started_at  BIGINT NOT NULL,
  ok          BOOLEAN NOT NULL,
  error       VARCHAR,
  duration_ms INTEGER NOT NULL
);

-- Server-wide values of the reports module: the key that signs unsubscribe links.
CREATE TABLE report_settings (
  name  VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
