// Accounts in the dashboard: the email-and-password form (above the token form, which stays for
// break-glass), the cookie session (nothing is kept in localStorage: the server holds the session),
// signing out, and the invitation page where an invited person sets a password.
import { h } from './dom'
import type { Credentials } from './state'

type Json = { success: boolean; data?: any; error?: string; status?: number }

/** A JSON call to the API with the session cookie (same origin); resolves to status and body. */
export async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  })
  const json = (await res.json().catch(() => ({ success: false, error: `HTTP ${res.status}` }))) as Json
  return { status: res.status, body: json }
}

/** Credentials of a signed-in user (the cookie does the work). */
const sessionCreds = (user: { owner: boolean }): Credentials => ({
  token: '',
  admin: user.owner,
  session: true,
})

/** The current cookie session, if any. */
export async function currentSession(): Promise<Credentials | undefined> {
  const r = await call('GET', '/api/v1/auth/me').catch(() => undefined)
  return r?.status === 200 ? sessionCreds(r.body.data) : undefined
}

/** End the cookie session on the server. */
export async function endSession(): Promise<void> {
  await call('POST', '/api/v1/auth/sign-out').catch(() => undefined)
}

function message(status: number, body: Json): string {
  if (status === 401) return 'Wrong email or password.'
  if (status === 429) return 'Too many attempts: wait a minute and try again.'
  return body.error ?? 'Sign-in failed.'
}

/** Put the email-and-password form at the top of the sign-in card `renderSignIn` drew in `root`. */
export function addPasswordSignIn(root: HTMLElement, onSignedIn: (c: Credentials) => void): void {
  const card = root.querySelector('.signin-card')
  if (!card) return
  const email = h('input', {
    attrs: { type: 'email', id: 'signin-email', autocomplete: 'username', required: '' },
  })
  const password = h('input', {
    attrs: { type: 'password', id: 'signin-password', autocomplete: 'current-password', required: '' },
  })
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'signin-password-error' } })
  const button = h(
    'button',
    { class: 'primary', attrs: { type: 'submit', id: 'signin-password-submit' } },
    'Sign in',
  )
  const form = h(
    'form',
    { class: 'signin-form', attrs: { id: 'password-signin', novalidate: '' } },
    h('label', { attrs: { for: 'signin-email' } }, 'Email'),
    email,
    h('label', { attrs: { for: 'signin-password' } }, 'Password'),
    password,
    button,
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    error.textContent = ''
    button.disabled = true
    try {
      const r = await call('POST', '/api/v1/auth/sign-in', {
        email: email.value.trim(),
        password: password.value,
      })
      if (r.status === 200) onSignedIn(sessionCreds(r.body.data))
      else error.textContent = message(r.status, r.body)
    } catch {
      error.textContent = 'The server cannot be reached.'
    } finally {
      button.disabled = false
    }
  })
  // After the token form, which stays first (break-glass, and what scripts and older tests fill in).
  card.querySelector('form')?.after(h('p', 'muted small', 'Or sign in with your email and password:'), form)
  email.focus()
}

/** The invitation page: show whom it is for, let the person set a password, then sign them in. */
export async function renderInvite(root: HTMLElement, token: string, onSignedIn: (c: Credentials) => void) {
  const card = h('div', 'card signin-card', h('h1', 'brand', 'PULSE'))
  root.replaceChildren(h('main', 'signin', card))
  const info = await call('GET', `/api/v1/invitations/${encodeURIComponent(token)}`)
  if (info.status !== 200) {
    card.append(
      h(
        'p',
        { class: 'error', attrs: { id: 'invite-error' } },
        info.body.error ?? 'This invitation is not valid.',
      ),
    )
    return
  }
  const inv = info.body.data
  const password = h('input', {
    attrs: {
      type: 'password',
      id: 'invite-password',
      autocomplete: 'new-password',
      minlength: '10',
      required: '',
    },
  })
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'invite-error' } })
  const form = h(
    'form',
    { class: 'signin-form', attrs: { id: 'invite-form', novalidate: '' } },
    h('p', {}, `Invitation for ${inv.email}`, inv.site_id ? ` (${inv.role} of ${inv.site_id})` : ' (owner)'),
    h('label', { attrs: { for: 'invite-password' } }, 'Choose a password (at least 10 characters)'),
    password,
    h(
      'button',
      { class: 'primary', attrs: { type: 'submit', id: 'invite-submit' } },
      'Set password and sign in',
    ),
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    const r = await call('POST', `/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
      password: password.value,
    })
    if (r.status === 201) onSignedIn(sessionCreds(r.body.data))
    else error.textContent = r.body.error ?? 'That did not work.'
  })
  card.append(form)
  password.focus()
}
