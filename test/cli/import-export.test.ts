// `pulse export` → `pulse import` round trip, and the importers through the CLI, with the server running
// (admin API) and stopped (the command opens the database): varied live events and imported history are
// exported from one data directory and imported into an empty one, and the stats answer the same.
// (Files cut into many parts: test/cli/transfer.test.ts.)
import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/app'
import { systemClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'
import { startServer } from '../helpers/server'

const ROOT = join(import.meta.dir, '../..')
const FIXTURES = join(import.meta.dir, '../fixtures/import')
const root = mkdtempSync(join(tmpdir(), 'pulse-import-cli-'))
const dirA = join(root, 'a')
const dirB = join(root, 'b')
const TOKEN = 'import-cli-admin-token-0123456789'
afterAll(() => rmSync(root, { recursive: true, force: true }))

function pulse(args: string[], env: Record<string, string> = {}) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn', PULSE_ADMIN_TOKEN: TOKEN, ...env },
  })
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }
}
function json(args: string[], env: Record<string, string> = {}) {
  const r = pulse([...args, '--json'], env)
  if (r.code !== 0) throw new Error(`pulse ${args.join(' ')} exited ${r.code}: ${r.err}`)
  return JSON.parse(r.out)
}

const ALL = 'period=custom&from=2023-01-01T00:00:00Z&to=2027-06-01T00:00:00Z'
const QUERIES = [
  `/api/v1/stats?site_id=rt&${ALL}&metrics=event_count,page_views,visitors,unique_sessions,unique_users,bounce_rate,avg_session_duration`,
  `/api/v1/stats/breakdown?site_id=rt&${ALL}&dimension=url&metric=visitors`,
  `/api/v1/stats/breakdown?site_id=rt&${ALL}&dimension=country`,
  `/api/v1/stats/breakdown?site_id=rt&${ALL}&dimension=device_type`,
  `/api/v1/stats/breakdown?site_id=rt&${ALL}&dimension=property:plan`,
  `/api/v1/stats/timeseries?site_id=rt&${ALL}&interval=month`,
]

/** The answers of QUERIES on a data directory (opened in-process; no server may own it). */
async function stats(dataDir: string): Promise<unknown[]> {
  const config = loadConfig({ PULSE_DATA_DIR: dataDir, PULSE_ADMIN_TOKEN: TOKEN, PULSE_LOG_LEVEL: 'silent' })
  const deps = await createServices(config, {
    clock: systemClock,
    logger: createLogger('silent'),
    autoFlush: false,
  })
  try {
    const app = createApp(deps)
    const out = []
    for (const q of QUERIES) {
      const res = await app.handle(
        new Request(`http://localhost${q}`, { headers: { authorization: `Bearer ${TOKEN}` } }),
      )
      const body = (await res.json()) as { success: boolean }
      expect({ q, body }).toMatchObject({ q, body: { success: true } })
      out.push(body)
    }
    return out
  } finally {
    await deps.close()
  }
}

