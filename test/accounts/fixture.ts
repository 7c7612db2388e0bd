// A test app with two sites and one credential of every kind: the admin token, site keys, a read-only
// key, a share link, cookie sessions of the owner and of a site admin, editor and viewer, a viewer of the
// other site only, and a personal token of the viewer. Everything is made through the real API.
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

export const PASSWORD = 'correct horse battery staple'
export const ORIGIN = 'http://localhost'

/** A credential as request headers. */
export type Creds = Record<string, string>

export interface AccountsFixture {
  h: TestApp
  keys: { a: { public_key: string; secret_key: string }; b: { public_key: string; secret_key: string } }
  creds: Record<string, Creds>
  userIds: Record<string, string>
  close(): Promise<void>
}

/** Sign in through the API; the cookie header of the new session. */
export async function signIn(h: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await h.request('POST', '/api/v1/auth/sign-in', { body: { email, password } })
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]
}

const bearer = (key: string): Creds => ({ authorization: `Bearer ${key}` })
const cookie = (c: string): Creds => ({ cookie: c, origin: ORIGIN })

/** Build the fixture (sites `site_a` and `site_b`). */
export async function accountsFixture(env: Record<string, string> = {}): Promise<AccountsFixture> {
  const h = await createTestApp(env)
  const a = await h.site('site_a', ['a.example'])
  const b = await h.site('site_b', ['b.example'])
  const admin = { key: ADMIN_TOKEN }
  const setup = await h.json('POST', '/api/v1/setup', {
    ...admin,
    body: { email: 'owner@x.io', password: PASSWORD },
  })
  if (setup.status !== 201) throw new Error(`setup: ${setup.status}`)
  const userIds: Record<string, string> = { owner: setup.body.data.user_id }
  for (const [name, site, role] of [
    ['admin', 'site_a', 'admin'],
    ['editor', 'site_a', 'editor'],
    ['viewer', 'site_a', 'viewer'],
    ['viewer_b', 'site_b', 'viewer'],
  ] as const) {
    const inv = await h.json('POST', '/api/v1/invitations', {
      ...admin,
      body: { email: `${name}@x.io`, site_id: site, role },
    })
    const acc = await h.json('POST', `/api/v1/invitations/${inv.body.data.token}/accept`, {
      body: { password: PASSWORD },
    })
    if (acc.status !== 201) throw new Error(`accept ${name}: ${acc.status} ${JSON.stringify(acc.body)}`)
    userIds[name] = acc.body.data.user_id
  }
  const sessions: Record<string, string> = {}
  for (const name of ['owner', 'admin', 'editor', 'viewer', 'viewer_b'])
    sessions[name] = await signIn(h, `${name}@x.io`)
  const token = await h.json('POST', '/api/v1/account/tokens', {
    headers: cookie(sessions.viewer),
    body: { name: 't' },
  })
  const rk = await h.json('POST', '/api/v1/sites/site_a/read-keys', { ...admin, body: { name: 'grafana' } })
  const link = await h.json('POST', '/api/v1/sites/site_a/share-links', {
    ...admin,
    body: { name: 'public' },
  })
  const creds: Record<string, Creds> = {
    'admin-token': bearer(ADMIN_TOKEN),
    'secret-key': bearer(a.secret_key),
    'secret-key (other site)': bearer(b.secret_key),
    'public-key': bearer(a.public_key),
    'read-key': bearer(rk.body.data.key),
    'share-link': bearer(link.body.data.slug),
    'session owner': cookie(sessions.owner),
    'session admin': cookie(sessions.admin),
    'session editor': cookie(sessions.editor),
    'session viewer': cookie(sessions.viewer),
    'session viewer (other site)': cookie(sessions.viewer_b),
    'api-token viewer': bearer(token.body.data.token),
    none: {},
  }
  return { h, keys: { a, b }, creds, userIds, close: () => h.close() }
}
