-- Fields filled at ingest by enrichment (issue 11): browser and system, bot reason, region and city,
-- the cookieless visitor id, and acquisition (source, UTM, channel). Nullable: older rows lack them.
ALTER TABLE events ADD COLUMN browser VARCHAR;
ALTER TABLE events ADD COLUMN browser_version VARCHAR;
ALTER TABLE events ADD COLUMN os VARCHAR;
ALTER TABLE events ADD COLUMN os_version VARCHAR;
ALTER TABLE events ADD COLUMN bot_reason VARCHAR;
ALTER TABLE events ADD COLUMN region VARCHAR;
ALTER TABLE events ADD COLUMN city VARCHAR;
ALTER TABLE events ADD COLUMN visitor_id VARCHAR;
ALTER TABLE events ADD COLUMN source VARCHAR;
ALTER TABLE events ADD COLUMN utm_source VARCHAR;
ALTER TABLE events ADD COLUMN utm_medium VARCHAR;
ALTER TABLE events ADD COLUMN utm_campaign VARCHAR;
ALTER TABLE events ADD COLUMN utm_term VARCHAR;
ALTER TABLE events ADD COLUMN utm_content VARCHAR;
ALTER TABLE events ADD COLUMN channel VARCHAR;
