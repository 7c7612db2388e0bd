// Test harness: a real Elysia app on a real in-memory DuckDB (real migrations), a manual clock and a
// buffer flushed by hand. `request` goes through `app.handle`, as a client would.
import { type App, type AppDeps, createApp } from '../../src/app'
import { manualClock } from '../../src/clock'
import { type Config, loadConfig } from '../../src/config'
import type { Enrichment } from '../../src/ingest/enrich'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { createSite } from '../../src/sites/service'

export const ADMIN_TOKEN = 'test-admin-token-0123456789'
/** 2026-11-20T12:00:00Z: tests pin "now" here unless they move the clock. */
export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0)

export interface TestApp {
  app: App
  deps: AppDeps & { enrichment: Enrichment; close(): Promise<unknown> }
  clock: ReturnType<typeof manualClock>
  config: Config
  request(
    method: string,
    path: string,
    opts?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
  json<T = any>(
    method: string,
    path: string,
    opts?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>
  /** Create a site through the service; returns its keys. */
  site(
    siteId: string,
    domains?: string[],
  ): Promise<{ site_id: string; public_key: string; secret_key: string }>
  close(): Promise<void>
}

/** Build a test app. `env` overrides configuration variables. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: ADMIN_TOKEN,
    PULSE_DB_PATH: ':memory:',
    PULSE_LOG_LEVEL: 'silent',
    ...env,
  })
  const clock = manualClock(T0)
  const deps = await createServices(config, {
    clock,
    logger: createLogger(config.logLevel),
    autoFlush: false,
  })
  const app = createApp(deps)
  const request: TestApp['request'] = (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.key) headers.authorization = `Bearer ${opts.key}`
    let body: string | undefined
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
      headers['content-type'] ??= 'application/json'
    }
    return app.handle(new Request(`http://localhost${path}`, { method, headers, body }))
  }
  return {
    app,
    deps,
    clock,
    config,
    request,
    async json(method, path, opts) {
      const res = await request(method, path, opts)
      const text = await res.text()
      let body: any
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
      return { status: res.status, body, headers: res.headers }
    },
    site: (siteId, domains) => createSite(deps, { site_id: siteId, domains }),
    close: async () => {
      await deps.close()
    },
  }
}

/** A valid event for `siteId`, sent one second before the test clock's start (T0). */
export function event(siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site_id: siteId,
    event_type: 'page_view',
    timestamp: T0 - 1000,
    session_id: 'session_123',
    url: 'https://example.com',
    device_type: 'desktop',
    ...overrides,
  }
}

/**
 * The real services and app on a DuckDB file and log under `dataDir` (manual clock at T0, flushed by
 * hand; `env` overrides configuration), for tests that stop and start again on the same directory: `post` sends JSON with a key,
 * `count` flushes and counts the stored events, `crash` drops the database without a shutdown.
 */
export async function bootOnDir(dataDir: string, env: Record<string, string> = {}) {
  const config = loadConfig({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: ADMIN_TOKEN, ...env })
  const deps = await createServices(config, {
    clock: manualClock(T0),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  const app = createApp(deps)
  const post = (path: string, key: string, body: unknown) =>
    app.handle(
      new Request(`http://localhost${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
  const count = async () => {
    await deps.buffer.flush()
    const r = await deps.db.reader.runAndReadAll('SELECT count(*)::INTEGER AS n FROM events')
    return Number(r.getRows()[0][0])
  }
  return { deps, app, post, count, crash: () => deps.db.close() }
}
