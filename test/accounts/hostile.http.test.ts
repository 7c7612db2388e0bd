// The hostile catalogue of accounts and sharing, through the real app: session fixation, a stolen cookie
// after sign-out, CSRF from another origin, user enumeration by timing, password brute force (429),
// expired and reused invitations, a share link reaching another site, expired sessions, and secrets
// never echoed or audited. (min_visitors bypass by filters and small periods: restrictions.http.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, T0 } from '../helpers/app'
import { type AccountsFixture, accountsFixture, ORIGIN, PASSWORD, signIn } from './fixture'

let f: AccountsFixture
const admin = { key: ADMIN_TOKEN }

beforeAll(async () => {
  f = await accountsFixture()
})
afterAll(() => f.close())
afterEach(() => f.h.clock.set(T0))

const me = (cookie: string) => f.h.json('GET', '/api/v1/auth/me', { headers: { cookie } })

describe('sessions', () => {
  test('session fixation: a cookie planted before sign-in is not the session after it', async () => {
    const planted = 'pulse_session=ses_plantedByTheAttacker0000000000000'
    const res = await f.h.request('POST', '/api/v1/auth/sign-in', {
      body: { email: 'viewer@x.io', password: PASSWORD },
      headers: { cookie: planted },
    })
    const issued = (res.headers.get('set-cookie') ?? '').split(';')[0]
    expect(issued).toMatch(/^pulse_session=ses_/)
    expect(issued).not.toBe(planted)
    expect((await me(planted)).status).toBe(401)
    expect((await me(issued)).status).toBe(200)
    // Two sign-ins never share a session id.
    expect(await signIn(f.h, 'viewer@x.io')).not.toBe(issued)
  })

  test('a stolen cookie is dead once its owner signs out', async () => {
    const cookie = await signIn(f.h, 'editor@x.io')
    const stolen = cookie
    const out = await f.h.json('POST', '/api/v1/auth/sign-out', { headers: { cookie, origin: ORIGIN } })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0')
    expect((await me(stolen)).status).toBe(401)
    expect(
      (await f.h.json('GET', '/api/v1/stats?site_id=site_a', { headers: { cookie: stolen } })).status,
    ).toBe(401)
  })

  test('the cookie is HttpOnly and SameSite=Lax, and Secure behind TLS', async () => {
    const res = await f.h.request('POST', '/api/v1/auth/sign-in', {
      body: { email: 'admin@x.io', password: PASSWORD },
    })
    const c = res.headers.get('set-cookie') ?? ''
    expect(c).toContain('HttpOnly')
    expect(c).toContain('SameSite=Lax')
    expect(c).not.toContain('Secure')
    const tls = await f.h.app.handle(
      new Request('https://localhost/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@x.io', password: PASSWORD }),
      }),
    )
    expect(tls.headers.get('set-cookie')).toContain('Secure')
  })
})

describe('CSRF', () => {
  test('an unsafe request under a cookie from another origin, or with no origin, is refused and changes nothing', async () => {
    const cookie = f.creds['session admin'].cookie
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', null]) {
      const headers: Record<string, string> = { cookie }
      if (origin) headers.origin = origin
      const res = await f.h.json('POST', '/api/v1/sites/site_a/read-keys', {
        headers,
        body: { name: 'csrf' },
      })
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ success: false, status: 403 })
    }
    const list = await f.h.json('GET', '/api/v1/sites/site_a/read-keys', admin)
    expect(list.body.data.some((k: any) => k.name === 'csrf')).toBe(false)
    const same = await f.h.json('POST', '/api/v1/sites/site_a/read-keys', {
      headers: { cookie, origin: ORIGIN },
      body: { name: 'ok' },
    })
    expect(same.status).toBe(201)
  })
})

describe('sign-in', () => {
  test('brute force: past five attempts a minute on one account is a 429 in the envelope, even with the right password', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await f.h.json('POST', '/api/v1/auth/sign-in', {
            body: { email: 'viewer_b@x.io', password: `wrong guess ${i}` },
          })
        ).status,
      )
    // The fixture signed this account in once this minute: four more tries, then 429.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429])
    const right = await f.h.json('POST', '/api/v1/auth/sign-in', {
      body: { email: 'viewer_b@x.io', password: PASSWORD },
    })
    expect(right.status).toBe(429)
    expect(right.body).toEqual({ success: false, error: 'Rate limit exceeded', status: 429 })
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0)
    f.h.clock.set(T0 + 5 * 60_000)
    expect(
      (
        await f.h.json('POST', '/api/v1/auth/sign-in', {
          body: { email: 'viewer_b@x.io', password: PASSWORD },
        })
      ).status,
    ).toBe(200)
    f.h.clock.set(T0)
  })

  test('timing: an unknown email takes as long as a known one with a wrong password, and answers the same', async () => {
    const time = async (email: string) => {
      const t = performance.now()
      const res = await f.h.json('POST', '/api/v1/auth/sign-in', {
        body: { email, password: 'not the password' },
      })
      return { ms: performance.now() - t, body: res.body, status: res.status }
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 4; i++) {
      f.h.clock.set(T0 + (i + 10) * 60_000)
      const k = await time('admin@x.io')
      const u = await time(`nobody${i}@x.io`)
      expect(u.body).toEqual(k.body)
      expect(u.status).toBe(401)
      known.push(k.ms)
      unknown.push(u.ms)
    }
    f.h.clock.set(T0)
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    const ratio = median(unknown) / median(known)
    // Without the dummy hash an unknown email answers in well under a millisecond, ~50× faster.
    expect(ratio).toBeGreaterThan(0.5)
    expect(ratio).toBeLessThan(2)
  })
})

