-- Site settings for the drop-in endpoints and exclusions: `aliases` are other tools' ids of the site
-- (an Umami website id), `exclusions` the server-side rules (IPs and CIDR ranges, path patterns, the
-- "don't count me" flag) as JSON. Sites made before this have none.
-- The table is rebuilt rather than altered: in DuckDB 1.5, ADD COLUMN on a table with a PRIMARY KEY
-- and rows fails at COMMIT with a spurious duplicate key (found on the upgrade fixture).
CREATE TABLE sites_010 (
  site_id    VARCHAR PRIMARY KEY,
  name       VARCHAR NOT NULL,
  domains    VARCHAR[] NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  aliases    VARCHAR[] DEFAULT [],
  exclusions JSON
);
INSERT INTO sites_010 (site_id, name, domains, created_at) SELECT site_id, name, domains, created_at FROM sites;
DROP TABLE sites;
ALTER TABLE sites_010 RENAME TO sites;
