// `pulse help`: every command, flag, environment variable and exit code. A test checks that each
// variable read in config.ts is listed here.
import { VERSION } from '../version'

/** Environment variables read by `loadConfig`, with defaults, for the help text. */
export const ENV_VARS: [name: string, what: string][] = [
  ['PORT', 'HTTP port (default 3000; --port overrides)'],
  ['HOST', 'address to listen on (default 0.0.0.0; --host overrides)'],
  [
    'PULSE_DATA_DIR',
    'data directory (default ./data, relative to the working directory; --data-dir overrides)',
  ],
  ['PULSE_DB_PATH', 'database file (default <data dir>/pulse.duckdb)'],
  ['PULSE_ADMIN_TOKEN', 'admin token (≥ 16 characters); unset: generated into <data dir>/admin-token'],
  ['PULSE_FLUSH_INTERVAL_MS', 'write buffered events at least this often (default 1000)'],
  ['PULSE_WORKER_NICE', 'Linux: nice value of every thread but the one serving HTTP (default 10; 0 = off)'],
  ['PULSE_FLUSH_MAX_ROWS', 'write when this many events wait (default 50000)'],
  ['PULSE_MAX_BUFFER_ROWS', 'answer 503 beyond this many waiting events (default 1000000)'],
  ['PULSE_MAX_BUFFER_MB', 'answer 503 beyond this many MiB of waiting events (default 32)'],
  ['PULSE_RATE_LIMIT_PER_MINUTE', 'requests per key per minute, 0 = off (default 6000)'],
  ['PULSE_IP_RATE_LIMIT_PER_MINUTE', 'browser requests per site and IP per minute, 0 = off (default 600)'],
  ['PULSE_TRUSTED_PROXIES', 'reverse proxies in front whose X-Forwarded-For is trusted (default 0)'],
  [
    'PULSE_GEOIP_DB',
    'MMDB file (MaxMind or DB-IP city) for country, region, city (default: shipped CC0 country file)',
  ],
  [
    'PULSE_BOT_BURST_PER_MINUTE',
    'events per minute one visitor may send before the rest count as bots, 0 = off (default 600)',
  ],
  ['PULSE_MAX_EVENT_AGE_DAYS', 'oldest accepted event timestamp, in days (default 30)'],
  ['PULSE_MAX_BODY_BYTES', 'largest request body (default 1048576)'],
  ['PULSE_MAX_BATCH_EVENTS', 'most events per batch (default 1000)'],
  ['PULSE_LOG_LEVEL', 'debug, info, warn, error or silent (default info)'],
  ['PULSE_DURABILITY', 'fsync (acknowledge after the write-ahead log is on disk) or none (default fsync)'],
  ['PULSE_SHUTDOWN_TIMEOUT_MS', 'longest a SIGTERM drain may take (default 30000)'],
  [
    'PULSE_QUERY_TIMEOUT_MS',
    'time limit of one analytics query; past it the query is interrupted (default 10000)',
  ],
  ['PULSE_READ_CONCURRENCY', 'analytics queries and exports running at once, overall'],
  ['PULSE_READ_CONCURRENCY_PER_KEY', 'analytics queries and exports running at once for one key'],
  ['PULSE_READ_QUEUE_PER_KEY', 'queries of one key that may wait for a slot before a 429 (default 32)'],
  ['PULSE_SMTP_HOST', 'SMTP server of digest and alert emails; unset: no email'],
  ['PULSE_SMTP_PORT', 'SMTP port (default 587; 465 with PULSE_SMTP_SECURITY=tls)'],
  [
    'PULSE_SMTP_SECURITY',
    'starttls (required upgrade), tls (from the first byte) or none (default starttls)',
  ],
  ['PULSE_SMTP_USER', 'SMTP user name (with PULSE_SMTP_PASSWORD)'],
  ['PULSE_SMTP_PASSWORD', 'SMTP password (never logged)'],
  ['PULSE_SMTP_FROM', 'sender of digests and alerts, e.g. "PULSE <pulse@example.com>"'],
  [
    'PULSE_PUBLIC_URL',
    'address recipients reach the server at, for unsubscribe links (default http://localhost:PORT)',
  ],
  ['PULSE_REPORTS_TICK_MS', 'how often due digests, alert rules and retries are checked (default 30000)'],
  ['PULSE_DELIVERY_MAX_ATTEMPTS', 'attempts of one email or webhook before it counts as failed (default 6)'],
  [
    'PULSE_CLICKHOUSE_URL',
    'store events in ClickHouse (http(s)://host:8123, or chdb:<dir> after npm run setup:chdb); unset: DuckDB',
  ],
  ['PULSE_CLICKHOUSE_USER', 'ClickHouse user'],
  ['PULSE_CLICKHOUSE_PASSWORD', 'ClickHouse password (never logged)'],
  ['PULSE_CLICKHOUSE_DATABASE', "ClickHouse database of PULSE's tables, created if missing (default pulse)"],
  [
    'PULSE_NODE_ID',
    "this node's name in ClickHouse insert deduplication tokens (default: kept in the data directory)",
  ],
  [
    'UV_THREADPOOL_SIZE',
    "Bun's worker threads for DuckDB and file writes; pulse starts itself again with PULSE_READ_CONCURRENCY + 5 (at least one per core) when unset",
  ],
]