describe('invitations', () => {
  test('an expired invitation and a used one are 410; a refused password leaves it usable', async () => {
    const make = async (email: string, hours = 1) =>
      (
        await f.h.json('POST', '/api/v1/invitations', {
          ...admin,
          body: { email, site_id: 'site_a', role: 'viewer', expires_in_hours: hours },
        })
      ).body.data.token
    const late = await make('late@x.io')
    f.h.clock.set(T0 + 3600_001)
    expect(
      (await f.h.json('POST', `/api/v1/invitations/${late}/accept`, { body: { password: PASSWORD } })).status,
    ).toBe(410)
    expect((await f.h.json('GET', `/api/v1/invitations/${late}`)).status).toBe(410)
    f.h.clock.set(T0)
    const once = await make('once@x.io')
    expect(
      (await f.h.json('POST', `/api/v1/invitations/${once}/accept`, { body: { password: 'short' } })).status,
    ).toBe(422)
    const first = f.h.json('POST', `/api/v1/invitations/${once}/accept`, { body: { password: PASSWORD } })
    const second = f.h.json('POST', `/api/v1/invitations/${once}/accept`, {
      body: { password: 'another password!' },
    })
    expect([(await first).status, (await second).status].sort()).toEqual([201, 410])
    expect(
      (await f.h.json('POST', `/api/v1/invitations/${once}/accept`, { body: { password: PASSWORD } })).status,
    ).toBe(410)
  })

  test('a site admin cannot invite into another site, nor invite an owner', async () => {
    const cookie = f.creds['session admin']
    const other = await f.h.json('POST', '/api/v1/invitations', {
      headers: cookie,
      body: { email: 'x@x.io', site_id: 'site_b', role: 'admin' },
    })
    expect(other.status).toBe(403)
    const owner = await f.h.json('POST', '/api/v1/invitations', {
      headers: cookie,
      body: { email: 'x@x.io', owner: true },
    })
    expect(owner.status).toBe(403)
  })
})

describe('roles and sharing', () => {
  test('a viewer gets 403 creating a key and reading another site; sees only its sites', async () => {
    const viewer = f.creds['session viewer']
    expect(
      (await f.h.json('POST', '/api/v1/sites/site_a/keys', { headers: viewer, body: { kind: 'secret' } }))
        .status,
    ).toBe(403)
    expect(
      (await f.h.json('POST', '/api/v1/sites/site_a/read-keys', { headers: viewer, body: {} })).status,
    ).toBe(403)
    expect((await f.h.json('GET', '/api/v1/stats?site_id=site_b', { headers: viewer })).status).toBe(403)
    const sites = await f.h.json('GET', '/api/v1/sites', { headers: viewer })
    expect(sites.body.data.map((s: any) => s.site_id)).toEqual(['site_a'])
  })

  test('a share link cannot reach another site, by query, body or path', async () => {
    const link = f.creds['share-link']
    expect((await f.h.json('GET', '/api/v1/stats?site_id=site_b', { headers: link })).status).toBe(403)
    const funnel = await f.h.json('POST', '/api/v1/funnels', {
      headers: link,
      body: { site_id: 'site_b', steps: [{ event_type: 'page_view' }, { event_type: 'click' }] },
    })
    expect(funnel.status).toBe(403)
    expect((await f.h.json('GET', '/api/v1/sites/site_b', { headers: link })).status).toBe(403)
  })

  test('passwords and tokens never appear in answers, exports or the audit log', async () => {
    const token = f.creds['api-token viewer'].authorization.slice(7)
    const audit = JSON.stringify((await f.h.json('GET', '/api/v1/audit?limit=1000', admin)).body)
    expect(audit).toContain('sign-in')
    for (const secret of [
      PASSWORD,
      token,
      f.creds['read-key'].authorization.slice(7),
      f.creds['share-link'].authorization.slice(7),
    ])
      expect(audit).not.toContain(secret)
    // Nor in an export of the site (its raw events; the secrets went through this site's requests).
    const exported = await f.h.request('GET', '/api/v1/export?site_id=site_a&period=30d', admin)
    expect(exported.status).toBe(200)
    const dump = await exported.text()
    for (const secret of [PASSWORD, token, f.creds['read-key'].authorization.slice(7)])
      expect(dump).not.toContain(secret)
    const users = JSON.stringify((await f.h.json('GET', '/api/v1/accounts', admin)).body)
    expect(users).not.toContain('argon2')
    expect(users).not.toContain(PASSWORD)
  })
})

