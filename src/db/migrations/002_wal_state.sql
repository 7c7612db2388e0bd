-- How far the write-ahead log has been applied to `events`; updated in the same transaction as each flush.
CREATE TABLE wal_state (
  id          INTEGER PRIMARY KEY,
  applied_seq BIGINT NOT NULL
);
INSERT INTO wal_state VALUES (1, 0);
