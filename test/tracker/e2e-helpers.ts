// Helpers for the tracker and SDK end-to-end tests: a real PULSE process with a site made through
// the admin API, a second web server on another origin, headless Chromium, and reads of the results
// through /health, the stats API and, after the server has stopped, straight from its DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { openDatabase } from '../../src/db/open'
import { queryRows } from '../../src/db/rows'
import { type RunningServer, startServer } from '../helpers/server'

export const ADMIN = 'e2e-admin-token-tracker-sdk'

/** A running PULSE process with its own data directory. */
export interface Pulse {
  server: RunningServer
  url: string
  dataDir: string
  /** Create a site through the admin API (replacing one of that id, e.g. the demo site); returns its keys. */
  site(
    siteId: string,
    domains?: string[],
  ): Promise<{ site_id: string; public_key: string; secret_key: string }>
  /** One stats metric of a site (24h), read with `key` (its secret key or the admin token). */
  metric(siteId: string, key: string, metric: string): Promise<number>
  /** Events the server has acknowledged since it started (written or still buffered), from /health. */
  accepted(): Promise<number>
  /** Poll `accepted()` until it reaches `atLeast` (or 10 s pass); returns the last value. */
  waitForAccepted(atLeast: number): Promise<number>
  /** Stop the process (SIGTERM: flush and close) and remove its data. */
  close(): Promise<void>
}

/** Start PULSE on a free port (or `env.PORT`) with a fresh data directory (or `dataDir`, to restart). */
export async function startPulse(env: Record<string, string> = {}, reuseDir?: string): Promise<Pulse> {
  const dataDir = reuseDir ?? mkdtempSync(join(tmpdir(), 'pulse-e2e-'))
  const server = await startServer({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN, ...env })
  const url = server.url
  const metric = async (siteId: string, key: string, name: string) => {
    const res = await fetch(`${url}/api/v1/stats?site_id=${siteId}&metric=${name}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    const body = (await res.json()) as { data: { value: number } }
    if (res.status !== 200) throw new Error(`stats ${res.status}: ${JSON.stringify(body)}`)
    return body.data.value
  }
  const accepted = async () => {
    const res = await fetch(`${url}/health`, { headers: { authorization: `Bearer ${ADMIN}` } })
    const h = (await res.json()) as { details: { buffer_depth: number; flushed_events: number } }
    return h.details.buffer_depth + h.details.flushed_events
  }
  return {
    server,
    url,
    dataDir,
    async site(siteId, domains) {
      await fetch(`${url}/api/v1/sites/${siteId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN}` },
      })
      const res = await fetch(`${url}/api/v1/sites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ site_id: siteId, domains }),
      })
      const body = (await res.json()) as { data: { site_id: string; public_key: string; secret_key: string } }
      if (res.status !== 201) throw new Error(`create site ${res.status}: ${JSON.stringify(body)}`)
      return body.data
    },
    metric,
    accepted,
    async waitForAccepted(atLeast) {
      const deadline = Date.now() + 10_000
      for (;;) {
        const n = await accepted()
        if (n >= atLeast || Date.now() > deadline) return n
        await Bun.sleep(50)
      }
    },
    async close() {
      await server.stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A stored event, as read back from DuckDB. */
export interface StoredEvent {
  site_id: string
  event_type: string
  ts: number
  session_id: string
  user_id: string | null
  url: string | null
  referrer: string | null
  device_type: string | null
  country: string | null
  properties: string | null
  event_id: string | null
  browser: string | null
  os: string | null
  bot_reason: string | null
  source: string | null
  channel: string | null
  visitor_id: string | null
}

/** Stop PULSE gracefully, then read a site's events from its DuckDB file (ordered by time). */
export async function stopAndReadEvents(pulse: Pulse, siteId: string): Promise<StoredEvent[]> {
  expectExit(await pulse.server.stop('SIGTERM'))
  const db = await openDatabase(join(pulse.dataDir, 'pulse.duckdb'))
  try {
    return await queryRows<StoredEvent>(
      db.reader,
      'SELECT site_id, event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id, browser, os, bot_reason, source, channel, visitor_id FROM events WHERE site_id = $1 ORDER BY ts, event_type',
      [siteId],
    )
  } finally {
    db.close()
  }
}

function expectExit(code: number | null): void {
  if (code !== 0) throw new Error(`PULSE exited with ${code}`)
}

/** A desktop Chrome User-Agent: what a person's browser sends. */
export const DESKTOP_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/**
 * Headless Debian Chromium through playwright-core (Playwright gives each launch a fresh profile dir).
 * By default it passes for a person (a desktop UA, `navigator.webdriver` false), since PULSE counts
 * headless and automated browsers as bots; `{ asBot: true }` keeps its own HeadlessChrome UA.
 */
export function launchChromium(opts: { asBot?: boolean } = {}): Promise<Browser> {
  const person = opts.asBot
    ? []
    : [`--user-agent=${DESKTOP_UA}`, '--disable-blink-features=AutomationControlled']
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...person,
    ],
  })
}

/** A tiny web server on another origin serving HTML pages (and scripts, by `.js` path) by path. */
export interface PageServer {
  url: string
  /** Serve `html` at `path`. */
  page(path: string, html: string): string
  stop(): void
}

/** Start the page server on a free port. */
export function servePages(): PageServer {
  const pages = new Map<string, string>()
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch(req) {
      const html = pages.get(new URL(req.url).pathname)
      if (html === undefined) return new Response('not found', { status: 404 })
      const type = req.url.endsWith('.js') ? 'text/javascript' : 'text/html'
      return new Response(html, { headers: { 'content-type': `${type}; charset=utf-8` } })
    },
  })
  const url = `http://127.0.0.1:${server.port}`
  return {
    url,
    page(path, html) {
      pages.set(path, html)
      return url + path
    },
    stop: () => server.stop(true),
  }
}

/** A port nothing listens on (bound, then released). */
export function closedPort(): number {
  const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('') })
  const port = s.port as number
  s.stop(true)
  return port
}
