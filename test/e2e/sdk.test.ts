// @pulse/sdk as a user gets it: `npm pack` in src/sdk, the tarball installed into an empty project.
// The seed's Method 3 snippet runs verbatim under Node and under Bun against a real PULSE process;
// its .d.ts type-checks a TypeScript consumer; batching, retry across a server restart and 429
// Retry-After run against a real server with a low rate limit; and the same package in Chromium on
// another origin (CORS preflight, Retry-After readable cross-origin).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { packAndInstall } from '../sdk/pack'
import { ADMIN, launchChromium, type Pulse, servePages, startPulse } from '../tracker/e2e-helpers'

// Method 3 of the seed (send-your-first-event.md), character for character.
const SEED_SDK = `import { PulseClient } from '@pulse/sdk'
const pulse = new PulseClient({
siteId: 'site_abc123',
apiKey: 'YOUR_API_KEY',
endpoint: 'https://your-api.example.com'
})
// Send event
await pulse.trackEvent({
eventType: 'page_view',
sessionId: 'session_123',
url: '/products',
deviceType: 'desktop'
})`

let consumer: string
const servers: Pulse[] = []
const ROOT = join(import.meta.dir, '..', '..')

beforeAll(() => {
  consumer = packAndInstall().dir
}, 60_000)
afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined)
  if (consumer) rmSync(consumer, { recursive: true, force: true })
})

/** POST events with `key` until the server answers 429 (the key's bucket is empty); false if it never does. */
async function spendBucket(url: string, key: string, siteId: string): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${url}/collect`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ site_id: siteId, event_type: 'filler', timestamp: Date.now(), session_id: 'f' }),
    })
    if (res.status === 429) return true
  }
  return false
}

function runScript(cmd: string[], timeoutMs = 15_000) {
  const p = Bun.spawnSync(cmd, { cwd: consumer, stdout: 'pipe', stderr: 'pipe', timeout: timeoutMs })
  return { code: p.exitCode, out: p.stdout.toString(), err: p.stderr.toString() }
}

describe('@pulse/sdk from the packed tarball', () => {
  test('the package holds ESM JavaScript and type declarations, and no runtime dependencies', async () => {
    const pkg = await Bun.file(join(consumer, 'node_modules/@pulse/sdk/package.json')).json()
    expect(pkg.name).toBe('@pulse/sdk')
    expect(pkg.type).toBe('module')
    expect(pkg.dependencies).toBeUndefined()
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/client.js', 'dist/openapi-types.d.ts'])
      expect(await Bun.file(join(consumer, 'node_modules/@pulse/sdk', f)).exists()).toBe(true)
  })

  test('the seed snippet, verbatim, under Node and under Bun: the server has both events', async () => {
    const pulse = await startPulse()
    servers.push(pulse)
    const site = await pulse.site('site_abc123')
    const script = SEED_SDK.replace('YOUR_API_KEY', site.secret_key).replace(
      'https://your-api.example.com',
      pulse.url,
    )
    writeFileSync(join(consumer, 'seed.mjs'), script)
    const node = runScript(['node', 'seed.mjs'])
    expect(node.err).toBe('')
    expect(node.code).toBe(0)
    // Acknowledged means stored: the very next query counts it.
    expect(await pulse.metric('site_abc123', site.secret_key, 'page_views')).toBe(1)
    const bun = runScript([process.execPath, 'seed.mjs'])
    expect(bun.err).toBe('')
    expect(bun.code).toBe(0)
    expect(await pulse.metric('site_abc123', site.secret_key, 'page_views')).toBe(2)
    expect(await pulse.metric('site_abc123', site.secret_key, 'unique_sessions')).toBe(1)
  }, 30_000)

  test('its type declarations check a TypeScript consumer and catch misuse', () => {
    writeFileSync(
      join(consumer, 'consumer.mts'),
      `import { PulseClient, PulseError, type TrackEventInput, type Stats } from '@pulse/sdk'
