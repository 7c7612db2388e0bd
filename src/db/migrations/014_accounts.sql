-- Accounts and sharing (issue 21): users with per-site roles, server-side sessions, personal API tokens,
-- invitations, read-only keys, share links and the audit log. Every secret (session id, token, key,
-- invitation and share slug) is stored only as its sha256; passwords only as Argon2id hashes.
-- Times are epoch milliseconds from the injected clock. No UNIQUE on email: the accounts module checks
-- it under the write lock (DuckDB's unique indexes refuse a delete-then-insert of one key in one transaction).
CREATE TABLE users (
  user_id       VARCHAR PRIMARY KEY,
  email         VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  owner         BOOLEAN NOT NULL DEFAULT false,
  created_at    BIGINT NOT NULL
);
CREATE TABLE site_roles (
  user_id VARCHAR NOT NULL,
  site_id VARCHAR NOT NULL,
  role    VARCHAR NOT NULL
);
CREATE TABLE user_sessions (
  session_hash VARCHAR PRIMARY KEY,
  user_id      VARCHAR NOT NULL,
  created_at   BIGINT NOT NULL
);
CREATE TABLE api_tokens (
  token_id   VARCHAR PRIMARY KEY,
  token_hash VARCHAR NOT NULL,
  user_id    VARCHAR NOT NULL,
  name       VARCHAR NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE TABLE invitations (
  invite_id  VARCHAR PRIMARY KEY,
  token_hash VARCHAR NOT NULL,
  email      VARCHAR NOT NULL,
  site_id    VARCHAR,
  role       VARCHAR,
  owner      BOOLEAN NOT NULL DEFAULT false,
  created_by VARCHAR NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);
CREATE TABLE read_keys (
  key_id         VARCHAR PRIMARY KEY,
  key_hash       VARCHAR NOT NULL,
  site_id        VARCHAR NOT NULL,
  name           VARCHAR NOT NULL,
  locked_filters JSON,
  min_visitors   INTEGER,
  created_at     BIGINT NOT NULL,
  expires_at     BIGINT
);
CREATE TABLE share_links (
  link_id         VARCHAR PRIMARY KEY,
  slug_hash       VARCHAR NOT NULL,
  site_id         VARCHAR NOT NULL,
  name            VARCHAR NOT NULL,
  password_hash   VARCHAR,
  locked_filters  JSON,
  min_visitors    INTEGER,
  embed_origins   VARCHAR[],
  created_by      VARCHAR NOT NULL,
  created_at      BIGINT NOT NULL,
  expires_at      BIGINT,
  revoked_at      BIGINT
);
CREATE TABLE audit_log (
  at_ms   BIGINT NOT NULL,
  actor   VARCHAR NOT NULL,
  action  VARCHAR NOT NULL,
  site_id VARCHAR,
  target  VARCHAR,
  address VARCHAR,
  outcome VARCHAR NOT NULL
);
