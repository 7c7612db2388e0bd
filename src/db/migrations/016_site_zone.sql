-- Issue 25: each site's time zone, the default of every read that names none (the dashboard uses it too).
-- Stored times never change with it: it only decides how periods and buckets are cut. A table of its own
-- rather than a column of `sites` (ADD COLUMN on a table with a PRIMARY KEY and rows fails at COMMIT in
-- DuckDB 1.5, see 013); a site without a row is in UTC.
CREATE TABLE site_zones (
  site_id  VARCHAR PRIMARY KEY,
  timezone VARCHAR NOT NULL
);
