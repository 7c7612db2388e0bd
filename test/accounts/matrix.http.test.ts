// The role × route matrix: every operation of the published document, called with every credential kind
// and role, must be refused (401/403) exactly where the written table below says so. The table is also
// checked against `grants` (src/accounts/permissions.ts), and the document's `x-pulse-permission` of
// each operation against the route table the guard reads, so the three cannot drift apart.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { grants, type Permission } from '../../src/accounts/permissions'
import { ROUTE_PERMISSIONS } from '../../src/accounts/routes-table'
import { T0 } from '../helpers/app'
import { type AccountsFixture, accountsFixture } from './fixture'

const ALL: Permission[] = [
  'site.read',
  'site.raw',
  'site.export',
  'site.erase',
  'site.view',
  'site.edit',
  'site.annotate',
  'site.admin',
  'sites.list',
  'instance',
  'server',
  'metrics',
  'account',
  'ingest',
]
const VIEWER: Permission[] = ['site.read', 'site.raw', 'site.view', 'sites.list', 'account']

/** The written table: what each credential may do on `site_a` (beyond `open` routes, which anyone may call). */
const MAY: Record<string, Permission[]> = {
  'admin-token': ALL.filter((p) => p !== 'account' && p !== 'ingest'),
  'secret-key': [
    'ingest',
    'server',
    'metrics',
    'site.read',
    'site.raw',
    'site.export',
    'site.erase',
    'site.annotate',
  ],
  'secret-key (other site)': ['server', 'metrics'],
  'public-key': ['ingest'],
  'read-key': ['site.read', 'site.raw', 'metrics'],
  'share-link': ['site.read'],
  'session owner': ALL.filter((p) => p !== 'server' && p !== 'metrics' && p !== 'ingest'),
  'session admin': [...VIEWER, 'site.edit', 'site.annotate', 'site.admin', 'site.export', 'site.erase'],
  'session editor': [...VIEWER, 'site.edit', 'site.annotate'],
  'session viewer': VIEWER,
  'session viewer (other site)': ['sites.list', 'account'],
  'api-token viewer': VIEWER,
  none: [],
}

/** The grantee `grants` sees for each credential of the fixture (to check the written table against it). */
const GRANTEES = {
  'admin-token': { kind: 'admin-token' },
  'secret-key': { kind: 'secret-key', siteId: 'site_a' },
  'secret-key (other site)': { kind: 'secret-key', siteId: 'site_b' },
  'public-key': { kind: 'public-key', siteId: 'site_a' },
  'read-key': { kind: 'read-key', siteId: 'site_a' },
  'share-link': { kind: 'share-link', siteId: 'site_a' },
  'session owner': { kind: 'session', owner: true },
  'session admin': { kind: 'session', roles: { site_a: 'admin' } },
  'session editor': { kind: 'session', roles: { site_a: 'editor' } },
  'session viewer': { kind: 'session', roles: { site_a: 'viewer' } },
  'session viewer (other site)': { kind: 'session', roles: { site_b: 'viewer' } },
  'api-token viewer': { kind: 'api-token', roles: { site_a: 'viewer' } },
  none: { kind: 'none' },
} as const

/** Operations that change what later calls see: run after all others, allowed callers last. */
const LAST = [
  'DELETE /api/v1/sites/{site_id}',
  'POST /api/v1/admin/token/rotate',
  'POST /api/v1/auth/sign-out',
]

/** Bodies that pass validation, so a guard that lets the wrong caller through is seen. */
const EVENT = {
  site_id: 'site_a',
  event_type: 'page_view',
  timestamp: T0 - 1000,
  session_id: 's1',
  url: 'https://a.example/',
}
const BODIES: Record<string, unknown> = {
  'POST /collect': EVENT,
  'POST /collect/batch': { events: [EVENT] },
  'POST /api/v1/funnels': {
    site_id: 'site_a',
    steps: [{ event_type: 'page_view' }, { event_type: 'click' }],
  },
  'POST /api/v1/invitations': { email: 'new@x.io', site_id: 'site_a', role: 'viewer' },
}

let f: AccountsFixture
let doc: any

beforeAll(async () => {
  f = await accountsFixture()
  doc = (await f.h.json('GET', '/openapi/json')).body
})
afterAll(() => f.close())

type Op = { key: string; path: string; method: string; op: any }

function operations(): Op[] {
  const ops: Op[] = []
  for (const [path, item] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(item))
      ops.push({ key: `${method.toUpperCase()} ${path}`, path, method, op })
  return ops
}

function requestOf(o: Op): { url: string; body?: unknown } {
  const url = o.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'site_id' ? 'site_a' : `no_such_${name}`))
  const takesSite = (o.op.parameters ?? []).some((p: any) => p.in === 'query' && p.name === 'site_id')
  const body = BODIES[o.key] ?? (o.op.requestBody ? {} : undefined)
  return { url: takesSite ? `${url}?site_id=site_a` : url, body }
}

describe('the permission table', () => {
  test('the written table agrees with grants() for every credential and permission', () => {
    const disagreements: string[] = []
    for (const [name, grantee] of Object.entries(GRANTEES))
      for (const p of ALL) {
        // Ingest checks its own keys: the guard lets every caller through to it (the calls below check it).
        if (p === 'ingest') continue
        if (grants(grantee as any, p, 'site_a') !== MAY[name].includes(p)) disagreements.push(`${name} ${p}`)
      }
    expect(disagreements).toEqual([])
  })

  test("every operation of the document has the route table's permission, and every route has an entry", () => {
    const mismatched = operations()
      .filter(
        (o) =>
          o.op['x-pulse-permission'] !==
          ROUTE_PERMISSIONS[`${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`],
      )
      .map((o) => o.key)
    expect(mismatched).toEqual([])
    const missing = f.h.app.routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => ROUTE_PERMISSIONS[k] === undefined)
    expect(missing).toEqual([])
  })

  test('every operation × every credential: refused exactly where the table says', async () => {
    const ops = operations()
    expect(ops.length).toBeGreaterThan(70)
    const ordered = [
      ...ops.filter((o) => !LAST.includes(o.key)),
      ...LAST.map((k) => ops.find((o) => o.key === k) as Op),
    ]
    const wrong: string[] = []
    let calls = 0
    for (const o of ordered) {
      const permission: Permission | 'open' = o.op['x-pulse-permission']
      const names = Object.keys(MAY)
      // Destructive operations: refused callers first, so the allowed ones do not spoil their premise.
      if (LAST.includes(o.key))
        names.sort(
          (x, y) =>
            Number(MAY[x].includes(permission as Permission)) -
            Number(MAY[y].includes(permission as Permission)),
        )
      for (const name of names) {
        // /health takes no credentials, but any it is given must be the admin token (401 otherwise).
        if (o.key === 'GET /health') continue
        const allowed = permission === 'open' || MAY[name].includes(permission)
        const { url, body } = requestOf(o)
        const res = await f.h.request(o.method.toUpperCase(), url, { headers: { ...f.creds[name] }, body })
        await res.body?.cancel()
        calls++
        const refused = res.status === 401 || res.status === 403
        if (allowed === refused)
          wrong.push(`${o.key} as ${name}: ${res.status}, table says ${allowed ? 'allowed' : 'refused'}`)
        if (!allowed && name === 'none' && res.status !== 401)
          wrong.push(`${o.key} without credentials: ${res.status}, not 401`)
      }
    }
    expect(wrong).toEqual([])
    expect(calls).toBeGreaterThan(900)
  }, 60_000)
})
