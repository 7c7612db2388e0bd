-- The daily salts of cookieless visitor ids: one random salt per UTC day, deleted after 48 hours so
-- an old visitor id can never be derived again.
CREATE TABLE visitor_salts (
  day VARCHAR NOT NULL,
  salt VARCHAR NOT NULL,
  created_at BIGINT NOT NULL
);