describe('export → import round trip', () => {
  test('live events and imported history, exported with the server running, imported stopped: same stats', async () => {
    const site = json(['sites', 'create', 'rt', '--data-dir', dirA])
    // History from the importers, through the CLI with the server stopped.
    const umami = json([
      'import',
      join(FIXTURES, 'umami-website_event.csv'),
      '--source',
      'umami',
      '--site',
      'rt',
      '--data-dir',
      dirA,
    ])
    expect(umami).toMatchObject({ imported: 9, skipped: 1, invalid: 1, ignored: 0 })
    expect(umami.issues[0].line).toBe(13)
    for (const [file, source, n] of [
      ['ga4-events.ndjson', 'ga4', 7],
      ['nginx-access.log', 'combined', 7],
    ] as const)
      expect(
        json(['import', join(FIXTURES, file), '--source', source, '--site', 'rt', '--data-dir', dirA])
          .imported,
      ).toBe(n)

    // Live events with the server running: varied fields, some without an event id.
    const server = await startServer({ PULSE_DATA_DIR: dirA, PULSE_ADMIN_TOKEN: TOKEN })
    try {
      const now = Date.now()
      const events = Array.from({ length: 150 }, (_, i) => ({
        site_id: 'rt',
        event_type: i % 6 === 0 ? 'purchase' : 'page_view',
        timestamp: now - i * 60_000,
        session_id: `live${i % 17}`,
        ...(i % 4 === 0 ? { user_id: `user${i % 7}` } : {}),
        url: ['/', '/a', '/b?x=1', 'https://example.com/c'][i % 4],
        ...(i % 3 === 0 ? { referrer: 'https://news.example/' } : {}),
        device_type: ['desktop', 'mobile'][i % 2],
        ...(i % 5 ? { country: ['de', 'US', 'BR'][i % 3] } : {}),
        ...(i % 2
          ? { properties: { plan: i % 4 === 1 ? 'pro' : 'free', amount: i / 3, ok: true, none: null } }
          : {}),
        ...(i % 3 === 0 ? { event_id: `live-${i}` } : {}),
      }))
      const res = await fetch(`${server.url}/collect/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${site.secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      })
      expect(res.status).toBe(200)
      // An import through the running server's admin API.
      const caddy = [
        'import',
        join(FIXTURES, 'caddy-access.log'),
        '--source',
        'caddy',
        '--site',
        'rt',
        '--data-dir',
        dirA,
      ]
      // The Bing crawler's page view is stored, flagged as a bot (left out of the export below).
      expect(json(caddy)).toMatchObject({ imported: 4, ignored: 1, reasons: { bot: 1, static: 1 } })
      expect(json(caddy)).toMatchObject({ imported: 0, skipped: 4 })
      const list = json(['import', 'list', '--data-dir', dirA])
      expect(list).toHaveLength(5)
      const exported = json(['export', '--site', 'rt', '-o', join(root, 'rt.ndjson'), '--data-dir', dirA])
      expect(exported.bytes).toBeGreaterThan(1000)
    } finally {
      await server.stop()
    }
    const lines = readFileSync(join(root, 'rt.ndjson'), 'utf8').trim().split('\n')
    // Bots (one per access log) are not exported.
    expect(lines).toHaveLength(9 + 7 + 6 + 3 + 150)

    json(['sites', 'create', 'rt', '--data-dir', dirB])
    const dry = json(['import', join(root, 'rt.ndjson'), '--dry-run', '--data-dir', dirB], {
      PULSE_MAX_BODY_BYTES: '8192',
    })
    expect(dry).toMatchObject({ dry_run: true, imported: lines.length, invalid: 0 })
    expect(json(['import', 'list', '--data-dir', dirB])).toHaveLength(0)
    const first = json(['import', join(root, 'rt.ndjson'), '--data-dir', dirB], {
      PULSE_MAX_BODY_BYTES: '8192',
    })
    expect(first).toMatchObject({ imported: lines.length, skipped: 0, invalid: 0 })
    const again = json(['import', join(root, 'rt.ndjson'), '--data-dir', dirB])
    expect(again).toMatchObject({ imported: 0, skipped: lines.length })

    const [a, b] = [await stats(dirA), await stats(dirB)]
    expect((a[0] as { data: { metrics: { event_count: number } } }).data.metrics.event_count).toBe(
      lines.length,
    )
    expect(b).toEqual(a)
    // Lossless: the second export matches the first line for line, but for the ids given to events without one.
    const second = pulse(['export', '--site', 'rt', '--data-dir', dirB]).out.trim().split('\n')
    const strip = (l: string) => {
      const { event_id, ...rest } = JSON.parse(l)
      return JSON.stringify({ ...rest, has_id: event_id !== null })
    }
    expect(second.map((l) => JSON.parse(l).event_id).every((id) => typeof id === 'string')).toBe(true)
    expect(second.map(strip).map((l) => l.replace('"has_id":false', '"has_id":true'))).toEqual(
      lines.map(strip).map((l) => l.replace('"has_id":false', '"has_id":true')),
    )

    const deleted = json(['import', 'delete', first.import_id, '--data-dir', dirB])
    expect(deleted.deleted_events).toBe(lines.length)
  }, 120_000)
})
