// @pulse/sdk/testing: a real PULSE server for an application's integration tests — started on a free
// port with a temporary data directory, a site and its keys ready — and assertions on the events it
// received. Node 18+ and Bun (it starts a process, so not in browsers).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PulseClient, type PulseClientOptions } from './client.js'
import type { components } from './openapi-types.js'

/** A stored event, as GET /api/v1/events returns it. */
export type StoredEvent = components['schemas']['RawEvent']

/** Options of `startPulse`. */
export interface StartPulseOptions {
  /** How to run PULSE (default `['pulse']`, the binary on PATH; from a checkout `['bun', 'src/cli.ts']`). */
  command?: string[]
  /** Working directory of the command. */
  cwd?: string
  /** Site to create (default `test`). */
  siteId?: string
  /** More environment for the server (PULSE_* variables). */
  env?: Record<string, string>
  /** How long to wait for the server to start (default 20 s). */
  startTimeoutMs?: number
}

/** A running test server. */
export interface TestPulse {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** The temporary data directory (removed by `stop()`). */
  dataDir: string
  siteId: string
  publicKey: string
  secretKey: string
  adminToken: string
  /** A `PulseClient` for the site (secret key), pointing at this server. */
  client(options?: Partial<PulseClientOptions>): PulseClient
  /** Every event stored for the site so far, oldest first. */
  events(): Promise<StoredEvent[]>
  /**
   * Wait (default 2 s) until an event has every field of `match` (properties compared key by key), and
   * return it; throws an Error listing what was received otherwise.
   */
  expectEvent(
    match: Partial<Omit<StoredEvent, 'properties'>> & { properties?: Record<string, unknown> },
    options?: { timeoutMs?: number },
  ): Promise<StoredEvent>
  /** Stop the server and remove its data directory. */
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Start a PULSE server for a test. Call `stop()` when done (e.g. in `afterAll`). */
export async function startPulse(o: StartPulseOptions = {}): Promise<TestPulse> {
  const [cmd, ...args] = o.command ?? ['pulse']
  const siteId = o.siteId ?? 'test'
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-test-'))
  const adminToken = `test_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
  const child = spawn(cmd, [...args, 'serve'], {
    cwd: o.cwd,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PULSE_DATA_DIR: dataDir,
      PULSE_ADMIN_TOKEN: adminToken,
      PULSE_LOG_LEVEL: 'warn',
      PULSE_FLUSH_INTERVAL_MS: '100',
      ...o.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  child.stderr?.on('data', (d: Buffer) => {
    log = (log + d.toString()).slice(-4000)
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true })
  const url = await waitForServer(dataDir, o.startTimeoutMs ?? 20_000, exited).catch(async (err) => {
    child.kill('SIGKILL')
    cleanup()
    throw new Error(`${(err as Error).message}\n${log}`)
  })
  const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }
  const created = await fetch(`${url}/api/v1/sites`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ site_id: siteId }),
  })
  const site = (await created.json()) as { data: { public_key: string; secret_key: string } }
  if (!created.ok) throw new Error(`cannot create site ${siteId}: ${JSON.stringify(site)}`)
  const { public_key: publicKey, secret_key: secretKey } = site.data

  async function events(): Promise<StoredEvent[]> {
    const out: StoredEvent[] = []
    let cursor: string | null = null
    do {
      const q: string = `site_id=${encodeURIComponent(siteId)}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`
      const res = await fetch(`${url}/api/v1/events?${q}`, {
        headers: { authorization: `Bearer ${secretKey}` },
      })
      const body = (await res.json()) as { data: { events: StoredEvent[]; next_cursor: string | null } }
      if (!res.ok) throw new Error(`cannot read events: ${JSON.stringify(body)}`)
      out.push(...body.data.events)
      cursor = body.data.next_cursor
    } while (cursor)
    return out.reverse()
  }

  return {
    url,
    dataDir,
    siteId,
    publicKey,
    secretKey,
    adminToken,
    client: (options = {}) => new PulseClient({ siteId, apiKey: secretKey, endpoint: url, ...options }),
    events,
    async expectEvent(match, { timeoutMs = 2000 } = {}) {
      const deadline = Date.now() + timeoutMs
      let seen: StoredEvent[] = []
      for (;;) {
        seen = await events()
        const found = seen.find((e) => matches(e, match))
        if (found) return found
        if (Date.now() >= deadline) break
        await sleep(50)
      }
      const list = seen.slice(-10).map((e) => `  ${JSON.stringify(e)}`)
      throw new Error(
        `expected an event matching ${JSON.stringify(match)} within ${timeoutMs} ms; received ${seen.length}${list.length ? `, the last:\n${list.join('\n')}` : ''}`,
      )
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      cleanup()
    },
  }
}

function matches(e: StoredEvent, match: Record<string, unknown>): boolean {
  const ev = e as unknown as Record<string, unknown>
  for (const [k, v] of Object.entries(match)) {
    if (k === 'properties' && v && typeof v === 'object') {
      const props = (ev.properties ?? {}) as Record<string, unknown>
      for (const [pk, pv] of Object.entries(v)) if (props[pk] !== pv) return false
    } else if (ev[k] !== v) return false
  }
  return true
}

/** The server's URL from `<dataDir>/server.json` once it answers /health. */
async function waitForServer(
  dataDir: string,
  timeoutMs: number,
  exited: Promise<number | null>,
): Promise<string> {
  let gone: number | null | undefined
  exited.then((code) => {
    gone = code
  })
  const file = join(dataDir, 'server.json')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`PULSE exited (code ${gone}) before it was ready`)
    if (existsSync(file)) {
      try {
        const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url: string }
        if ((await fetch(`${url}/health`)).ok) return url
      } catch {}
    }
    await sleep(50)
  }
  throw new Error(`PULSE did not start within ${timeoutMs} ms`)
}
