// The sign-in screen: the admin token, or a site's secret key with its site id. The token is
// checked against the API before it is kept (in localStorage only).
import { ApiClient, ApiError } from './api'
import { h } from './dom'
import type { Credentials } from './state'

/** Check a token against the API: the admin token lists sites; a secret key reads its site's stats. */
export async function verifyCredentials(token: string, siteId: string): Promise<Credentials> {
  if (token.startsWith('pk_'))
    throw new ApiError(403, 'That is a public key: it can only send events. Use the secret key (sk_…).')
  const api = new ApiClient(token)
  if (siteId) {
    await api.get('/api/v1/stats', { site_id: siteId, metric: 'event_count', period: '1h' })
    // The admin token may read any site too; remember which it is so the site picker shows.
    const admin = !token.startsWith('sk_') && (await isAdmin(api))
    return { token, admin, siteId: admin ? undefined : siteId }
  }
  if (token.startsWith('sk_')) throw new ApiError(422, 'A secret key needs its site id.')
  await api.get('/api/v1/sites', {})
  return { token, admin: true }
}

async function isAdmin(api: ApiClient): Promise<boolean> {
  try {
    await api.get('/api/v1/sites', {})
    return true
  } catch {
    return false
  }
}

/** Render the sign-in form into `root`; `onSignedIn` receives verified credentials. */
export function renderSignIn(root: HTMLElement, onSignedIn: (c: Credentials) => void, siteHint = ''): void {
  const token = h('input', {
    attrs: { type: 'password', name: 'token', autocomplete: 'off', required: '', id: 'signin-token' },
  })
  const site = h('input', {
    attrs: { type: 'text', name: 'site', autocomplete: 'off', id: 'signin-site', placeholder: 'site_abc123' },
  })
  site.value = siteHint
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'signin-error' } })
  const button = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Sign in')
  const form = h(
    'form',
    { class: 'signin-form', attrs: { novalidate: '' } },
    h('label', { attrs: { for: 'signin-token' } }, 'Admin token or secret key'),
    token,
    h(
      'label',
      { attrs: { for: 'signin-site' } },
      'Site ID ',
      h('small', 'muted', '(needed with a secret key)'),
    ),
    site,
    button,
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    error.textContent = ''
    const t = token.value.trim()
    if (!t) {
      error.textContent = 'Enter the admin token or a secret key.'
      return
    }
    button.disabled = true
    try {
      onSignedIn(await verifyCredentials(t, site.value.trim()))
    } catch (err) {
      error.textContent = signInMessage(err)
    } finally {
      button.disabled = false
    }
  })
  root.replaceChildren(
    h(
      'main',
      'signin',
      h(
        'div',
        'card signin-card',
        h('h1', 'brand', 'PULSE'),
        h('p', 'muted', 'Sign in to see your analytics.'),
        form,
        h(
          'p',
          'muted small',
          'The admin token is printed when PULSE starts for the first time (and saved in data/admin-token). ',
          'What you enter stays in this browser’s local storage; sign out to remove it.',
        ),
      ),
    ),
  )
  token.focus()
}

function signInMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Sign-in failed.'
  if (err.status === 401) return 'This token or key is not valid.'
  if (err.status === 404) return 'No site with that id.'
  if (err.status === 0) return err.message
  return err.message
}
