-- Site settings for the drop-in endpoints and exclusions: `aliases` are other tools' ids of the site
-- (an Umami website id), `exclusions` the server-side rules (IPs and CIDR ranges, path patterns, the
-- "don't count me" flag) as JSON. Sites made before this have none.
ALTER TABLE sites ADD COLUMN aliases VARCHAR[] DEFAULT [];
ALTER TABLE sites ADD COLUMN exclusions JSON;