/** The help text. */
export function helpText(): string {
  const env = ENV_VARS.map(([n, w]) => `  ${n.padEnd(32)}${w}`).join('\n')
  return `PULSE ${VERSION}: self-hosted event analytics in one file

Usage: pulse [command] [options]

Commands:
  serve                         run the server (the default when no command is given)
  sites list                    list sites
  sites create [SITE_ID] [--name NAME] [--domain HOST]...
                                create a site; prints its public and secret keys (shown only now)
  sites delete SITE_ID --yes    delete a site with its keys, goals and events
  keys list SITE_ID             list a site's keys
  keys create SITE_ID [--kind public|secret]
                                create a key (default secret); prints it (shown only now)
  keys revoke SITE_ID KEY_ID    revoke a key at once
  read-keys list SITE_ID        list a site's read-only keys
  read-keys create SITE_ID [--name NAME] [--filter KEY=VALUE]... [--min-visitors K] [--expires DATE]
                                create a read-only key (rk_…: reads stats and raw events, never writes,
                                exports or erases); prints it (shown only now)
  read-keys revoke SITE_ID KEY_ID
                                revoke a read-only key at once
  users create EMAIL --owner    create the first owner; the password is read from standard input
  users invite EMAIL (--site SITE_ID --role viewer|editor|admin | --owner) [--send-email]
                                print a one-time invitation link (no mail needed); --send-email
                                also mails it when PULSE_SMTP_* is set
  users list                    list users and their roles
  reports list SITE_ID          list a site's email digests
  reports create SITE_ID --email ADDR --frequency daily|weekly|monthly [--hour H] [--timezone TZ]
                                send the site's figures by email at a local hour (needs PULSE_SMTP_*)
  reports update SITE_ID DIGEST_ID [--email ADDR] [--frequency F] [--hour H] [--timezone TZ]
  reports test SITE_ID DIGEST_ID
                                queue the latest period's digest now (the server sends it)
  reports delete SITE_ID DIGEST_ID
  reports deliveries SITE_ID    the last emails and webhook calls: status, attempts, last error
  alerts list SITE_ID           list a site's alert rules and their state
  alerts create SITE_ID --kind spike|drop|goal --threshold N (--webhook WEBHOOK_ID | --email ADDR)
         [--window MIN] [--goal NAME] [--quiet-minutes MIN]
                                spike: visitors in the window above N; drop: below N (0-1) times last
                                week; goal: conversions of NAME below N
  alerts update SITE_ID RULE_ID [--threshold N] [--window MIN] [--goal NAME] [--quiet-minutes MIN]
         [--webhook WEBHOOK_ID | --email ADDR]
  alerts test SITE_ID RULE_ID   queue what the rule would send now, marked as a test
  alerts delete SITE_ID RULE_ID
  webhooks list|create|update|test|delete SITE_ID [WEBHOOK_ID] [--url URL] [--format json|slack|discord]
                                webhooks of alerts; create prints the signing secret (shown only now)
  goals list SITE_ID            list a site's goals
  goals add SITE_ID NAME (--event TYPE | --page PATTERN) [--property KEY=VALUE]
                                add a goal: an event type, or a page-path pattern (* = any characters),
                                optionally only with a property value
  goals update SITE_ID GOAL_ID [--name NAME] [--event TYPE | --page PATTERN] [--property KEY=VALUE]
                                change a goal (--property "" drops the property match)
  goals delete SITE_ID GOAL_ID  delete a goal (its events stay)
  annotate TEXT [--site SITE_ID] [--at WHEN] [--url URL --key SECRET_KEY]
                                mark a moment (default now) on a site's chart, e.g. from a deploy step;
                                --url (or PULSE_URL) posts to that server with the site's secret key
                                (--key or PULSE_KEY); without --site a data directory's only site
  token rotate                  replace the admin token in <data dir>/admin-token; prints the new one
  backup FILE                   write a consistent backup of the database to FILE (while ingest goes on)
  restore FILE [--force | --replay-log]
                                restore a backup into an empty data directory (server stopped);
                                --force replaces an existing database; --replay-log replaces a damaged
                                one (kept as *.damaged-<time>) and keeps the write-ahead log, whose
                                events newer than the backup are written at the next start
  compact                       rewrite the database file without the space deletes freed (server
                                stopped): DuckDB reuses freed space but never shrinks the file
  export --site SITE_ID [--format ndjson|csv|parquet] [--period P] [-o FILE]
                                stream a site's events (default NDJSON, all time) to FILE or stdout
  import FILE [--source S] [--site SITE_ID] [--domain HOST] [--timezone TZ] [--dry-run]
                                import events; S: pulse (an export, the default), umami, ga4,
                                combined (nginx/Apache), caddy, w3c (IIS), plausible (its export: the
                                ZIP, its directory or a table; --timezone: the site's zone there);
                                importing again stores nothing twice; --domain: the site's host in the
                                log (its referrers are internal)
  import list                   list imports with their counts
  import delete IMPORT_ID       delete an import and every event it stored
  check                         check the configuration, data directory, port and database
  migrate clickhouse            copy the DuckDB file's events into PULSE_CLICKHOUSE_URL (server stopped;
                                DuckDB only read; resumable: run it again after a failure), then check
                                the counts per site and day
  health                        exit 0 when the server at --host/--port answers /health (for HEALTHCHECK)
  dev [--data-dir DIR] [--quiet] a server for local development: throwaway database unless --data-dir,
                                a "dev" site for localhost pages, each incoming event printed as a line
  mcp                           MCP server over stdio (tools: stats, timeseries, breakdown, funnel,
                                retention, events, sites); key from PULSE_MCP_KEY, else the admin token
  version                       print the version
  help                          print this help

Options:
  --data-dir DIR                data directory (overrides PULSE_DATA_DIR)
  --port N, --host ADDR         where \`serve\` listens (override PORT and HOST)
  --json                        machine-readable output on stdout

Commands that touch data use the running server's admin API when a server owns the data directory
(found through <data dir>/server.json), and open the database themselves when none runs.

Environment:
${env}

Exit codes:
  0 success   1 failed   2 bad usage or configuration   3 database busy or server refused
  4 not found   5 already exists / refused in this state
`
}
