// GENERATED from the server's /openapi/json by src/binary/generate-sdk-types.ts: do not edit.
// Regenerate with `bun src/binary/generate-sdk-types.ts`; test/sdk/openapi-drift.test.ts checks it.
export interface paths {
    "/api/event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a Plausible event
         * @description Plausible's Events API, for sites and servers tagged for Plausible: change the host name only. The body is Plausible's payload (long or short keys; JSON sent as `application/json` or `text/plain`); the site is the one whose `domains` list the payload's `domain`. The visitor is the request's User-Agent and X-Forwarded-For (its first address; without trusted proxies configured). `pageview` is stored as `page_view`; `props` as properties; `revenue` as the properties `revenue` and `currency`. Answers 202 `ok` like Plausible. Its npm tracker's `engagement` pings are accepted and not stored. Unlike Plausible, which answers 202 and drops silently, an unknown domain is refused with 404 and counted in the admin /health (`compat:unknown_domain`); a payload that is not valid is a 400 with PULSE's error envelope. Events matching the site's exclusions are dropped (still 202) and counted. No key: a site is as open as its domains.
         */
        post: operations["sendPlausibleEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an Umami event
         * @description Umami's collect endpoint, for sites and apps tagged for Umami: change the host name only. The site is the one whose `aliases` hold the payload's `website` id. An event without `name` is a page view; `data` becomes the properties; a path URL is stored behind `https://<hostname>`. `identify` is accepted and stores nothing. Answers 200 `{}`. An unknown website id is refused with 404 and counted in the admin /health (`compat:unknown_website`); an invalid payload is a 400 with PULSE's error envelope. Events matching the site's exclusions are dropped (still 200) and counted. No key.
         */
        post: operations["sendUmamiEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Checks the current password (rate-limited with sign-in: 429), sets the new one and ends every session of the account, on every device; a cookie caller gets a fresh session. Personal API tokens stay until revoked.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your personal API tokens */
        get: operations["listPersonalTokens"];
        put?: never;
        /**
         * Create a personal API token
         * @description The token carries your roles; it is shown once.
         */
        post: operations["createPersonalToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal API token */
        delete: operations["revokePersonalToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Every user with their roles (the owner or the admin token).
         */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Deletes the user with their roles, sessions and personal tokens.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{user_id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a user's sessions
         * @description Every session of the user ends at once (their personal tokens stay).
         */
        delete: operations["endAccountSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an online backup
         * @description A consistent copy of the whole database (a DuckDB file) taken while ingest continues: it holds every event acknowledged before the request, and events acknowledged during the backup stay stored in the live database. Restore it with `pulse restore FILE` into an empty data directory.
         */
        get: operations["downloadBackup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List imports
         * @description Every import, newest first, with its counts.
         */
        get: operations["listImports"];
        put?: never;
        /**
         * Import events from a file
         * @description The body is the file as text (at most PULSE_MAX_BODY_BYTES + 1 MiB, the server's request limit; `pulse import` sends larger files in parts, each with the first part's `import_id` and its byte `offset`). Every line goes through the validation and enrichment of live events (with the line's own address, User-Agent and time), without the age limit; a line that is not UTF-8 or holds control bytes is counted invalid with its number, and reasons counts every line that did not become a person's page view; events already stored (same site and event id, derived from the source row) are skipped, so importing a file again stores nothing twice. Stored events carry the import's id. See the README, "Importing", for each source's mapping.
         */
        post: operations["createImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/imports/{import_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an import
         * @description Deletes every event the import stored, and its record.
         */
        delete: operations["deleteImport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/token/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the admin token
         * @description Replaces the admin token kept in the data directory (`admin-token`) and returns the new one; the old token is refused from now on. 409 when the token comes from `PULSE_ADMIN_TOKEN`.
         */
        post: operations["rotateAdminToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log
         * @description Every entry (sign-ins and failures too), newest first; kept 180 days.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Checks the email and password and starts a server-side session: the `pulse_session` cookie (HttpOnly, SameSite=Lax, Secure behind TLS). Rate-limited per account and per address (429).
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session: its cookie stops working at once.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List raw events
         * @description The site's events, newest first (by timestamp), `limit` per page (default 100, at most 1000). Pass `next_cursor` back as `cursor` for the next page; it is null on the last page. Without `period` (or `from`/`to`) every stored event of the site is included; otherwise the period, `timezone` and the filters (`event_type`, `url`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `property.<key>`; exact match, empty = missing) work as for /api/v1/stats. Needs the site secret key (or the admin token); every event acknowledged before the call is included.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream events live
         * @description Server-Sent Events: `event: ready` once subscribed, then one `event: event` per accepted event of the site (data: the event as GET /api/v1/events returns it), sent the moment ingest acknowledges it. The filters of /api/v1/events apply (`event_type`, `url`, …, `property.<key>`; exact match, empty = missing). A client that reads too slowly (over 256 events behind) gets `event: dropped` (data `{"reason":"slow"}`, or `shutdown` when the server stops) and the stream ends; reconnect. At most a few streams per key at once (429 beyond). Needs the site secret key or the admin token.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export raw events
         * @description Streams the events, oldest first, as a file download: `format=ndjson` (one JSON event per line, fields as in /api/v1/events), `csv` (RFC 4180 with a header row; properties as JSON text; null as empty) or `parquet`. Without `period` (or `from`/`to`) every stored event of the site is included; otherwise the period, `timezone` and the filters (`event_type`, `url`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `property.<key>`; exact match, empty = missing) work as for /api/v1/stats. Needs the site secret key (or the admin token); every event acknowledged before the call is included.
         */
        get: operations["exportEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/funnels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a funnel
         * @description How many sessions reached each step (2 to 10 `{event_type, url?}`) in order within the period: a session reaches step 1 at its first matching event, and step k at its first matching event strictly later than the time it reached step k-1. `conversion_rate` is the percent of step-1 sessions; `drop_off` the sessions of the previous step that did not reach this one. Filters (in `filters`) apply to every step. Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        post: operations["getFunnel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite someone
         * @description A one-time link with an expiry for an email and a role on a site (site admins) or as an owner (the owner). Opening it lets the person set a password. The link is answered for you to pass on; with `send_email` and SMTP configured it is also mailed (`emailed`, or `email_error` saying why not).
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open an invitation */
        get: operations["getInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Sets the password, creates the account with the role and signs in. The link works once.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the overview of all sites
         * @description Every site the caller may read (the admin token and owners: all sites; a signed-in user or personal token: the sites it has a role on), oldest first, with its distinct visitors and page views in the period (bots left out, as in /api/v1/stats) and a visitors sparkline: one point per hour up to 3 days, per day up to 93 days, per week beyond. One query over all sites.
         */
        get: operations["getOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get visitor retention by cohort
         * @description Visitors (coalesce(user_id, visitor_id, session_id), as the `visitors` metric) are grouped into cohorts by the `interval` (day, or week from Monday, in `timezone`) of their first selected event in the period; `counts[k]` is how many of a cohort had an event k intervals later (k = 0 is the cohort itself), up to the end of the period, and `rates[k]` that as a percent of the cohort. Every interval of the period is listed, empty ones with 0. Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        get: operations["getRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first-run setup is open */
        get: operations["getSetupState"];
        put?: never;
        /**
         * Create the first owner
         * @description First-run setup: creates the instance owner. Needs the admin token; refused once any user exists.
         */
        post: operations["createOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/share/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open a share link
         * @description What the link shows; 404 unknown, 410 revoked or expired.
         */
        get: operations["getSharedView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/share/{slug}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a password-protected share link
         * @description Checks the password (rate-limited per link and per address: 429) and returns an access token for an hour.
         */
        post: operations["unlockShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sites */
        get: operations["listSites"];
        put?: never;
        /**
         * Create a site
         * @description Creates a site with a public key (for web pages) and a secret key (for servers and stats). The keys are shown only in this response.
         */
        post: operations["createSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a site */
        get: operations["getSite"];
        put?: never;
        post?: never;
        /**
         * Delete a site
         * @description Deletes the site, its keys, its goals and all its events.
         */
        delete: operations["deleteSite"];
        options?: never;
        head?: never;
        /**
         * Change a site
         * @description Changes a site's name, domains, aliases (other tools' ids, such as an Umami website id), server-side exclusion rules, time zone or retention; fields left out are kept. An alias another site has is refused with 409. A new time zone changes how later reads cut periods and buckets, never the stored times; a shorter retention takes effect at the next daily prune.
         */
        patch: operations["updateSite"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List alert rules
         * @description The site’s alert rules with their state, oldest first.
         */
        get: operations["listAlerts"];
        put?: never;
        /**
         * Create an alert rule
         * @description Checked about once a minute through the stats API. An alert is sent when the condition starts to hold, unless one was sent within `quiet_minutes`; a recovery message when it stops. Send to a webhook of the site (`webhook_id`) or an address (`email`): exactly one.
         */
        post: operations["createAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/alerts/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an alert rule
         * @description Deletes the rule; deliveries already queued still go.
         */
        delete: operations["deleteAlert"];
        options?: never;
        head?: never;
        /**
         * Change an alert rule
         * @description Threshold, window, goal, quiet period or destination; the kind and the firing state stay.
         */
        patch: operations["updateAlert"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/alerts/{rule_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test of an alert rule
         * @description Queues what the rule would send now (marked as a test) to its webhook or address, on the next scheduler pass; the rule’s state is unchanged. The outcome is in the deliveries log.
         */
        post: operations["testAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the annotations of a site
         * @description Oldest first, optionally only `from` <= at < `to`. Who may call it: see the permission table (docs/access.md).
         */
        get: operations["listAnnotations"];
        put?: never;
        /**
         * Create an annotation
         * @description A note at an instant (default now), shown as a marker on the dashboard chart with its text on hover. Who may call it: see the permission table (docs/access.md).
         */
        post: operations["createAnnotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/annotations/{annotation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an annotation
         * @description Deletes the annotation. Who may call it: see the permission table (docs/access.md).
         */
        delete: operations["deleteAnnotation"];
        options?: never;
        head?: never;
        /**
         * Update an annotation
         * @description Changes the text and/or the time sent. Who may call it: see the permission table (docs/access.md).
         */
        patch: operations["updateAnnotation"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A site's audit log
         * @description Key, link, role and member changes, erasures and exports of the site, newest first.
         */
        get: operations["getSiteAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description The site’s last 100 emails and webhook calls, newest first, with their status, attempts and last error.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List email digests
         * @description The site’s digests, oldest first.
         */
        get: operations["listDigests"];
        put?: never;
        /**
         * Create an email digest
         * @description Sends the previous day, week (Monday to Monday) or month of the site at `hour` local time in `timezone`, with the figures of the stats API: visitors, page views, bounce rate, visit duration and conversions with their change on the previous period, conversions per goal, top pages, sources and countries, and a chart. The first send is of the first period ending after now. Each email carries a signed unsubscribe link and `List-Unsubscribe` headers.
         */
        post: operations["createDigest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/digests/{digest_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an email digest
         * @description Nothing more is sent; deliveries already queued still go.
         */
        delete: operations["deleteDigest"];
        options?: never;
        head?: never;
        /**
         * Change an email digest
         * @description A new address (subscribed again) or schedule (the next send is of the first period ending after now).
         */
        patch: operations["updateDigest"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/digests/{digest_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview a digest
         * @description The HTML part of the digest of its latest whole period, as it would be sent now.
         */
        get: operations["previewDigest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/digests/{digest_id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a digest now
         * @description Queues the digest of its latest whole period for the next scheduler pass (a test send: the schedule is unchanged).
         */
        post: operations["sendDigest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the goals of a site
         * @description Oldest first. A goal is an event type (`kind: event`) or a page-path pattern with `*` wildcards (`kind: page`, matched against the path of page views), optionally only with a property value. The stats API counts `conversions` and `conversion_rate` per goal (`goal` filter and breakdown dimension).
         */
        get: operations["listGoals"];
        put?: never;
        /**
         * Create a goal
         * @description A goal is an event type (`kind: event`) or a page-path pattern with `*` wildcards (`kind: page`, matched against the path of page views), optionally only with a property value. The stats API counts `conversions` and `conversion_rate` per goal (`goal` filter and breakdown dimension). An event goal needs `event_type`, a page goal `page_path` (starting with /); `property_key` and `property_value` go together. A name the site already uses is a 409.
         */
        post: operations["createGoal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/goals/{goal_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a goal
         * @description Deletes the goal; the events that completed it stay.
         */
        delete: operations["deleteGoal"];
        options?: never;
        head?: never;
        /**
         * Update a goal
         * @description Changes the fields sent (null clears an optional one); switching `kind` drops the other kind’s field. The result is checked as a new goal would be.
         */
        patch: operations["updateGoal"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the keys of a site */
        get: operations["listKeys"];
        put?: never;
        /** Create a key for a site */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key */
        delete: operations["revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of a site */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a member's role on a site */
        put: operations["setMemberRole"];
        post?: never;
        /** Remove a member from a site */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/read-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the read-only keys of a site */
        get: operations["listReadKeys"];
        put?: never;
        /**
         * Create a read-only key
         * @description A key (`rk_…`) that reads the stats and raw events of this site and nothing else: it never sends, exports or erases. A locked filter is applied to every read and cannot be removed; with `min_visitors` small rows fold into "(other)", narrow views and raw events are refused. The key is shown once.
         */
        post: operations["createReadKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/read-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a read-only key
         * @description It stops working at once.
         */
        delete: operations["revokeReadKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the saved segments of a site
         * @description The shared segments and the caller’s private ones, by name. Apply one to any read with `segment=<segment_id>`. Who may call it: see the permission table (docs/access.md).
         */
        get: operations["listSegments"];
        put?: never;
        /**
         * Save a segment
         * @description A named set of filters (`filters`: equalities, `conditions`: operators and value lists, both as the stats API takes them), `private` (default) or `shared`. The filters are checked as a read would check them (422 naming the bad one). Who may call it: see the permission table (docs/access.md).
         */
        post: operations["createSegment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/segments/{segment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a segment
         * @description Only the key that saved it, or the admin token. Who may call it: see the permission table (docs/access.md).
         */
        delete: operations["deleteSegment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the share links of a site */
        get: operations["listShareLinks"];
        put?: never;
        /**
         * Create a share link
         * @description A read-only dashboard of this site at an unguessable URL, optionally with a password, an expiry, a locked filter, a minimum count, and origins allowed to embed it in an <iframe> (not with a password). The URL is shown once.
         */
        post: operations["createShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/share-links/{link_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a share link
         * @description It answers 410 from now on.
         */
        delete: operations["revokeShareLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description The site’s webhooks, oldest first (secrets are shown only at creation).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Alerts (and test sends) are POSTed here as JSON, signed: `X-Pulse-Timestamp` (epoch seconds) and `X-Pulse-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>`; `X-Pulse-Delivery` names the delivery (the same on every retry). The secret is in this answer only.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sites/{site_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Alert rules that send to it fail their deliveries until changed.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change a webhook
         * @description A new address or format; the signing secret stays.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/sites/{site_id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test message to a webhook
         * @description Queues a signed test message, sent on the next scheduler pass; its outcome is in the deliveries log.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a read-only SQL query (admin)
         * @description Runs one read query on the database (tables `events`, `sites`, …) and returns at most `max_rows` rows (10000 at most), as JSON or CSV. Admin token only. The query is parsed and prepared by DuckDB first: more than one statement, or any statement that is not a SELECT (INSERT, UPDATE, DELETE, CREATE, DROP, ATTACH, COPY, SET, CALL, EXPLAIN ANALYZE …), is refused with 422 before it runs; it then runs in a READ ONLY transaction on an instance without file or network access, and is interrupted after PULSE_QUERY_TIMEOUT_MS (503). With PULSE_CLICKHOUSE_URL the query runs on ClickHouse instead (its tables: `events` and the session tables): ClickHouse's own parser must find one SELECT without FORMAT, SETTINGS or INTO OUTFILE, and no table function other than numbers, zeros, values and generate_series, nor any function that reaches files, URLs or other servers; column types are ClickHouse's.
         */
        post: operations["runSql"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get metrics for a period
         * @description One metric with `metric` (answer `{metric, value, period}`) or several with `metrics=a,b,c` (answer `{period, timezone, from, to, metrics}`); `compare` adds the compared range's values and the percent change (`previous_period`, `year_over_year`, or `custom` with `compare_from` and `compare_to`). The previous period of a rolling, custom or all period is the same length just before it; of yesterday, the day before; of last_month, the month before; of today and month, the same length of time from the start of the previous day or month; of 12mo and year_to_date, the same local dates a year earlier. Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/breakdown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a metric by dimension
         * @description Rows `{key, value}` for each value of `dimension` (event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, or property:<key>), sorted by value descending then key; `key` is null for events without that field. Each row equals the metric with the dimension as an extra filter. `limit` (default 10, at most 1000) and `offset` page through the rows; `total_rows` counts them all. With `compare`, each row also gets `previous_value` (its value in the compared range, 0 when absent there) and `change`. `format=csv`: columns key,value (with compare: previous_value,change) of the page. Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        get: operations["getBreakdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the journeys from a page
         * @description Each session's page views (page_view events with a URL, among the selected events in the period) in order of time, equal times by URL. A session counts when it viewed `page`; from its first view of it, its steps are the pages viewed after it (`direction=next`) or before it, nearest first (`previous`), up to `depth`. Step k lists the most common paths of k pages with the sessions following each and `exits`, those that stop there; `sessions` of a step counts the sessions with at least k steps and `drop_off` those of the step before without a k-th. Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        get: operations["getJourneys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/realtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get realtime activity
         * @description Visitors (distinct coalesce(user_id, visitor_id, session_id), as the `visitors` metric), sessions (distinct session_id), events and page views with a timestamp in the last 5 minutes ([now − 5 min, now)), and the top pages now: URLs of page views in that window by distinct visitors, then URL. Filters as for /api/v1/stats apply. Needs the site secret key (or the admin token).
         */
        get: operations["getRealtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/timeseries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a metric over time
         * @description One point per calendar bucket (`interval`: minute, hour, day, week from Monday, month) of the period in `timezone`, oldest first; buckets without events are 0. `time` is the bucket start in ISO 8601 with the zone offset. The first and last buckets may extend beyond the period: they count only events inside it. Each point equals the metric computed over the events of its bucket (sessions are cut at bucket edges). With `compare`, `comparison` holds the compared range cut into buckets of the same interval, to overlay by position. `format=csv`: columns time,value (with compare: compared_time,compared_value by position). Definitions: a session is all events of one (site_id, session_id). Filters select events first; session metrics are then computed over the selected events inside the period. `event_count`: number of events. `page_views`: events whose event_type is page_view. `unique_users`: distinct non-null user_id. `unique_sessions`: distinct session_id. `visitors`: distinct coalesce(user_id, visitor_id, session_id): the user id when sent, else the cookieless visitor id (one per browser per day, kept across midnight within a session), else the session id. `bounce_rate`: percent of sessions with at least one page view whose only event is that one page view. `avg_session_duration`: mean over sessions of last minus first event time, in seconds. `events_per_session`: events / sessions. `views_per_session`: page views / sessions. `time_on_page`: mean over page visits (one session and url) with engagement of their summed visible, focused time (`time_ms` of the `engagement` events), in seconds. `scroll_depth`: mean over page visits (one session and url) with a scroll value of the deepest scroll reached (`scroll` of the `engagement` events), in percent of the page. `engaged_visit_duration`: mean over sessions of the summed visible, focused time of their `engagement` events, or for a session without one its last minus first event time, in seconds. `conversions`: visitors (as in `visitors`) with at least one selected event completing a goal: the goal of the `goal` filter, the row's goal in a breakdown by goal, else any goal of the site (0 when the site has none). `conversion_rate`: conversions / visitors × 100, where the visitors are counted with every filter except `goal` (in a breakdown by goal: over the whole scope). Ratios and averages are rounded half-up to 2 decimals; 0 when there is nothing to divide. Periods: 1h, 24h, 7d, 30d, 90d are rolling windows ending now; today, yesterday, month, last_month, 12mo, year_to_date, all are calendar periods in `timezone` (default UTC): today and month run from their start until now, yesterday is the whole previous day, last_month the whole previous month, 12mo this month so far and the 11 before it, year_to_date this year so far, all from the local day of the site’s first stored event until now; custom takes `from` and `to` (epoch ms or ISO 8601; a date or a date-time without offset is read in `timezone`). An event belongs to a period when from <= timestamp < to. Filters (`event_type`, `url`, `path`, `entry_page`, `exit_page`, `goal`, `referrer`, `referrer_domain`, `device_type`, `country`, `user_id`, `browser`, `browser_version`, `os`, `os_version`, `bot_reason`, `region`, `city`, `visitor_id`, `source`, `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `channel`, `include_bots`, `property.<key>`) are exact matches, combined with AND (the `conditions` parameter adds operators and value lists); an empty value matches events missing that field. `property.<key>` compares the property value as JSON text (`property.plan=pro`, `property.amount=49.9`, `property.trial=true`). `referrer_domain` is the referrer host, lower-case, without www. or port. `entry_page` / `exit_page` are values of the session: the `url` of its first / last page view in the period (ties: smallest / greatest URL), and filter whole sessions. `goal` selects the events completing that goal of the site (see the admin goals API). `conditions`: a JSON array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it. Breakdown dimensions: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, property:<key>. Unknown names are a 422 listing the allowed ones. Needs the site secret key (or the admin token); every event acknowledged before the call is counted.
         */
        get: operations["getTimeseries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/web-vitals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get web vitals
         * @description p75 and the good / needs-improvement / poor split (web.dev's thresholds: LCP 2.5 s / 4 s, INP 200 / 500 ms, CLS 0.1 / 0.25, FCP 1.8 s / 3 s, TTFB 0.8 s / 1.8 s) of the `web_vitals` events the tracker sends with `capture: ['vitals']`, overall or `by` page path, device type or country. Bots are left out. Needs the site secret key (or the admin token).
         */
        get: operations["getWebVitals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase a user's events
         * @description Deletes every event sent with this `user_id` for the site, including events acknowledged but not yet written (GDPR right to erasure). Needs the site secret key or the admin token. Events without a `user_id` are not linked to a user and stay.
         */
        delete: operations["eraseUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one event
         * @description Stores one event. Authorise with `Authorization: Bearer <key>` (public or secret key of the site); browsers may instead pass a public key as `?api_key=` and send the JSON as `text/plain` to avoid a CORS preflight. Any other query parameter is refused with 422. With `?dry_run=true` nothing is stored: the answer lists each valid event as it would be stored, the invalid ones with their problems (200, not 422), and warnings (a property key that differs from one the site has only by case, `_` or `-`; an event type the site has never stored), as the `DryRunResult` schema.
         */
        post: operations["collectEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/collect/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a batch of events
         * @description Stores up to 1000 events. Each event is validated on its own: valid ones are stored and the invalid ones are listed in `rejected` with their index. Every event must belong to the key's site. The query parameters are `api_key` and `dry_run`; any other is refused with 422. With `?dry_run=true` nothing is stored: the answer lists each valid event as it would be stored, the invalid ones with their problems (200, not 422), and warnings (a property key that differs from one the site has only by case, `_` or `-`; an event type the site has never stored), as the `DryRunResult` schema.
         */
        post: operations["collectBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server health
         * @description HTTP 200 when `status` is `ok`, 503 otherwise. Without credentials: only `status`, `version` and `uptime_s`. With `Authorization: Bearer <admin token>`: also `reason` and each component’s `details` (ingest buffer depth, last flush, errors).
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/js/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plausible's script
         * @description A Plausible-compatible script (a script element with `defer`, `data-domain="example.com"` and `src="https://pulse.example.com/js/script.js"`) counts page views and defines `window.plausible(name, {props, revenue, callback})`. File-name variants select extensions as Plausible's do (`script.outbound-links.file-downloads.js`): hash, outbound-links, file-downloads, tagged-events, revenue, pageview-props, manual, local, exclusions, compat. Pages on `localhost` are not counted without `local`. Public: no credentials.
         */
        get: operations["getPlausibleScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * MCP (Streamable HTTP)
         * @description A Model Context Protocol server, stateless, JSON responses. Tools: get_stats, get_timeseries, get_breakdown, get_journeys, get_funnel, get_retention, list_events (and list_sites and get_overview for the admin), generated from this document; resource pulse://data-model. Authorise with a site secret key or the admin token; tool calls count against the same rate limit as the REST API.
         */
        post: operations["callMcp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Metrics for Prometheus
         * @description Prometheus text format. With the admin token: every site, and the server’s own figures (ingest accepted and dropped by reason, bots by reason, buffer depth and fill, seconds since the last flush, write-ahead log size, flushed events, process and DuckDB memory, deliveries). With a site’s secret key or a read-only key: that site only (a read-only key’s locked filter applies; figures its `min_visitors` refuses are left out). Per site: `pulse_site_visitors_5m`, `pulse_site_page_views_total`, `pulse_site_events_total`, `pulse_site_goal_conversions_24h{goal}`, `pulse_site_web_vitals_p75{metric}` where present, each equal to what the stats API answers.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/script.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Umami's script
         * @description An Umami-compatible script (a script element with `defer`, `src="https://pulse.example.com/script.js"` and `data-website-id="…"`) counts page views and defines `umami.track(…)`; reads `data-host-url`, `data-domains`, `data-auto-track`, `data-exclude-search`, `data-exclude-hash`, `data-tag`, and `data-umami-event` / `data-umami-event-*` on clicked elements. Public: no credentials.
         */
        get: operations["getUmamiScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tracker-extras.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tracker's extras bundle
         * @description Auto-capture and web vitals for `tracker.js`, which loads it itself when `init({capture})` (or the script's `data-capture`) names `outbound`, `downloads`, `404`, `forms`, `tagged` or `vitals`. Public: no credentials.
         */
        get: operations["getTrackerExtras"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tracker.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browser tracker script
         * @description Defines `window.PULSE` with `init({siteId, apiKey, endpoint?, autoTrack?, respectDnt?})`, `trackPageView({url?, referrer?, deviceType?})` and `trackEvent(name, props)`. Load it with a script element whose `src` is this URL, and use the site public key (`pk_…`). Public: no credentials.
         */
        get: operations["getTrackerScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unsubscribe page
         * @description The page a digest’s unsubscribe link opens: a button that confirms. No sign-in: the link is signed.
         */
        get: operations["getUnsubscribePage"];
        put?: never;
        /**
         * Unsubscribe
         * @description One-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to the link) or the page’s form (`token` in the form body).
         */
        post: operations["unsubscribeDigest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Account: {
            /** @description Epoch milliseconds */
            created_at: number;
            email: string;
            /** @description The instance owner: every right on every site */
            owner: boolean;
            /** @description Role by site id */
            roles: {
                [key: string]: "viewer" | "editor" | "admin";
            };
            /** @example usr_3f9a0c1d2e4b5a69 */
            user_id: string;
        };
        AlertRule: {
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            email: string | null;
            /** @description The condition held at the last check and an alert was sent */
            firing: boolean;
            goal: string | null;
            /** @enum {string} */
            kind: "spike" | "drop" | "goal";
            /** @description The value at the last check */
            last_value: number | null;
            /** @example 60 */
            quiet_minutes: number;
            /**
             * @description Alert rule identifier
             * @example al_1a2b3c4d5e6f7a8b
             */
            rule_id: string;
            /** @example site_abc123 */
            site_id: string;
            /** @example 100 */
            threshold: number;
            webhook_id: string | null;
            /** @example 60 */
            window_minutes: number;
        };
        Annotation: {
            /** @example ann_4f2a9c */
            annotation_id: string;
            /**
             * Format: date-time
             * @description When, ISO 8601 UTC
             * @example 2026-11-20T09:30:00.000Z
             */
            at: string;
            /** @example 2026-11-20T09:31:02.000Z */
            created_at: string;
            /**
             * @description The key id that made it, or 'admin'
             * @example admin
             */
            created_by: string;
            /** @example site_abc123 */
            site_id: string;
            /** @example v2.3 released */
            text: string;
        };
        ApiKeyInfo: {
            /** Format: date-time */
            created_at: string;
            /** @example key_1a2b3c4d5e6f7a8b */
            key_id: string;
            /**
             * @description First characters of the key
             * @example pk_Q2h5
             */
            key_prefix: string;
            /** @enum {string} */
            kind: "public" | "secret";
            /** Format: date-time */
            revoked_at: string | null;
            /** @example site_abc123 */
            site_id: string;
        };
        ApiTokenInfo: {
            created_at: number;
            expires_at: number | null;
            name: string;
            token_id: string;
        };
        AuditEntry: {
            /**
             * @example sign-in
             * @example read-key.create
             * @example share-link.revoke
             * @example member.role
             * @example erase
             * @example export
             */
            action: string;
            /** @description Who: `user:<email>`, `admin-token`, `secret-key:<key id>`, … */
            actor: string;
            address: string | null;
            /** @description Epoch milliseconds */
            at: number;
            /**
             * @example ok
             * @example refused
             */
            outcome: string;
            site_id: string | null;
            target: string | null;
        };
        BatchInput: {
            /** @description Public key, for browsers that cannot set headers */
            api_key?: string;
            /** @description Events to store; each is validated on its own */
            events: components["schemas"]["EventInput"][];
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "dimension": "url",
         *         "metric": "visitors",
         *         "period": "7d",
         *         "timezone": "UTC",
         *         "from": "2026-11-13T12:00:00.000Z",
         *         "to": "2026-11-20T12:00:00.000Z",
         *         "rows": [
         *           {
         *             "key": "/",
         *             "value": 120
         *           },
         *           {
         *             "key": "/pricing",
         *             "value": 42
         *           }
         *         ],
         *         "total_rows": 2
         *       }
         *     }
         */
        BreakdownResult: {
            data: {
                /** @description Only with compare: the compared range (each row has its previous_value and change) */
                comparison?: {
                    /**
                     * Format: date-time
                     * @description Start (inclusive)
                     * @example 2026-11-13T12:00:00.000Z
                     */
                    from: string;
                    /**
                     * Format: date-time
                     * @description End (exclusive)
                     * @example 2026-11-20T12:00:00.000Z
                     */
                    to: string;
                };
                /**
                 * @description The dimension, as asked
                 * @example url
                 */
                dimension: string;
                /**
                 * Format: date-time
                 * @description Start (inclusive)
                 * @example 2026-11-13T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description The metric
                 * @example visitors
                 * @enum {string}
                 */
                metric: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Sorted by value descending, then key (null last) */
                rows: {
                    /**
                     * @description Only with compare: percent change, 2 decimals; 0 when both are 0, null when only the previous is 0
                     * @example 5
                     */
                    change?: number | null;
                    /**
                     * @description The dimension value; null for events without it
                     * @example /pricing
                     */
                    key: string | null;
                    /**
                     * @description Only with compare: the value of this key in the compared range
                     * @example 40
                     */
                    previous_value?: number;
                    /** @example 42 */
                    value: number;
                }[];
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @description End (exclusive)
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
                /**
                 * @description Number of distinct keys (all pages)
                 * @example 57
                 */
                total_rows: number;
            };
            /** @constant */
            success: true;
        };
        ChangePasswordBody: {
            /** @description Your password now. Never logged or echoed. */
            current_password: string;
            /** @description Password: at least 10 characters. Never logged or echoed. */
            new_password: string;
        };
        CreateAlertBody: {
            /**
             * Format: email
             * @description Recipient address
             * @example owner@example.com
             */
            email?: string;
            /**
             * @description Kind goal: the goal name
             * @example Signup
             */
            goal?: string;
            /** @enum {string} */
            kind: "spike" | "drop" | "goal";
            /**
             * @description After an alert, no new alert of the rule for this long (default 60)
             * @example 60
             */
            quiet_minutes?: number;
            /**
             * @description spike: visitors; drop: a fraction such as 0.5; goal: conversions
             * @example 100
             */
            threshold: number;
            /**
             * @description Send to this webhook of the site
             * @example wh_1a2b
             */
            webhook_id?: string;
            /**
             * @description Window checked (default 60)
             * @example 60
             */
            window_minutes?: number;
        };
        CreateAnnotationBody: {
            /**
             * @description When: epoch ms or ISO 8601 (a date or date-time without offset is UTC). Default: now
             * @example 2026-11-20T09:30:00Z
             */
            at?: number | string;
            /**
             * @description The note, shown on hover over the chart marker
             * @example v2.3 released
             */
            text: string;
        };
        CreateApiTokenBody: {
            /**
             * @description Expiry, epoch milliseconds (left out: never)
             * @example 1893456000000
             */
            expires_at?: number;
            name: string;
        };
        CreatedApiToken: {
            expires_at: number | null;
            name: string;
            /** @description The token (`pat_…`), shown only now; it carries your roles */
            token: string;
            token_id: string;
        };
        CreateDigestBody: {
            /**
             * Format: email
             * @description Recipient address
             * @example owner@example.com
             */
            email: string;
            /** @enum {string} */
            frequency: "daily" | "weekly" | "monthly";
            /**
             * @description Local hour of the send (default 8)
             * @example 8
             */
            hour?: number;
            /**
             * @description IANA time zone of the periods and the hour (default UTC)
             * @example Europe/Berlin
             */
            timezone?: string;
        };
        CreatedInvitation: {
            email: string;
            /** @description Why the mail was not sent (no SMTP, or the server refused); the link still works */
            email_error: string | null;
            /** @description Whether the link was mailed (asked for with `send_email`, and sent) */
            emailed: boolean;
            expires_at: number;
            invite_id: string;
            /** @description The secret part of the link */
            token: string;
            /** @description The one-time link: opening it lets the person set a password */
            url: string;
        };
        CreatedKey: {
            /**
             * @description The key itself, shown only once
             * @example sk_Vb7d…
             */
            key: string;
            key_id: string;
            /** @enum {string} */
            kind: "public" | "secret";
            site_id: string;
        };
        CreatedReadKey: {
            created_at: number;
            expires_at: number | null;
            /** @description The key (`rk_…`), shown only now */
            key: string;
            key_id: string;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters: {
                [key: string]: string;
            };
            min_visitors: number | null;
            name: string;
            site_id: string;
        };
        CreatedShareLink: {
            created_at: number;
            embed_origins: string[];
            expires_at: number | null;
            has_password: boolean;
            link_id: string;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters: {
                [key: string]: string;
            };
            min_visitors: number | null;
            name: string;
            revoked_at: number | null;
            site_id: string;
            slug: string;
            /** @description The link, shown only now */
            url: string;
        };
        CreatedSite: {
            /** @example [] */
            aliases: string[];
            /**
             * @example [
             *       "example.com"
             *     ]
             */
            domains: string[];
            exclusions: components["schemas"]["SiteExclusions"];
            /** @example My shop */
            name: string;
            /**
             * @description Shown only once
             * @example pk_Q2h5…
             */
            public_key: string;
            /**
             * @description Days of events kept (null: keep everything). Once a day, events before the start of the day `retention_days` days before today (in the site's time zone) are deleted, with everything derived from them
             * @example 395
             */
            retention_days: number | null;
            /**
             * @description Shown only once
             * @example sk_Vb7d…
             */
            secret_key: string;
            /** @example site_abc123 */
            site_id: string;
            /** @example null */
            timezone: string | null;
        };
        CreatedWebhook: {
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /** @enum {string} */
            format: "json" | "slack" | "discord";
            /**
             * @description Signing secret (HMAC-SHA256 of `<timestamp>.<body>`), shown only once
             * @example whsec_Vb7d…
             */
            secret: string;
            /** @example site_abc123 */
            site_id: string;
            /** @example https://hooks.example.com/pulse */
            url: string;
            /**
             * @description Webhook identifier
             * @example wh_1a2b3c4d5e6f7a8b
             */
            webhook_id: string;
        };
        CreateGoalBody: {
            /**
             * @description Kind event: the event type that completes the goal
             * @example signup
             */
            event_type?: string;
            /** @enum {string} */
            kind: "event" | "page";
            /**
             * @description Goal name, unique within the site (the `goal` filter and breakdown key)
             * @example Signup
             */
            name: string;
            /**
             * @description Kind page: a path pattern starting with `/`; `*` matches any characters (`/` included), everything else matches itself, case-sensitive, the whole path (`/blog/*` matches `/blog/a/b`, not `/blog`)
             * @example /checkout/*\/done
             */
            page_path?: string;
            /**
             * @description Optional: only events whose property `property_key` equals `property_value` (as text) count
             * @example plan
             */
            property_key?: string;
            /**
             * @description The property value as text (`49.9`, `true`); required with `property_key`
             * @example pro
             */
            property_value?: string;
        };
        CreateInvitationBody: {
            /**
             * @description Email address (any case; stored in lower case)
             * @example ana@example.com
             */
            email: string;
            /** @description Default 168 (7 days) */
            expires_in_hours?: number;
            /** @description Invite a second instance owner (the owner or admin token only) */
            owner?: boolean;
            /** @enum {string} */
            role?: "viewer" | "editor" | "admin";
            /** @description Also mail the link to the email (needs SMTP: PULSE_SMTP_HOST, PULSE_SMTP_FROM). The link is answered either way. */
            send_email?: boolean;
            /**
             * @description Site identifier
             * @example site_abc123
             */
            site_id?: string;
        };
        CreateReadKeyBody: {
            /**
             * @description Expiry, epoch milliseconds (left out: never)
             * @example 1893456000000
             */
            expires_at?: number;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters?: {
                [key: string]: string;
            };
            /** @description Rows under this many visitors fold into "(other)"; a view narrower than this is refused */
            min_visitors?: number;
            name?: string;
        };
        CreateSegmentBody: {
            /**
             * @description Conditions, as the `conditions` parameter of the stats API
             * @example [
             *       [
             *         "starts_with",
             *         "url",
             *         [
             *           "/blog/"
             *         ]
             *       ]
             *     ]
             */
            conditions?: (string | string[])[][];
            /**
             * @description Equality filters, as the stats query parameters: `{"country": "DE", "property.plan": "pro"}`
             * @example {
             *       "device_type": "mobile"
             *     }
             */
            filters?: {
                [key: string]: string;
            };
            /**
             * @description Name, shown in the dashboard
             * @example Blog, not direct
             */
            name: string;
            /**
             * @description `private`: only the key that saved it (or the admin token) sees and uses it; `shared`: everyone who may read the site
             * @example shared
             * @enum {string}
             */
            visibility?: "private" | "shared";
        };
        CreateShareLinkBody: {
            /**
             * @description Origins that may show the link in an <iframe> (not with a password)
             * @example [
             *       "https://blog.example.com"
             *     ]
             */
            embed_origins?: string[];
            /**
             * @description Expiry, epoch milliseconds (left out: never)
             * @example 1893456000000
             */
            expires_at?: number;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters?: {
                [key: string]: string;
            };
            /** @description Rows under this many visitors fold into "(other)"; a view narrower than this is refused */
            min_visitors?: number;
            name?: string;
            /** @description Password: at least 10 characters. Never logged or echoed. */
            password?: string;
        };
        CreateSiteBody: {
            /**
             * @description Other tools' ids of this site: an Umami website id sent to `POST /api/send` is looked up here. Unique across sites
             * @example [
             *       "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b"
             *     ]
             */
            aliases?: string[];
            /**
             * @description Hostnames allowed to send events with the public key (empty: any origin). Plausible's `POST /api/event` finds the site by these (exact names; `*.` entries are not used for that)
             * @example [
             *       "example.com",
             *       "www.example.com"
             *     ]
             */
            domains?: string[];
            /** @description Server-side exclusion rules of a site */
            exclusions?: {
                /**
                 * @description Visitor addresses and CIDR ranges (IPv4 or IPv6) whose events are dropped
                 * @example [
                 *       "203.0.113.7",
                 *       "10.0.0.0/8",
                 *       "2001:db8::/32"
                 *     ]
                 */
                ips?: string[];
                /**
                 * @description Honour the "don't count me" flag (default true): browsers with `localStorage.pulse_ignore` (Plausible: `plausible_ignore`, Umami: `umami.disabled`) set by a page of the site are dropped
                 * @example true
                 */
                opt_out?: boolean;
                /**
                 * @description URL path patterns whose events are dropped: `*` matches within one segment, `**` across segments
                 * @example [
                 *       "/admin/**",
                 *       "/preview/*"
                 *     ]
                 */
                paths?: string[];
            };
            /**
             * @description Display name
             * @example My shop
             */
            name?: string;
            /**
             * @description Days of events kept (null: keep everything). Once a day, events before the start of the day `retention_days` days before today (in the site's time zone) are deleted, with everything derived from them
             * @example 395
             */
            retention_days?: number | null;
            /**
             * @description Site identifier: letters, digits, `_`, `.` and `-`, at most 64 characters
             * @example site_abc123
             */
            site_id?: string;
            /**
             * @description IANA time zone of the site: reads that name no `timezone` cut their periods and buckets in it, and the dashboard uses it. Stored event times never change with it. null (the default) sets none: reads default to UTC and the dashboard to each viewer's zone
             * @example Europe/Berlin
             */
            timezone?: string | null;
        };
        CreateWebhookBody: {
            /** @enum {string} */
            format?: "json" | "slack" | "discord";
            /**
             * @description Where to POST (http or https)
             * @example https://hooks.example.com/pulse
             */
            url: string;
        };
        Credentials: {
            /**
             * @description Email address (any case; stored in lower case)
             * @example ana@example.com
             */
            email: string;
            /** @description Password: at least 10 characters. Never logged or echoed. */
            password: string;
        };
        DeletedImport: {
            /**
             * @description Events removed
             * @example 1200
             */
            deleted_events: number;
            /** @example imp_m3x9k2ab7q */
            import_id: string;
        };
        Delivery: {
            /** @example 1 */
            attempts: number;
            /** @enum {string} */
            channel: "email" | "webhook";
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /**
             * @description Delivery identifier
             * @example dl_1a2b3c4d5e6f7a8b
             */
            delivery_id: string;
            /** @example 535 Authentication failed */
            last_error: string | null;
            /** Format: date-time */
            sent_at: string | null;
            /** @enum {string} */
            source: "digest" | "alert" | "test";
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed";
            /**
             * @description The address or the webhook id
             * @example owner@example.com
             */
            target: string;
        };
        Digest: {
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /**
             * @description Digest identifier
             * @example dg_1a2b3c4d5e6f7a8b
             */
            digest_id: string;
            /** @example owner@example.com */
            email: string;
            /** @enum {string} */
            frequency: "daily" | "weekly" | "monthly";
            /** @example 8 */
            hour: number;
            /**
             * @description First local date of the last period claimed for sending
             * @example 2026-11-16
             */
            last_period: string | null;
            /** @example site_abc123 */
            site_id: string;
            /** @example Europe/Berlin */
            timezone: string;
            /** @description The recipient used the unsubscribe link: nothing is sent */
            unsubscribed: boolean;
        };
        /** @description Answer of a dry run: nothing was stored */
        DryRunResult: {
            data: {
                /** @constant */
                dry_run: true;
                /** @description Each valid event as it would be stored (received_at: now) */
                events: {
                    event: components["schemas"]["RawEvent"];
                    /**
                     * @description Position of the event in the request
                     * @example 0
                     */
                    index: number;
                }[];
                rejected: {
                    /** @description Each bad field: its JSON path and what is wrong with it */
                    details: {
                        message: string;
                        path: string;
                    }[];
                    /** @example $.timestamp: must be within the last 30 days */
                    error: string;
                    /**
                     * @description Position of the event in `events`
                     * @example 2
                     */
                    index: number;
                }[];
                /** @description Every event passed validation */
                valid: boolean;
                warnings: {
                    /** @enum {string} */
                    code: "property_key_near_duplicate" | "new_event_type";
                    /** @example 0 */
                    index: number;
                    /** @example property "signupPlan" differs only by case, "_" or "-" from "signup_plan" */
                    message: string;
                    /** @example $.properties.signupPlan */
                    path: string;
                }[];
            };
            /** @constant */
            success: true;
        };
        /**
         * @description Error envelope
         * @example {
         *       "success": false,
         *       "error": "Rate limit exceeded",
         *       "status": 429
         *     }
         */
        ErrorResponse: {
            details?: {
                /** @example must be within the last 30 days */
                message: string;
                /**
                 * @description JSON path of the bad field
                 * @example $.timestamp
                 */
                path: string;
            }[];
            /**
             * @description What went wrong
             * @example Rate limit exceeded
             */
            error: string;
            /**
             * @description The HTTP status, repeated
             * @example 429
             */
            status: number;
            /** @constant */
            success: false;
        };
        /**
         * @description One analytics event
         * @example {
         *       "site_id": "site_abc123",
         *       "event_type": "page_view",
         *       "timestamp": 1703001234567,
         *       "session_id": "session_xyz789",
         *       "user_id": "user_123",
         *       "url": "https://example.com/products",
         *       "referrer": "https://google.com",
         *       "device_type": "desktop",
         *       "country": "US"
         *     }
         */
        EventInput: {
            /**
             * @description Why the event is a bot (ua, headless, webdriver, referrer_spam, burst); null for people. Bot events are left out of every stat unless include_bots=true (filled at ingest when missing)
             * @example ua
             */
            bot_reason?: string | null;
            /**
             * @description Browser name, from the User-Agent or Client Hints (filled at ingest when missing)
             * @example Chrome
             */
            browser?: string | null;
            /**
             * @description Browser major version (filled at ingest when missing)
             * @example 131
             */
            browser_version?: string | null;
            /**
             * @description Channel, by GA4's default channel rules (filled at ingest when missing)
             * @example Organic Search
             */
            channel?: string | null;
            /**
             * @description City, from the IP with a city database (PULSE_GEOIP_DB) (filled at ingest when missing)
             * @example Munich
             */
            city?: string | null;
            /**
             * @description Country code (ISO 3166-1 alpha-2)
             * @example US
             */
            country?: string | null;
            /**
             * @description Device type (desktop, mobile, tablet)
             * @example desktop
             */
            device_type?: string | null;
            /**
             * @description Optional client-generated id: a retry with the same id is stored once
             * @example evt_01J…
             */
            event_id?: string | null;
            /**
             * @description Type of event (page_view, click, form_submit, user_signup, purchase, …)
             * @example page_view
             */
            event_type: string;
            /**
             * @description The visitor's IP address, forwarded by a server (secret key): used for country and the visitor id, never stored
             * @example 203.0.113.7
             */
            ip?: string;
            /**
             * @description Operating system name (filled at ingest when missing)
             * @example Windows
             */
            os?: string | null;
            /**
             * @description Operating system version (filled at ingest when missing)
             * @example 10
             */
            os_version?: string | null;
            /**
             * @description Flat custom properties: string, number, boolean or null values; at most 32 keys
             * @example {
             *       "plan": "premium",
             *       "amount": 49.9
             *     }
             */
            properties?: {
                [key: string]: string | number | boolean | null;
            } | null;
            /**
             * @description Referrer URL
             * @example https://google.com
             */
            referrer?: string | null;
            /**
             * @description Region, from the IP with a city database (PULSE_GEOIP_DB) (filled at ingest when missing)
             * @example Bavaria
             */
            region?: string | null;
            /**
             * @description Session identifier
             * @example session_xyz789
             */
            session_id: string;
            /**
             * @description Site identifier
             * @example site_abc123
             */
            site_id: string;
            /**
             * @description Traffic source: from utm_source/ref/source, or the referrer (filled at ingest when missing)
             * @example Google
             */
            source?: string | null;
            /**
             * @description Unix timestamp in milliseconds; within the last PULSE_MAX_EVENT_AGE_DAYS and at most 5 minutes ahead
             * @example 1703001234567
             */
            timestamp: number;
            /**
             * @description Page URL: absolute (https://…) or a path (/products)
             * @example https://example.com/products
             */
            url?: string | null;
            /**
             * @description The visitor's User-Agent, forwarded by a server (secret key): used for browser, OS, device and bot detection, never stored
             * @example Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36
             */
            user_agent?: string;
            /**
             * @description User identifier
             * @example user_123
             */
            user_id?: string | null;
            /**
             * @description utm_campaign of the page URL (filled at ingest when missing)
             * @example black_friday
             */
            utm_campaign?: string | null;
            /**
             * @description utm_content of the page URL (filled at ingest when missing)
             * @example banner
             */
            utm_content?: string | null;
            /**
             * @description utm_medium of the page URL (filled at ingest when missing)
             * @example email
             */
            utm_medium?: string | null;
            /**
             * @description utm_source of the page URL (filled at ingest when missing)
             * @example newsletter
             */
            utm_source?: string | null;
            /**
             * @description utm_term of the page URL (filled at ingest when missing)
             * @example running shoes
             */
            utm_term?: string | null;
            /**
             * @description Cookieless visitor id: keyed hash of (daily salt, site, IP, User-Agent) (filled at ingest when missing)
             * @example v_3f9a0c…
             */
            visitor_id?: string | null;
            /**
             * @description Set by the tracker when navigator.webdriver is true (an automated browser): the event is a bot
             * @example true
             */
            webdriver?: boolean;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "events": [
         *           {
         *             "site_id": "site_abc123",
         *             "event_type": "page_view",
         *             "timestamp": 1763640000000,
         *             "session_id": "session_xyz789",
         *             "user_id": "user_123",
         *             "url": "https://example.com/products",
         *             "referrer": "https://google.com",
         *             "device_type": "desktop",
         *             "country": "US",
         *             "properties": {
         *               "plan": "premium"
         *             },
         *             "event_id": "evt_1",
         *             "received_at": 1763640000123,
         *             "browser": "Chrome",
         *             "browser_version": "131",
         *             "os": "Windows",
         *             "os_version": "10",
         *             "bot_reason": "ua",
         *             "region": "Bavaria",
         *             "city": "Munich",
         *             "visitor_id": "v_3f9a0c…",
         *             "source": "Google",
         *             "utm_source": "newsletter",
         *             "utm_medium": "email",
         *             "utm_campaign": "black_friday",
         *             "utm_term": "running shoes",
         *             "utm_content": "banner",
         *             "channel": "Organic Search"
         *           }
         *         ],
         *         "next_cursor": null
         *       }
         *     }
         */
        EventsResult: {
            data: {
                /** @description Newest first */
                events: components["schemas"]["RawEvent"][];
                /**
                 * @description Pass as `cursor` for the next page; null on the last page
                 * @example MTc2MzY0MDAwMDAwMC40Mg
                 */
                next_cursor: string | null;
            };
            /** @constant */
            success: true;
        };
        /**
         * @example {
         *       "site_id": "site_abc123",
         *       "period": "30d",
         *       "steps": [
         *         {
         *           "event_type": "page_view",
         *           "url": "/pricing"
         *         },
         *         {
         *           "event_type": "user_signup"
         *         },
         *         {
         *           "event_type": "purchase"
         *         }
         *       ]
         *     }
         */
        FunnelBody: {
            /**
             * @description Conditions: an array of up to 20 conditions `[operator, name, [values]]`, combined with AND and with the equality filters; `name` is a filter name (as the query parameters, or `property.<key>`), and any of the 1 to 50 values may match (OR). Operators: `is` equals one of the values ("" = the field is missing); `is_not` equals none of the values (events missing the field are kept unless "" is listed); `contains` contains one of the values as a substring; `does_not_contain` contains none of the values (events missing the field are kept); `starts_with` starts with one of the values; `matches` matches one of the regular expressions (RE2 syntax, searched anywhere in the text; at most 256 characters, no look-around or back-references, repetition counts up to 100). Text operators are case-sensitive and need non-empty values. `entry_page`, `exit_page`, `goal` and `include_bots` take `is` / `is_not` only (`include_bots` one value). A bad operator, name, value or pattern is a 422 naming it.
             * @example [
             *       [
             *         "starts_with",
             *         "url",
             *         [
             *           "/blog/"
             *         ]
             *       ]
             *     ]
             */
            conditions?: (string | string[])[][];
            /**
             * @description Event filters, as the query parameters of the stats endpoints: event_type, url, path, entry_page, exit_page, goal, referrer, referrer_domain, device_type, country, user_id, browser, browser_version, os, os_version, bot_reason, region, city, visitor_id, source, utm_source, utm_medium, utm_campaign, utm_term, utm_content, channel, include_bots, property.<key>
             * @example {
             *       "device_type": "mobile",
             *       "property.plan": "pro"
             *     }
             */
            filters?: {
                [key: string]: string;
            };
            /** @description Start of a custom period: epoch ms or ISO 8601 */
            from?: string | number;
            /**
             * @description Period: 1h, 24h, 7d, 30d, 90d, today, yesterday, month, last_month, 12mo, year_to_date, all, custom. Default 24h.
             * @example 7d
             * @enum {string}
             */
            period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
            /**
             * @description Site identifier
             * @example site_abc123
             */
            site_id: string;
            /** @description 2 to 10 steps, in order */
            steps: {
                /**
                 * @description Event type of the step
                 * @example page_view
                 */
                event_type: string;
                /**
                 * @description Only events on this exact URL count for the step
                 * @example /pricing
                 */
                url?: string;
            }[];
            /**
             * @description IANA time zone of calendar periods, buckets and dates without offset. Default: the site's time zone (UTC unless set in its settings)
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @description End of a custom period (exclusive) */
            to?: string | number;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "period": "30d",
         *         "timezone": "UTC",
         *         "from": "2026-10-21T12:00:00.000Z",
         *         "to": "2026-11-20T12:00:00.000Z",
         *         "conversion_rate": 12.5,
         *         "steps": [
         *           {
         *             "event_type": "page_view",
         *             "url": "/pricing",
         *             "sessions": 80,
         *             "conversion_rate": 100,
         *             "drop_off": 0,
         *             "drop_off_rate": 0
         *           },
         *           {
         *             "event_type": "purchase",
         *             "sessions": 10,
         *             "conversion_rate": 12.5,
         *             "drop_off": 70,
         *             "drop_off_rate": 87.5
         *           }
         *         ]
         *       }
         *     }
         */
        FunnelResult: {
            data: {
                /**
                 * @description Percent of step-1 sessions that reached the last step
                 * @example 12.5
                 */
                conversion_rate: number;
                /**
                 * Format: date-time
                 * @example 2026-10-21T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                steps: {
                    /**
                     * @description Percent of step-1 sessions that reached this step
                     * @example 12.5
                     */
                    conversion_rate: number;
                    /**
                     * @description Sessions of the previous step that did not reach this one
                     * @example 70
                     */
                    drop_off: number;
                    /**
                     * @description drop_off as a percent of the previous step
                     * @example 12.5
                     */
                    drop_off_rate: number;
                    /** @example page_view */
                    event_type: string;
                    /**
                     * @description Sessions that reached this step in order
                     * @example 80
                     */
                    sessions: number;
                    /** @example /pricing */
                    url?: string;
                }[];
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        Goal: {
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /** @example null */
            event_type: string | null;
            /** @example goal_1a2b3c4d5e6f7a8b */
            goal_id: string;
            /** @enum {string} */
            kind: "event" | "page";
            /**
             * @description Goal name, unique within the site (the `goal` filter and breakdown key)
             * @example Signup
             */
            name: string;
            /** @example /checkout/*\/done */
            page_path: string | null;
            /** @example null */
            property_key: string | null;
            /** @example null */
            property_value: string | null;
            /** @example site_abc123 */
            site_id: string;
        };
        /** @description Health with the admin token */
        HealthAdmin: {
            /** @description State of each component; more fields may appear */
            details: {
                /** @description Events accepted but not yet written to DuckDB */
                buffer_depth?: number;
                /** @description Shutting down */
                draining?: boolean;
                /** @description Events written since start */
                flushed_events?: number;
                /**
                 * Format: date-time
                 * @description Time of the last successful flush
                 */
                last_flush_at?: string | null;
                /** @description The error of the last flush, if it failed */
                last_flush_error?: string | null;
                /** @description Memory of the server process; the rest of `rss_mb` is DuckDB and the runtime */
                memory?: {
                    /** @description Memory held by JavaScript objects outside the heap (buffers), MiB */
                    js_external_mb: number;
                    /** @description JavaScript heap in use, MiB */
                    js_heap_mb: number;
                    /** @description Resident memory of the process, MiB */
                    rss_mb: number;
                };
                /** @description The daily retention prune (sites' `retention_days`) */
                retention?: {
                    /** @description Why that prune failed, if it did */
                    last_error: string | null;
                    /**
                     * Format: date-time
                     * @description When the daily prune last deleted for a site (null: not since start)
                     */
                    last_prune_at: string | null;
                    /** @description Events that prune deleted */
                    last_pruned_events: number;
                    /** @description Sites with a retention limit */
                    sites: number;
                };
            } & {
                [key: string]: unknown;
            };
            /**
             * @description Why the status is not `ok` (null when it is)
             * @example writing events to the database is failing
             */
            reason: string | null;
            /** @enum {string} */
            status: "ok" | "degraded" | "unavailable";
            /**
             * @description Seconds since start
             * @example 3600
             */
            uptime_s: number;
            /**
             * @description PULSE version
             * @example 0.1.0
             */
            version: string;
        };
        /**
         * @description Health without credentials
         * @example {
         *       "status": "ok",
         *       "version": "0.1.0",
         *       "uptime_s": 3600
         *     }
         */
        HealthPublic: {
            /** @enum {string} */
            status: "ok" | "degraded" | "unavailable";
            /**
             * @description Seconds since start
             * @example 3600
             */
            uptime_s: number;
            /**
             * @description PULSE version
             * @example 0.1.0
             */
            version: string;
        };
        ImportRecord: {
            /** @example umami.csv */
            file_name: string;
            /**
             * Format: date-time
             * @example 2026-12-01T10:00:03.000Z
             */
            finished_at: string | null;
            /** @example 45 */
            ignored: number;
            /** @example imp_m3x9k2ab7q */
            import_id: string;
            /** @example 1200 */
            imported: number;
            /** @example 3 */
            invalid: number;
            /**
             * @description The site, or * for a PULSE export whose lines name their sites
             * @example site_abc123
             */
            site_id: string;
            /** @example 0 */
            skipped: number;
            /** @example umami */
            source: string;
            /**
             * Format: date-time
             * @example 2026-12-01T10:00:00.000Z
             */
            started_at: string;
        };
        ImportResult: {
            /** @example false */
            dry_run: boolean;
            /**
             * @description Lines that are not events by design: static files, redirects, failed requests, other methods (see `reasons`)
             * @example 45
             */
            ignored: number;
            /**
             * @description Id of the import (tags every stored event)
             * @example imp_m3x9k2ab7q
             */
            import_id: string;
            /**
             * @description Events stored
             * @example 1200
             */
            imported: number;
            /**
             * @description Lines that failed to parse or validate
             * @example 3
             */
            invalid: number;
            /** @description The first invalid lines (at most 20) */
            issues: {
                /**
                 * @description Line number in the part sent (1-based)
                 * @example 12
                 */
                line: number;
                /** @example $.timestamp: expected integer */
                message: string;
            }[];
            /** @description Lines that did not become people's page views, by reason */
            reasons: {
                /**
                 * @description Stored, flagged with a bot_reason (left out of stats unless include_bots=true)
                 * @example 0
                 */
                bot: number;
                /**
                 * @description Ignored: a client error (4xx)
                 * @example 0
                 */
                client_error: number;
                /**
                 * @description Stored as file_download events: a download (.pdf, .zip, .jar …), not a page
                 * @example 0
                 */
                download: number;
                /**
                 * @description Ignored: matched one of the site's exclusions
                 * @example 0
                 */
                excluded: number;
                /**
                 * @description Unreadable: not UTF-8, control bytes, cut off, a bad time, or failed validation
                 * @example 0
                 */
                invalid: number;
                /**
                 * @description Ignored: not a GET request
                 * @example 0
                 */
                method: number;
                /**
                 * @description Ignored: not a request for a path (a log entry of another kind, a proxy request)
                 * @example 0
                 */
                other: number;
                /**
                 * @description Ignored: a redirect (3xx other than 304)
                 * @example 0
                 */
                redirect: number;
                /**
                 * @description Ignored: a server error (5xx)
                 * @example 0
                 */
                server_error: number;
                /**
                 * @description Ignored: an asset or other file that is neither a page nor a download
                 * @example 0
                 */
                static: number;
                /**
                 * @description Ignored: a time before 1973, which PULSE cannot store
                 * @example 0
                 */
                too_old: number;
            };
            /**
             * @description Duplicates: already stored (a previous import) or repeated in the file
             * @example 0
             */
            skipped: number;
        };
        InvitationInfo: {
            email: string;
            expires_at: number;
            owner: boolean;
            /** @enum {string|null} */
            role: "viewer" | "editor" | "admin" | null;
            site_id: string | null;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "page": "https://example.com/",
         *         "direction": "next",
         *         "period": "7d",
         *         "timezone": "UTC",
         *         "from": "2026-11-13T12:00:00.000Z",
         *         "to": "2026-11-20T12:00:00.000Z",
         *         "sessions": 120,
         *         "steps": [
         *           {
         *             "step": 1,
         *             "sessions": 80,
         *             "drop_off": 40,
         *             "paths": [
         *               {
         *                 "pages": [
         *                   "https://example.com/pricing"
         *                 ],
         *                 "sessions": 30,
         *                 "exits": 12
         *               }
         *             ]
         *           }
         *         ]
         *       }
         *     }
         */
        JourneyResult: {
            data: {
                /**
                 * @description The direction
                 * @example next
                 * @enum {string}
                 */
                direction: "next" | "previous";
                /**
                 * Format: date-time
                 * @example 2026-11-13T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description The start page
                 * @example https://example.com/
                 */
                page: string;
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /**
                 * @description Sessions that viewed the start page
                 * @example 120
                 */
                sessions: number;
                /** @description One entry per step, 1 to depth */
                steps: {
                    /**
                     * @description Sessions of the step before (or of the start page) with no such step
                     * @example 40
                     */
                    drop_off: number;
                    /** @description The most common paths of this many steps: most sessions first, then by the pages */
                    paths: {
                        /**
                         * @description Of those, the sessions with no further step
                         * @example 12
                         */
                        exits: number;
                        /**
                         * @description The pages of the path, step 1 first
                         * @example [
                         *       "https://example.com/pricing"
                         *     ]
                         */
                        pages: string[];
                        /**
                         * @description Sessions whose first steps are exactly these pages
                         * @example 30
                         */
                        sessions: number;
                    }[];
                    /**
                     * @description Sessions with at least this many steps
                     * @example 80
                     */
                    sessions: number;
                    /**
                     * @description Steps from the start page (1 = the page right after or before it)
                     * @example 1
                     */
                    step: number;
                }[];
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        Member: {
            email: string;
            /** @enum {string} */
            role: "viewer" | "editor" | "admin";
            user_id: string;
        };
        MemberBody: {
            /** @enum {string} */
            role: "viewer" | "editor" | "admin";
        };
        OverviewResult: {
            data: {
                /**
                 * @description Bucket starts, ISO 8601 with the time zone’s offset
                 * @example [
                 *       "2026-11-18T00:00:00Z",
                 *       "2026-11-19T00:00:00Z",
                 *       "2026-11-20T00:00:00Z"
                 *     ]
                 */
                buckets: string[];
                /**
                 * Format: date-time
                 * @example 2026-11-13T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description Bucket size of the sparklines
                 * @example day
                 */
                interval: string;
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Every site the caller may read, oldest first */
                sites: {
                    /** @example My shop */
                    name: string;
                    /**
                     * @description Page views in the period
                     * @example 5678
                     */
                    page_views: number;
                    /** @example site_abc123 */
                    site_id: string;
                    /**
                     * @description Visitors per bucket, one number per entry of `buckets`
                     * @example [
                     *       120,
                     *       98,
                     *       143
                     *     ]
                     */
                    sparkline: number[];
                    /**
                     * @description Distinct visitors in the period
                     * @example 1234
                     */
                    visitors: number;
                }[];
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        PasswordBody: {
            /** @description Password: at least 10 characters. Never logged or echoed. */
            password: string;
        };
        PasswordChanged: {
            changed: boolean;
            /** @description Sessions of this user that were ended (every one; a cookie caller gets a fresh session) */
            sessions_ended: number;
        };
        /**
         * @description Plausible's Events API payload. `name`, `url` and `domain` are required (long or short key); unknown fields are ignored, as Plausible does
         * @example {
         *       "name": "pageview",
         *       "url": "https://example.com/pricing",
         *       "domain": "example.com"
         *     }
         */
        PlausibleEvent: {
            /** @description Revenue of the event: stored as the properties `revenue` (a number) and `currency` */
            $?: {
                /** @example 29.99 */
                amount: number | string;
                /** @example EUR */
                currency: string;
            } | string | null;
            /**
             * @description `domain`
             * @example example.com
             */
            d?: string;
            /**
             * @description The site's domain, as listed in its `domains`; several, comma-separated, record to each
             * @example example.com
             */
            domain?: string;
            h?: boolean | number | null;
            i?: boolean | number | null;
            interactive?: boolean | number | null;
            /**
             * @description Custom properties (stored as the event's `properties`)
             * @example {
             *       "plan": "pro"
             *     }
             */
            m?: {
                [key: string]: string | number | boolean | null;
            } | string | null;
            /**
             * @description Custom properties (stored as the event's `properties`)
             * @example {
             *       "plan": "pro"
             *     }
             */
            meta?: {
                [key: string]: string | number | boolean | null;
            } | string | null;
            /**
             * @description `name`
             * @example pageview
             */
            n?: string;
            /**
             * @description Event name; `pageview` is a page view
             * @example pageview
             */
            name?: string;
            /**
             * @description Custom properties (stored as the event's `properties`)
             * @example {
             *       "plan": "pro"
             *     }
             */
            p?: {
                [key: string]: string | number | boolean | null;
            } | string | null;
            /**
             * @description Custom properties (stored as the event's `properties`)
             * @example {
             *       "plan": "pro"
             *     }
             */
            props?: {
                [key: string]: string | number | boolean | null;
            } | string | null;
            /**
             * @description `referrer`
             * @example https://news.ycombinator.com/
             */
            r?: string | null;
            /**
             * @description Referrer URL
             * @example https://news.ycombinator.com/
             */
            referrer?: string | null;
            /** @description Revenue of the event: stored as the properties `revenue` (a number) and `currency` */
            revenue?: {
                /** @example 29.99 */
                amount: number | string;
                /** @example EUR */
                currency: string;
            } | string | null;
            /**
             * @description `url`
             * @example https://example.com/pricing
             */
            u?: string;
            /**
             * @description Page URL
             * @example https://example.com/pricing
             */
            url?: string;
        } & {
            [key: string]: unknown;
        };
        RawEvent: {
            /**
             * @description Why the event is a bot (ua, headless, webdriver, referrer_spam, burst); null for people. Bot events are left out of every stat unless include_bots=true
             * @example ua
             */
            bot_reason: string | null;
            /**
             * @description Browser name, from the User-Agent or Client Hints
             * @example Chrome
             */
            browser: string | null;
            /**
             * @description Browser major version
             * @example 131
             */
            browser_version: string | null;
            /**
             * @description Channel, by GA4's default channel rules
             * @example Organic Search
             */
            channel: string | null;
            /**
             * @description City, from the IP with a city database (PULSE_GEOIP_DB)
             * @example Munich
             */
            city: string | null;
            /**
             * @description Country code
             * @example US
             */
            country: string | null;
            /**
             * @description Device type
             * @example desktop
             */
            device_type: string | null;
            /**
             * @description Client-generated id
             * @example evt_1
             */
            event_id: string | null;
            /** @example page_view */
            event_type: string;
            /**
             * @description Operating system name
             * @example Windows
             */
            os: string | null;
            /**
             * @description Operating system version
             * @example 10
             */
            os_version: string | null;
            /**
             * @description Custom properties
             * @example {
             *       "plan": "premium"
             *     }
             */
            properties: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Server receive time, epoch ms
             * @example 1763640000123
             */
            received_at: number;
            /**
             * @description Referrer URL
             * @example https://google.com
             */
            referrer: string | null;
            /**
             * @description Region, from the IP with a city database (PULSE_GEOIP_DB)
             * @example Bavaria
             */
            region: string | null;
            /** @example session_xyz789 */
            session_id: string;
            /** @example site_abc123 */
            site_id: string;
            /**
             * @description Traffic source: from utm_source/ref/source, or the referrer
             * @example Google
             */
            source: string | null;
            /**
             * @description Event time, epoch ms
             * @example 1763640000000
             */
            timestamp: number;
            /**
             * @description Page URL
             * @example https://example.com/products
             */
            url: string | null;
            /**
             * @description User identifier
             * @example user_123
             */
            user_id: string | null;
            /**
             * @description utm_campaign of the page URL
             * @example black_friday
             */
            utm_campaign: string | null;
            /**
             * @description utm_content of the page URL
             * @example banner
             */
            utm_content: string | null;
            /**
             * @description utm_medium of the page URL
             * @example email
             */
            utm_medium: string | null;
            /**
             * @description utm_source of the page URL
             * @example newsletter
             */
            utm_source: string | null;
            /**
             * @description utm_term of the page URL
             * @example running shoes
             */
            utm_term: string | null;
            /**
             * @description Cookieless visitor id: keyed hash of (daily salt, site, IP, User-Agent)
             * @example v_3f9a0c…
             */
            visitor_id: string | null;
        };
        ReadKeyInfo: {
            created_at: number;
            expires_at: number | null;
            key_id: string;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters: {
                [key: string]: string;
            };
            min_visitors: number | null;
            name: string;
            site_id: string;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "from": "2026-11-20T11:55:00.000Z",
         *         "to": "2026-11-20T12:00:00.000Z",
         *         "visitors": 3,
         *         "sessions": 3,
         *         "events": 17,
         *         "page_views": 9,
         *         "top_pages": [
         *           {
         *             "url": "/pricing",
         *             "visitors": 2
         *           }
         *         ]
         *       }
         *     }
         */
        RealtimeResult: {
            data: {
                /**
                 * @description Events
                 * @example 17
                 */
                events: number;
                /**
                 * Format: date-time
                 * @description Start (inclusive)
                 * @example 2026-11-13T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description page_view events
                 * @example 9
                 */
                page_views: number;
                /**
                 * @description Distinct sessions
                 * @example 3
                 */
                sessions: number;
                /**
                 * Format: date-time
                 * @description End (exclusive)
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
                /** @description URLs of page views, by visitors descending then URL */
                top_pages: {
                    /** @example /pricing */
                    url: string;
                    /**
                     * @description Visitors with a page view of this URL
                     * @example 2
                     */
                    visitors: number;
                }[];
                /**
                 * @description Distinct coalesce(user_id, visitor_id, session_id), as the `visitors` metric
                 * @example 3
                 */
                visitors: number;
            };
            /** @constant */
            success: true;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "period": "custom",
         *         "interval": "day",
         *         "timezone": "UTC",
         *         "from": "2026-11-18T00:00:00.000Z",
         *         "to": "2026-11-21T00:00:00.000Z",
         *         "cohorts": [
         *           {
         *             "cohort": "2026-11-18T00:00:00Z",
         *             "visitors": 10,
         *             "counts": [
         *               10,
         *               4,
         *               2
         *             ],
         *             "rates": [
         *               100,
         *               40,
         *               20
         *             ]
         *           },
         *           {
         *             "cohort": "2026-11-19T00:00:00Z",
         *             "visitors": 5,
         *             "counts": [
         *               5,
         *               1
         *             ],
         *             "rates": [
         *               100,
         *               20
         *             ]
         *           },
         *           {
         *             "cohort": "2026-11-20T00:00:00Z",
         *             "visitors": 0,
         *             "counts": [
         *               0
         *             ],
         *             "rates": [
         *               0
         *             ]
         *           }
         *         ]
         *       }
         *     }
         */
        RetentionResult: {
            data: {
                /** @description One cohort per interval of the period, oldest first (at most 128) */
                cohorts: {
                    /**
                     * @description Start of the cohort interval, ISO 8601 with the zone offset
                     * @example 2026-11-18T00:00:00Z
                     */
                    cohort: string;
                    /**
                     * @description counts[k]: visitors of the cohort active k intervals later (k = 0 is the cohort)
                     * @example [
                     *       10,
                     *       4,
                     *       2
                     *     ]
                     */
                    counts: number[];
                    /**
                     * @description counts[k] as a percent of visitors
                     * @example [
                     *       100,
                     *       40,
                     *       20
                     *     ]
                     */
                    rates: number[];
                    /**
                     * @description Visitors first seen in this interval
                     * @example 10
                     */
                    visitors: number;
                }[];
                /**
                 * Format: date-time
                 * @example 2026-11-18T00:00:00.000Z
                 */
                from: string;
                /**
                 * @description The cohort size
                 * @example day
                 * @enum {string}
                 */
                interval: "day" | "week";
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @example 2026-11-21T00:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        RotatedToken: {
            /** @description The new admin token; the old one stops working now */
            admin_token: string;
        };
        Segment: {
            /**
             * @description Conditions, as the `conditions` parameter of the stats API
             * @example [
             *       [
             *         "starts_with",
             *         "url",
             *         [
             *           "/blog/"
             *         ]
             *       ]
             *     ]
             */
            conditions: (string | string[])[][];
            /** @example 2026-11-20T09:31:02.000Z */
            created_at: string;
            /**
             * @description The key id that saved it, or 'admin'
             * @example admin
             */
            created_by: string;
            /**
             * @description Equality filters, as the stats query parameters: `{"country": "DE", "property.plan": "pro"}`
             * @example {
             *       "device_type": "mobile"
             *     }
             */
            filters: {
                [key: string]: string;
            };
            /** @example Blog, not direct */
            name: string;
            /** @example seg_4f2a9c */
            segment_id: string;
            /** @example site_abc123 */
            site_id: string;
            /**
             * @description `private`: only the key that saved it (or the admin token) sees and uses it; `shared`: everyone who may read the site
             * @example shared
             * @enum {string}
             */
            visibility: "private" | "shared";
        };
        SetupState: {
            /** @description No user exists yet: the owner can be created with the admin token */
            needed: boolean;
        };
        ShareAccess: {
            /** @description Send as `Authorization: Bearer …` to the stats API (`shs_…`) */
            access_token: string;
            expires_at: number;
        };
        SharedView: {
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters: {
                [key: string]: string;
            };
            min_visitors: number | null;
            name: string;
            needs_password: boolean;
            site_id: string;
        };
        ShareLinkInfo: {
            created_at: number;
            embed_origins: string[];
            expires_at: number | null;
            has_password: boolean;
            link_id: string;
            /**
             * @description Filters the holder cannot remove or change, e.g. `{"country": "DE"}`
             * @example {
             *       "country": "DE"
             *     }
             */
            locked_filters: {
                [key: string]: string;
            };
            min_visitors: number | null;
            name: string;
            revoked_at: number | null;
            site_id: string;
        };
        Site: {
            /**
             * @example [
             *       "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b"
             *     ]
             */
            aliases: string[];
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /**
             * @example [
             *       "example.com"
             *     ]
             */
            domains: string[];
            exclusions: components["schemas"]["SiteExclusions"];
            /** @example My shop */
            name: string;
            /**
             * @description Days of events kept (null: keep everything). Once a day, events before the start of the day `retention_days` days before today (in the site's time zone) are deleted, with everything derived from them
             * @example 395
             */
            retention_days: number | null;
            /** @example site_abc123 */
            site_id: string;
            /**
             * @description IANA time zone of the site; null: none set (reads default to UTC, the dashboard to the viewer's zone)
             * @example Europe/Berlin
             */
            timezone: string | null;
        };
        /** @description Server-side exclusion rules of a site */
        SiteExclusions: {
            /**
             * @description Visitor addresses and CIDR ranges (IPv4 or IPv6) whose events are dropped
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            ips?: string[];
            /**
             * @description Honour the "don't count me" flag (default true): browsers with `localStorage.pulse_ignore` (Plausible: `plausible_ignore`, Umami: `umami.disabled`) set by a page of the site are dropped
             * @example true
             */
            opt_out?: boolean;
            /**
             * @description URL path patterns whose events are dropped: `*` matches within one segment, `**` across segments
             * @example [
             *       "/admin/**",
             *       "/preview/*"
             *     ]
             */
            paths?: string[];
        };
        SqlQuery: {
            /** @enum {string} */
            format?: "json" | "csv";
            /** @description Row cap (default and most: 10000) */
            max_rows?: number;
            /**
             * @description One read query (SELECT, WITH … SELECT, FROM …, DESCRIBE, SUMMARIZE, PRAGMA show_tables …)
             * @example SELECT event_type, count(*) AS n FROM events WHERE site_id = 'site_abc123' GROUP BY 1
             */
            query: string;
        };
        SqlResult: {
            data: {
                columns: {
                    name: string;
                    /** @example BIGINT */
                    type: string;
                }[];
                /** @description Rows as arrays, in column order */
                rows: unknown[][];
                /** @description More rows than `max_rows` existed; the rest were not read */
                truncated: boolean;
            };
            /** @constant */
            success: true;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "metric": "event_count",
         *         "value": 42,
         *         "period": "24h"
         *       }
         *     }
         * @example {
         *       "success": true,
         *       "data": {
         *         "period": "7d",
         *         "timezone": "UTC",
         *         "from": "2026-11-13T12:00:00.000Z",
         *         "to": "2026-11-20T12:00:00.000Z",
         *         "metrics": {
         *           "visitors": 120,
         *           "page_views": 480,
         *           "bounce_rate": 41.5
         *         },
         *         "previous": {
         *           "from": "2026-11-06T12:00:00.000Z",
         *           "to": "2026-11-13T12:00:00.000Z",
         *           "metrics": {
         *             "visitors": 100,
         *             "page_views": 400,
         *             "bounce_rate": 45
         *           }
         *         },
         *         "changes": {
         *           "visitors": 20,
         *           "page_views": 20,
         *           "bounce_rate": -7.78
         *         }
         *       }
         *     }
         */
        StatsResult: {
            /** @description With `metric`: StatsSingle `{metric, value, period}`. With `metrics`: StatsMulti `{period, timezone, from, to, metrics}`. */
            data: {
                /**
                 * @description Only with compare: percent change, 2 decimals; 0 when both are 0, null when only the previous is 0
                 * @example 5
                 */
                change?: number | null;
                /**
                 * @description The metric
                 * @example visitors
                 * @enum {string}
                 */
                metric: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /**
                 * @description Only with compare: the value in the compared range
                 * @example 40
                 */
                previous_value?: number;
                /**
                 * @description Its value in the period
                 * @example 42
                 */
                value: number;
            } | {
                /** @description Only with compare: percent change of each metric (null when only the previous is 0) */
                changes?: {
                    [key: string]: number | null;
                };
                /**
                 * Format: date-time
                 * @description Start of the period (inclusive)
                 * @example 2026-11-19T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description Value of each metric asked for
                 * @example {
                 *       "visitors": 120,
                 *       "page_views": 480
                 *     }
                 */
                metrics: {
                    [key: string]: number;
                };
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Only with compare: the compared range and its values */
                previous?: {
                    /**
                     * Format: date-time
                     * @description Start of the previous period
                     * @example 2026-11-18T12:00:00.000Z
                     */
                    from: string;
                    /**
                     * @description Value of each metric in the previous period
                     * @example {
                     *       "visitors": 120,
                     *       "page_views": 480
                     *     }
                     */
                    metrics: {
                        [key: string]: number;
                    };
                    /**
                     * Format: date-time
                     * @description End of the previous period
                     * @example 2026-11-19T12:00:00.000Z
                     */
                    to: string;
                };
                /**
                 * @description The time zone
                 * @example UTC
                 */
                timezone: string;
                /**
                 * Format: date-time
                 * @description End of the period (exclusive)
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "metric": "visitors",
         *         "period": "custom",
         *         "interval": "day",
         *         "timezone": "UTC",
         *         "from": "2026-11-18T00:00:00.000Z",
         *         "to": "2026-11-20T00:00:00.000Z",
         *         "points": [
         *           {
         *             "time": "2026-11-18T00:00:00Z",
         *             "value": 12
         *           },
         *           {
         *             "time": "2026-11-19T00:00:00Z",
         *             "value": 0
         *           }
         *         ]
         *       }
         *     }
         */
        TimeseriesResult: {
            data: {
                /** @description Only with compare: the compared range and its points */
                comparison?: {
                    /**
                     * Format: date-time
                     * @description Start (inclusive)
                     * @example 2026-11-13T12:00:00.000Z
                     */
                    from: string;
                    /** @description One point per bucket of the same interval overlapping the compared range, oldest first (overlay by position) */
                    points: {
                        /**
                         * @description Bucket start, ISO 8601 with the time zone’s offset
                         * @example 2026-11-20T00:00:00Z
                         */
                        time: string;
                        /** @example 17 */
                        value: number;
                    }[];
                    /**
                     * Format: date-time
                     * @description End (exclusive)
                     * @example 2026-11-20T12:00:00.000Z
                     */
                    to: string;
                };
                /**
                 * Format: date-time
                 * @description Start (inclusive)
                 * @example 2026-11-13T12:00:00.000Z
                 */
                from: string;
                /**
                 * @description The bucket size
                 * @example day
                 * @enum {string}
                 */
                interval: "minute" | "hour" | "day" | "week" | "month";
                /**
                 * @description The metric
                 * @example visitors
                 * @enum {string}
                 */
                metric: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                /**
                 * @description The period
                 * @example 7d
                 * @enum {string}
                 */
                period: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description One point per bucket overlapping the period, oldest first (at most 20000) */
                points: {
                    /**
                     * @description Bucket start, ISO 8601 with the time zone’s offset
                     * @example 2026-11-20T00:00:00Z
                     */
                    time: string;
                    /** @example 17 */
                    value: number;
                }[];
                /** @example UTC */
                timezone: string;
                /**
                 * Format: date-time
                 * @description End (exclusive)
                 * @example 2026-11-20T12:00:00.000Z
                 */
                to: string;
            };
            /** @constant */
            success: true;
        };
        /** @description An empty object (Umami's script reads `cache` and `disabled` from it; PULSE keeps sessions itself) */
        UmamiAnswer: Record<string, never>;
        /**
         * @description Umami's `POST /api/send` body
         * @example {
         *       "type": "event",
         *       "payload": {
         *         "website": "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b",
         *         "hostname": "example.com",
         *         "url": "/pricing",
         *         "name": "Signup",
         *         "data": {
         *           "plan": "pro"
         *         }
         *       }
         *     }
         */
        UmamiSend: {
            /** @description An Umami payload; unknown fields are ignored, as Umami does */
            payload: {
                /**
                 * @description Event data (stored as properties)
                 * @example {
                 *       "plan": "pro"
                 *     }
                 */
                data?: {
                    [key: string]: unknown;
                };
                /**
                 * @description Host name of the page
                 * @example example.com
                 */
                hostname?: string;
                /**
                 * @description A user id (`umami.identify`), stored as the user id
                 * @example user_123
                 */
                id?: string;
                /**
                 * @description Browser language
                 * @example en-US
                 */
                language?: string;
                /**
                 * @description Event name; without one, the event is a page view
                 * @example Signup
                 */
                name?: string;
                /**
                 * @description Referrer URL
                 * @example https://news.ycombinator.com/
                 */
                referrer?: string;
                /**
                 * @description Screen size, `WIDTHxHEIGHT`
                 * @example 1920x1080
                 */
                screen?: string;
                /**
                 * @description Tag of the script (`data-tag`), stored as the property `tag`
                 * @example variant-b
                 */
                tag?: string;
                /**
                 * @description Page title
                 * @example Pricing
                 */
                title?: string;
                /**
                 * @description Page path (or URL)
                 * @example /pricing?ref=nav
                 */
                url?: string;
                /**
                 * @description Umami's website id: one of a site's `aliases`
                 * @example 4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b
                 */
                website: string;
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "event" | "identify";
        };
        /** @description The fields to change (the kind stays). A new `webhook_id` replaces the email, a new `email` the webhook. */
        UpdateAlertBody: {
            /**
             * Format: email
             * @description Recipient address
             * @example owner@example.com
             */
            email?: string;
            /**
             * @description Kind goal: the goal name
             * @example Signup
             */
            goal?: string;
            /**
             * @description After an alert, no new alert of the rule for this long (default 60)
             * @example 60
             */
            quiet_minutes?: number;
            /**
             * @description spike: visitors; drop: a fraction such as 0.5; goal: conversions
             * @example 100
             */
            threshold?: number;
            /**
             * @description Send to this webhook of the site
             * @example wh_1a2b
             */
            webhook_id?: string;
            /**
             * @description Window checked (default 60)
             * @example 60
             */
            window_minutes?: number;
        };
        UpdateAnnotationBody: {
            /**
             * @description When: epoch ms or ISO 8601 (a date or date-time without offset is UTC). Default: now
             * @example 2026-11-20T09:30:00Z
             */
            at?: number | string;
            /**
             * @description The note, shown on hover over the chart marker
             * @example v2.3 released
             */
            text?: string;
        };
        /** @description The fields to change. A new schedule starts with the first period ending after now; a new address is subscribed again. */
        UpdateDigestBody: {
            /**
             * Format: email
             * @description Recipient address
             * @example owner@example.com
             */
            email?: string;
            /** @enum {string} */
            frequency?: "daily" | "weekly" | "monthly";
            /**
             * @description Local hour of the send (default 8)
             * @example 8
             */
            hour?: number;
            /**
             * @description IANA time zone of the periods and the hour (default UTC)
             * @example Europe/Berlin
             */
            timezone?: string;
        };
        /** @description The fields to change; null clears an optional one. The result must be a valid goal. */
        UpdateGoalBody: {
            /**
             * @description Kind event: the event type that completes the goal
             * @example signup
             */
            event_type?: string | null;
            /** @enum {string} */
            kind?: "event" | "page";
            /**
             * @description Goal name, unique within the site (the `goal` filter and breakdown key)
             * @example Signup
             */
            name?: string;
            /**
             * @description Kind page: a path pattern starting with `/`; `*` matches any characters (`/` included), everything else matches itself, case-sensitive, the whole path (`/blog/*` matches `/blog/a/b`, not `/blog`)
             * @example /checkout/*\/done
             */
            page_path?: string | null;
            /**
             * @description Optional: only events whose property `property_key` equals `property_value` (as text) count
             * @example plan
             */
            property_key?: string | null;
            /**
             * @description The property value as text (`49.9`, `true`); required with `property_key`
             * @example pro
             */
            property_value?: string | null;
        };
        /** @description The settings to change; the others are kept. `retention_days: null` removes the limit */
        UpdateSiteBody: {
            /**
             * @description Other tools' ids of this site: an Umami website id sent to `POST /api/send` is looked up here. Unique across sites
             * @example [
             *       "4fb7fa4c-5b46-438d-94b3-3a8fb9bc2e8b"
             *     ]
             */
            aliases?: string[];
            /**
             * @description Hostnames allowed to send events with the public key (empty: any origin). Plausible's `POST /api/event` finds the site by these (exact names; `*.` entries are not used for that)
             * @example [
             *       "example.com",
             *       "www.example.com"
             *     ]
             */
            domains?: string[];
            /** @description Server-side exclusion rules of a site */
            exclusions?: {
                /**
                 * @description Visitor addresses and CIDR ranges (IPv4 or IPv6) whose events are dropped
                 * @example [
                 *       "203.0.113.7",
                 *       "10.0.0.0/8",
                 *       "2001:db8::/32"
                 *     ]
                 */
                ips?: string[];
                /**
                 * @description Honour the "don't count me" flag (default true): browsers with `localStorage.pulse_ignore` (Plausible: `plausible_ignore`, Umami: `umami.disabled`) set by a page of the site are dropped
                 * @example true
                 */
                opt_out?: boolean;
                /**
                 * @description URL path patterns whose events are dropped: `*` matches within one segment, `**` across segments
                 * @example [
                 *       "/admin/**",
                 *       "/preview/*"
                 *     ]
                 */
                paths?: string[];
            };
            /**
             * @description Display name
             * @example My shop
             */
            name?: string;
            /**
             * @description Days of events kept (null: keep everything). Once a day, events before the start of the day `retention_days` days before today (in the site's time zone) are deleted, with everything derived from them
             * @example 395
             */
            retention_days?: number | null;
            /**
             * @description IANA time zone of the site: reads that name no `timezone` cut their periods and buckets in it, and the dashboard uses it. Stored event times never change with it. null (the default) sets none: reads default to UTC and the dashboard to each viewer's zone
             * @example Europe/Berlin
             */
            timezone?: string | null;
        };
        UpdateWebhookBody: {
            /** @enum {string} */
            format?: "json" | "slack" | "discord";
            /**
             * @description Where to POST (http or https)
             * @example https://hooks.example.com/pulse
             */
            url?: string;
        };
        /**
         * @example {
         *       "success": true,
         *       "data": {
         *         "deleted": 42
         *       }
         *     }
         */
        UserErased: {
            data: {
                /**
                 * @description Events deleted
                 * @example 42
                 */
                deleted: number;
            };
            /** @constant */
            success: true;
        };
        Webhook: {
            /**
             * Format: date-time
             * @example 2026-11-26T08:00:00.000Z
             */
            created_at: string;
            /** @enum {string} */
            format: "json" | "slack" | "discord";
            /** @example site_abc123 */
            site_id: string;
            /** @example https://hooks.example.com/pulse */
            url: string;
            /**
             * @description Webhook identifier
             * @example wh_1a2b3c4d5e6f7a8b
             */
            webhook_id: string;
        };
        WebVitalsResult: {
            data: {
                /** @example page */
                by: string;
                /** Format: date-time */
                from: string;
                rows: {
                    /** @description Samples rated good */
                    good: number;
                    /**
                     * @description The group (null: all, or a missing value)
                     * @example /pricing
                     */
                    key: string | null;
                    /** @enum {string} */
                    metric: "lcp" | "inp" | "cls" | "fcp" | "ttfb";
                    /** @description Samples rated needs improvement */
                    needs_improvement: number;
                    /**
                     * @description 75th percentile (continuous)
                     * @example 1840
                     */
                    p75: number;
                    /** @description Samples rated poor */
                    poor: number;
                    /** @description Page views that reported the metric */
                    samples: number;
                }[];
                /** Format: date-time */
                to: string;
            };
            /** @constant */
            success: true;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sendPlausibleEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Signup",
                 *       "url": "https://example.com/pricing",
                 *       "domain": "example.com",
                 *       "props": {
                 *         "plan": "pro"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PlausibleEvent"];
                "text/plain": components["schemas"]["PlausibleEvent"];
            };
        };
        responses: {
            /** @description Accepted (stored, or dropped by an exclusion rule) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example ok */
                    "text/plain": "ok";
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sendUmamiEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UmamiSend"];
                "text/plain": components["schemas"]["UmamiSend"];
            };
        };
        responses: {
            /** @description An empty object (Umami's script reads `cache` and `disabled` from it; PULSE keeps sessions itself) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UmamiAnswer"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PasswordChanged"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listPersonalTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiTokenInfo"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createPersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedApiToken"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokePersonalToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            revoked: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Account"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    endAccountSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            ended: number;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    downloadBackup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The backup file; header `X-Pulse-Backup-Events` gives its event count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ImportRecord"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createImport: {
        parameters: {
            query: {
                dry_run?: boolean;
                file_name?: string;
                host?: string;
                import_id?: string;
                offset?: number;
                site_id?: string;
                source: "pulse" | "umami" | "ga4" | "combined" | "caddy" | "w3c" | "plausible";
                timezone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file's text (or one part of it): NDJSON, CSV or log lines, by `source` */
        requestBody: {
            content: {
                "text/plain": string;
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ImportResult"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["DeletedImport"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    rotateAdminToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RotatedToken"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Account"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Account"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            signed_out: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                cursor?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                from?: string;
                goal?: string;
                include_bots?: string;
                limit?: number;
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                goal?: string;
                include_bots?: string;
                os?: string;
                os_version?: string;
                path?: string;
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                site_id: string;
                source?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    exportEvents: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                format?: "ndjson" | "csv" | "parquet";
                from?: string;
                goal?: string;
                include_bots?: string;
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events as a file (Content-Disposition: attachment) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.apache.parquet": string;
                    /** @example {"site_id":"site_abc123",…} */
                    "application/x-ndjson": string;
                    /** @example site_id,event_type,timestamp,… */
                    "text/csv": string;
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getFunnel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FunnelBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedInvitation"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["InvitationInfo"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Account"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getOverview: {
        parameters: {
            query?: {
                from?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                timezone?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getRetention: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                from?: string;
                goal?: string;
                include_bots?: string;
                interval?: "day" | "week";
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSetupState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SetupState"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createOwner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Account"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSharedView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SharedView"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unlockShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ShareAccess"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listSites: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Site"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createSite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSiteBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedSite"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Site"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        /** @description The settings to change; the others are kept. `retention_days: null` removes the limit */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSiteBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Site"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listAlerts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AlertRule"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAlertBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AlertRule"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change (the kind stays). A new `webhook_id` replaces the email, a new `email` the webhook. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAlertBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AlertRule"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    testAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rule_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @example dl_1a2b3c4d5e6f7a8b */
                            delivery_id: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listAnnotations: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Annotation"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createAnnotation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAnnotationBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Annotation"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteAnnotation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateAnnotation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAnnotationBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Annotation"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSiteAudit: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Delivery"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listDigests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Digest"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createDigest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDigestBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Digest"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteDigest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                digest_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateDigest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                digest_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change. A new schedule starts with the first period ending after now; a new address is subscribed again. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDigestBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Digest"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    previewDigest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                digest_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The digest as HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sendDigest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                digest_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @example dl_1a2b3c4d5e6f7a8b */
                            delivery_id: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listGoals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Goal"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGoalBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Goal"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                goal_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change; null clears an optional one. The result must be a valid goal. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGoalBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Goal"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKeyInfo"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "public" | "secret";
                };
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedKey"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            revoked: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Member"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    setMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Member"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            removed: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listReadKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ReadKeyInfo"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createReadKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReadKeyBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedReadKey"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeReadKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            revoked: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listSegments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSegmentBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Segment"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteSegment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                segment_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listShareLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ShareLinkInfo"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShareLinkBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedShareLink"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    revokeShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                link_id: string;
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            revoked: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBody"];
            };
        };
        responses: {
            /** @description Response for status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedWebhook"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            deleted: boolean;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookBody"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                site_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 202 */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @example dl_1a2b3c4d5e6f7a8b */
                            delivery_id: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    runSql: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SqlQuery"];
            };
        };
        responses: {
            /** @description The rows: JSON by default, CSV with `format: "csv"` */
            200: {
                headers: {
                    /** @description CSV only: true when rows beyond `max_rows` were cut */
                    "X-Pulse-Truncated"?: "true" | "false";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SqlResult"];
                    "text/csv": string;
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getStats: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                compare?: "previous_period" | "year_over_year" | "custom";
                compare_from?: string;
                compare_to?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                from?: string;
                goal?: string;
                include_bots?: string;
                metric?: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                metrics?: string;
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getBreakdown: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                compare?: "previous_period" | "year_over_year" | "custom";
                compare_from?: string;
                compare_to?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                dimension: ("event_type" | "url" | "path" | "entry_page" | "exit_page" | "goal" | "referrer" | "referrer_domain" | "device_type" | "country" | "browser" | "browser_version" | "os" | "os_version" | "bot_reason" | "region" | "city" | "visitor_id" | "source" | "utm_source" | "utm_medium" | "utm_campaign" | "utm_term" | "utm_content" | "channel") | string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                format?: "json" | "csv";
                from?: string;
                goal?: string;
                include_bots?: string;
                limit?: number;
                metric?: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                offset?: number;
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200; with `format=csv`, a CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakdownResult"];
                    "text/csv": string;
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getJourneys: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                depth?: number;
                device_type?: string;
                direction?: "next" | "previous";
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                from?: string;
                goal?: string;
                include_bots?: string;
                limit?: number;
                os?: string;
                os_version?: string;
                page: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getRealtime: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                goal?: string;
                include_bots?: string;
                limit?: number;
                os?: string;
                os_version?: string;
                path?: string;
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RealtimeResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTimeseries: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                channel?: string;
                city?: string;
                compare?: "previous_period" | "year_over_year" | "custom";
                compare_from?: string;
                compare_to?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                format?: "json" | "csv";
                from?: string;
                goal?: string;
                include_bots?: string;
                interval?: "minute" | "hour" | "day" | "week" | "month";
                metric?: "event_count" | "page_views" | "unique_users" | "unique_sessions" | "visitors" | "bounce_rate" | "avg_session_duration" | "events_per_session" | "views_per_session" | "time_on_page" | "scroll_depth" | "engaged_visit_duration" | "conversions" | "conversion_rate";
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200; with `format=csv`, a CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeseriesResult"];
                    "text/csv": string;
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getWebVitals: {
        parameters: {
            query: {
                bot_reason?: string;
                browser?: string;
                browser_version?: string;
                by?: "none" | "page" | "device_type" | "country";
                channel?: string;
                city?: string;
                conditions?: string;
                country?: string;
                device_type?: string;
                entry_page?: string;
                event_type?: string;
                exit_page?: string;
                from?: string;
                goal?: string;
                include_bots?: string;
                os?: string;
                os_version?: string;
                path?: string;
                period?: "1h" | "24h" | "7d" | "30d" | "90d" | "today" | "yesterday" | "month" | "last_month" | "12mo" | "year_to_date" | "all" | "custom";
                /** @description Filters on custom properties, each `property.<key>=<value>` (an exact match), e.g. `?property.plan=pro` */
                properties?: {
                    [key: string]: string;
                };
                referrer?: string;
                referrer_domain?: string;
                region?: string;
                segment?: string;
                site_id: string;
                source?: string;
                timezone?: string;
                to?: string;
                url?: string;
                user_id?: string;
                utm_campaign?: string;
                utm_content?: string;
                utm_medium?: string;
                utm_source?: string;
                utm_term?: string;
                visitor_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebVitalsResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    eraseUser: {
        parameters: {
            query: {
                site_id: string;
            };
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserErased"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    collectEvent: {
        parameters: {
            query?: {
                /** @description A public key (`pk_…`), for browsers that avoid a CORS preflight (instead of Authorization) */
                api_key?: string;
                /** @description true: validate and enrich, store nothing, answer with the `DryRunResult` shape */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "site_id": "site_abc123",
                 *       "event_type": "page_view",
                 *       "timestamp": 1703001234567,
                 *       "session_id": "session_123",
                 *       "url": "https://example.com",
                 *       "device_type": "desktop"
                 *     }
                 */
                "application/json": components["schemas"]["EventInput"];
                "text/plain": components["schemas"]["EventInput"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @example 1 */
                            accepted: number;
                        };
                        /** @constant */
                        success: true;
                    } | components["schemas"]["DryRunResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    collectBatch: {
        parameters: {
            query?: {
                /** @description A public key (`pk_…`), for browsers that avoid a CORS preflight (instead of Authorization) */
                api_key?: string;
                /** @description true: validate and enrich, store nothing, answer with the `DryRunResult` shape */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "events": [
                 *         {
                 *           "site_id": "site_abc123",
                 *           "event_type": "page_view",
                 *           "timestamp": 1703001234567,
                 *           "session_id": "session_123",
                 *           "url": "https://example.com",
                 *           "device_type": "desktop"
                 *         },
                 *         {
                 *           "site_id": "site_abc123",
                 *           "event_type": "click",
                 *           "timestamp": 1703001234567,
                 *           "session_id": "session_123",
                 *           "url": "https://example.com",
                 *           "device_type": "desktop"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchInput"];
                "text/plain": components["schemas"]["BatchInput"];
            };
        };
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @example 3 */
                            accepted: number;
                            rejected: {
                                /** @description Each bad field: its JSON path and what is wrong with it */
                                details: {
                                    message: string;
                                    path: string;
                                }[];
                                /** @example $.timestamp: must be within the last 30 days */
                                error: string;
                                /**
                                 * @description Position of the event in `events`
                                 * @example 2
                                 */
                                index: number;
                            }[];
                        };
                        /** @constant */
                        success: true;
                    } | components["schemas"]["DryRunResult"];
                };
            };
            /** @description Error envelope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Response for status 200 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthAdmin"] | components["schemas"]["HealthPublic"];
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Response for status 503 */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthAdmin"] | components["schemas"]["HealthPublic"];
                };
            };
        };
    };
    getPlausibleScript: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script (minified JavaScript) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified (the ETag matches) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    callMcp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string | number;
                    /** @constant */
                    jsonrpc: "2.0";
                    /** @example tools/list */
                    method: string;
                    params?: Record<string, never>;
                };
            };
        };
        responses: {
            /** @description A JSON-RPC response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: {
                            code: number;
                            message: string;
                        };
                        id?: string | number | null;
                        /** @constant */
                        jsonrpc: "2.0";
                        result?: Record<string, never>;
                    };
                };
            };
            /** @description A notification was accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a JSON-RPC message */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: {
                            code: number;
                            message: string;
                        };
                        id?: string | number | null;
                        /** @constant */
                        jsonrpc: "2.0";
                        result?: Record<string, never>;
                    };
                };
            };
            /** @description Missing or invalid key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description A public key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Accept must list application/json and text/event-stream */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: {
                            code: number;
                            message: string;
                        };
                        id?: string | number | null;
                        /** @constant */
                        jsonrpc: "2.0";
                        result?: Record<string, never>;
                    };
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type must be application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error?: {
                            code: number;
                            message: string;
                        };
                        id?: string | number | null;
                        /** @constant */
                        jsonrpc: "2.0";
                        result?: Record<string, never>;
                    };
                };
            };
            /** @description The body is not JSON */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Rate limit exceeded */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Error envelope */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The credentials lack the permission this route needs */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The share link is revoked or expired */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUmamiScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script (minified JavaScript) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified (the ETag matches) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTrackerExtras: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The extras script (minified JavaScript) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified (the ETag matches) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTrackerScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tracker script (minified JavaScript) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Not modified (the ETag matches) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getUnsubscribePage: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page saying what happened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (HTML page) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unsubscribeDigest: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    "List-Unsubscribe"?: "One-Click";
                    /** @description The signed token, when not in the query */
                    token?: string;
                };
            };
        };
        responses: {
            /** @description An HTML page saying what happened */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (HTML page) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Error envelope */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unavailable: the server is shutting down */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
