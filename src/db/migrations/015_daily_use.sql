-- Issue 25 ("a dashboard for daily use"): annotations on the chart, saved segments (named filter sets)
-- and each site's retention. Separate tables, so the sites table (rebuilt by 013) is left alone.
-- Annotations: a note at an instant of a site (a deploy, a campaign), shown on the chart.
CREATE TABLE annotations (
  annotation_id VARCHAR PRIMARY KEY,
  site_id       VARCHAR NOT NULL,
  at_ms         BIGINT NOT NULL,        -- epoch ms
  text          VARCHAR NOT NULL,
  created_by    VARCHAR NOT NULL,       -- the key id, or 'admin'
  created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- Segments: a named set of filters (equalities and conditions, as the stats API takes them) of a site;
-- `private` ones are seen by their creator only, `shared` ones by everyone who may read the site.
CREATE TABLE segments (
  segment_id    VARCHAR PRIMARY KEY,
  site_id       VARCHAR NOT NULL,
  name          VARCHAR NOT NULL,
  filters       VARCHAR NOT NULL,       -- JSON: {"filters": {name: value}, "conditions": [[op, name, [values]]]}
  visibility    VARCHAR NOT NULL,       -- 'private' | 'shared'
  created_by    VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- Retention: events of a site older than `retention_days` days are deleted by the daily prune.
CREATE TABLE site_retention (
  site_id        VARCHAR PRIMARY KEY,
  retention_days INTEGER NOT NULL,
  pruned_at      BIGINT,                -- epoch ms of the last prune
  pruned_events  BIGINT                 -- events deleted by it
);
