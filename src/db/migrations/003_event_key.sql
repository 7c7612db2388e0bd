-- Fingerprint of (site_id, event_id) for retry deduplication, written at ingest (NULL without an
-- event_id), so start-up reloads the last day's fingerprints as one integer column instead of
-- re-hashing strings.
ALTER TABLE events ADD COLUMN event_key BIGINT;
