-- Derived data off the commit path (issue 28): a flush commits its events and log position, and
-- `session_hours` is brought up to date right after, in its own transaction. Between the two, the flush's
-- transaction leaves here the range of event hours (ts // 3600000) the batch touched; the catch-up deletes
-- it. A row left here (a crash or a failure in the gap) is repaired by rebuilding those hours of
-- session_hours from the events (src/events/session-hours.ts `catchUpHours`): exact, whatever was lost.
CREATE TABLE hours_gap (
  lo BIGINT NOT NULL,
  hi BIGINT NOT NULL
);