const pulse = new PulseClient({ siteId: 'site_abc123', apiKey: 'sk_x', endpoint: 'http://localhost:3000' })
const event: TrackEventInput = { eventType: 'purchase', sessionId: 's', userId: 'u', properties: { plan: 'pro', amount: 9.5 } }
const { eventId }: { eventId: string } = await pulse.trackEvent(event)
const stats: Stats = await pulse.getStats({ metric: 'event_count', period: '7d' })
console.log(eventId, stats.period)
try { await pulse.flush() } catch (e) { if (e instanceof PulseError) console.log(e.status, e.kind, e.details) }
// @ts-expect-error: the wire's snake_case is not the SDK's input
await pulse.trackEvent({ event_type: 'page_view', session_id: 's' })
// @ts-expect-error: properties are flat
await pulse.trackEvent({ eventType: 'x', sessionId: 's', properties: { nested: { a: 1 } } })
await pulse.shutdown()
`,
    )
    const tsc = runScript(
      [
        join(ROOT, 'node_modules/.bin/tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom',
        // Check the consumer's code against our declarations, not the declarations of the standard library.
        '--skipLibCheck',
        'consumer.mts',
      ],
      30_000,
    )
    expect(tsc.out + tsc.err).toBe('')
    expect(tsc.code).toBe(0)
  }, 30_000)

  test('batches, retries across a server restart, honours 429 Retry-After (real server, low rate limit)', async () => {
    const { PulseClient } = (await import(
      join(consumer, 'node_modules/@pulse/sdk/dist/index.js')
    )) as typeof import('../../src/sdk/src/index')
    const env = { PULSE_RATE_LIMIT_PER_MINUTE: '60' }
    let pulse = await startPulse(env)
    const site = await pulse.site('site_sdk')
    const port = new URL(pulse.url).port
    const dataDir = pulse.dataDir
    const retries: { attempt: number; delayMs: number; status: number; kind: string }[] = []
    let requests = 0
    let restarting: Promise<Pulse> | undefined
    const client = new PulseClient({
      siteId: 'site_sdk',
      apiKey: site.secret_key,
      endpoint: pulse.url,
      retryBaseMs: 100,
      maxRetries: 12,
      maxRetryDelayMs: 2_000,
      fetch: (url, init) => {
        requests++
        return fetch(url, init)
      },
      onRetry: ({ attempt, delayMs, error }) => {
        retries.push({ attempt, delayMs, status: error.status, kind: error.kind })
        // The server is down: bring it back on the same port with the same data (keys included).
        if (error.kind === 'network' && !restarting) restarting = startPulse({ ...env, PORT: port }, dataDir)
      },
    })

    // Batching: 50 events tracked at once share a few requests.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.trackEvent({ eventType: 'burst', sessionId: `b${i}` })),
    )
    expect(requests).toBeLessThanOrEqual(5)
    expect(await pulse.metric('site_sdk', ADMIN, 'event_count')).toBe(50)

    // Server down: the event waits through connection errors and is stored once the server is back.
    expect(await pulse.server.stop('SIGTERM')).toBe(0)
    const during = await client.trackEvent({ eventType: 'during_restart', sessionId: 's' })
    expect(during.eventId).toBeString()
    expect(restarting).toBeDefined()
    pulse = await restarting!
    servers.push(pulse)
    expect(retries.length).toBeGreaterThan(0)
    expect(retries.every((r) => r.kind === 'network')).toBe(true)
    expect(await pulse.metric('site_sdk', ADMIN, 'event_count')).toBe(51)

    // Rate limit: spend the key's bucket, then the SDK waits for Retry-After and succeeds. (If the
    // bucket refilled a token in between, on a slow machine, spend it again.)
    for (let round = 0; round < 3 && !retries.some((r) => r.status === 429); round++) {
      retries.length = 0
      expect(await spendBucket(pulse.url, site.secret_key, 'site_sdk')).toBe(true)
      await client.trackEvent({ eventType: 'after_429', sessionId: 's' })
    }
    expect(retries[0]).toMatchObject({ status: 429, kind: 'http' })
    expect(retries[0].delayMs).toBeGreaterThanOrEqual(1000)
    await client.shutdown()
  }, 45_000)

  test('in Chromium, from another origin: events are acknowledged and a 429 Retry-After is honoured', async () => {
    const pulse = await startPulse({ PULSE_RATE_LIMIT_PER_MINUTE: '60' })
    servers.push(pulse)
    const site = await pulse.site('site_browser', ['127.0.0.1'])
    const pages = servePages()
    const browser = await launchChromium()
    try {
      const dist = join(consumer, 'node_modules/@pulse/sdk/dist')
      for (const f of readdirSync(dist).filter((f) => f.endsWith('.js')))
        pages.page(`/sdk/${f}`, readFileSync(join(dist, f), 'utf8'))
      const url = pages.page(
        '/app',
        `<script type="module">import { PulseClient } from '/sdk/index.js'; window.PulseClient = PulseClient</script>`,
      )
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      await page.goto(url)
      await page.waitForFunction(() => 'PulseClient' in window)
      const track = (name: string) =>
        page.evaluate(
          async ({ endpoint, apiKey, name }) => {
            const retries: { status: number; retryAfter?: number; delayMs: number }[] = []
            const client = new (window as any).PulseClient({
              siteId: 'site_browser',
              apiKey,
              endpoint,
              onRetry: (r: any) =>
                retries.push({ status: r.error.status, retryAfter: r.error.retryAfter, delayMs: r.delayMs }),
            })
            const { eventId } = await client.trackEvent({
              eventType: name,
              sessionId: 'browser',
              url: location.href,
            })
            return { eventId, retries }
          },
          { endpoint: pulse.url, apiKey: site.public_key, name },
        )
      const first = await track('browser_sdk')
      expect(first.eventId).toBeString()
      expect(first.retries).toEqual([])

      // Spend the public key's bucket from outside the browser; the page's next event gets a 429.
      let second = { retries: [] as { status: number }[] }
      for (let round = 0; round < 3 && second.retries.length === 0; round++) {
        expect(await spendBucket(pulse.url, site.public_key, 'site_browser')).toBe(true)
        second = await track('after_429')
      }
      expect(second.retries[0]).toMatchObject({ status: 429, retryAfter: 1, delayMs: 1000 })
      expect(errors).toEqual([])
    } finally {
      await browser.close()
      pages.stop()
    }
  }, 30_000)
})