describe('password change', () => {
  test("needs the current password (403, then 429), ends every other session and rotates the caller's", async () => {
    const inv = await f.h.json('POST', '/api/v1/invitations', {
      ...admin,
      body: { email: 'changer@x.io', site_id: 'site_a', role: 'viewer' },
    })
    await f.h.json('POST', `/api/v1/invitations/${inv.body.data.token}/accept`, {
      body: { password: PASSWORD },
    })
    const laptop = await signIn(f.h, 'changer@x.io')
    const stolen = await signIn(f.h, 'changer@x.io')
    const token = (
      await f.h.json('POST', '/api/v1/account/tokens', {
        headers: { cookie: laptop, origin: ORIGIN },
        body: { name: 'ci' },
      })
    ).body.data.token
    const change = (cookie: string, current: string, next = 'a brand new password', origin = ORIGIN) =>
      f.h.request('POST', '/api/v1/account/password', {
        headers: { cookie, origin },
        body: { current_password: current, new_password: next },
      })
    // From another origin: refused before the password is even looked at.
    expect((await change(laptop, PASSWORD, 'a brand new password', 'https://evil.example')).status).toBe(403)
    expect((await change(stolen, 'a wrong guess!!')).status).toBe(403)
    expect((await change(laptop, PASSWORD, 'short')).status).toBe(422)
    const res = await change(laptop, PASSWORD)
    expect(res.status).toBe(200)
    const body = await res.json()
    // Three: the one accepting the invitation opened, and the two signed in above.
    expect(body.data).toEqual({ changed: true, sessions_ended: 3 })
    expect(JSON.stringify(body)).not.toContain('a brand new password')
    const fresh = (res.headers.get('set-cookie') ?? '').split(';')[0]
    expect(fresh).toMatch(/^pulse_session=ses_/)
    expect(fresh).not.toBe(laptop)
    // The other device's (stolen) cookie and the caller's old one are dead; the fresh one works.
    expect((await me(stolen)).status).toBe(401)
    expect((await me(laptop)).status).toBe(401)
    expect((await me(fresh)).status).toBe(200)
    // A personal token is its own credential: it stays until revoked.
    expect((await f.h.json('GET', '/api/v1/auth/me', { key: token })).status).toBe(200)
    // The old password no longer signs in; the new one does (a minute on: the attempts above count).
    f.h.clock.set(T0 + 61_000)
    const old = await f.h.request('POST', '/api/v1/auth/sign-in', {
      body: { email: 'changer@x.io', password: PASSWORD },
    })
    expect(old.status).toBe(401)
    await signIn(f.h, 'changer@x.io', 'a brand new password')
    // Guessing the current password with a stolen cookie hits the sign-in limit of the account.
    f.h.clock.set(T0 + 122_000)
    let last = 0
    for (let i = 0; i < 6; i++) last = (await change(fresh, `guess number ${i}`)).status
    expect(last).toBe(429)
    const audit = JSON.stringify((await f.h.json('GET', '/api/v1/audit?limit=1000', admin)).body)
    expect(audit).toContain('password.change')
    expect(audit).not.toContain('a brand new password')
    expect(audit).not.toContain('guess number')
  })
})

// Last: these end the fixture's sessions (and move the clock past all of them).
describe('ending sessions', () => {
  test("the owner can end a user's sessions, and deleting a user kills their cookies and tokens", async () => {
    const cookie = await signIn(f.h, 'editor@x.io')
    const ended = await f.h.json('DELETE', `/api/v1/accounts/${f.userIds.editor}/sessions`, admin)
    expect(ended.body.data.ended).toBeGreaterThan(0)
    expect((await me(cookie)).status).toBe(401)
    const viewerB = await signIn(f.h, 'viewer_b@x.io')
    const token = await f.h.json('POST', '/api/v1/account/tokens', {
      headers: { cookie: viewerB, origin: ORIGIN },
      body: { name: 'x' },
    })
    expect((await f.h.json('DELETE', `/api/v1/accounts/${f.userIds.viewer_b}`, admin)).status).toBe(200)
    expect((await me(viewerB)).status).toBe(401)
    expect((await f.h.json('GET', '/api/v1/auth/me', { key: token.body.data.token })).status).toBe(401)
  })

  test('sessions end after 12 idle hours and after 14 days whatever the use', async () => {
    const idle = await signIn(f.h, 'viewer@x.io')
    const busy = await signIn(f.h, 'viewer@x.io')
    for (let hour = 1; hour <= 13; hour++) {
      f.h.clock.set(T0 + hour * 3600_000)
      expect((await me(busy)).status).toBe(200)
    }
    expect((await me(idle)).status).toBe(401)
    // Used every 11 hours it stays alive, until 14 days after sign-in.
    for (let t = 24 * 3600_000; t < 14 * 24 * 3600_000; t += 11 * 3600_000) {
      f.h.clock.set(T0 + t)
      expect((await me(busy)).status).toBe(200)
    }
    f.h.clock.set(T0 + 14 * 24 * 3600_000 + 1)
    expect((await me(busy)).status).toBe(401)
  })
})
