// The first-run setup page: while no user exists, the sign-in screen offers to create the instance
// owner. It needs the admin token (printed at the first start, kept in data/admin-token), so a stranger
// who reaches a fresh server first cannot take it over; the owner is then signed in with a session.
import { call } from './account'
import { h } from './dom'
import type { Credentials } from './state'

/** Add the setup form to the sign-in card when the server has no user yet. */
export async function addFirstRunSetup(root: HTMLElement, onSignedIn: (c: Credentials) => void) {
  const state = await call('GET', '/api/v1/setup').catch(() => undefined)
  const card = root.querySelector('.signin-card')
  if (!state?.body.data?.needed || !card) return
  const input = (id: string, type: string, autocomplete: string) =>
    h('input', { attrs: { id, type, autocomplete, required: '' } })
  const token = input('setup-token', 'password', 'off')
  const email = input('setup-email', 'email', 'username')
  const password = input('setup-password', 'password', 'new-password')
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'setup-error' } })
  const form = h(
    'form',
    { class: 'signin-form', attrs: { id: 'first-run-setup', novalidate: '' } },
    h('h2', {}, 'First run: create the owner'),
    h('label', { attrs: { for: 'setup-token' } }, 'Admin token (printed at the first start)'),
    token,
    h('label', { attrs: { for: 'setup-email' } }, 'Your email'),
    email,
    h('label', { attrs: { for: 'setup-password' } }, 'Choose a password (at least 10 characters)'),
    password,
    h(
      'button',
      { class: 'primary', attrs: { type: 'submit', id: 'setup-submit' } },
      'Create owner and sign in',
    ),
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    error.textContent = ''
    const res = await fetch('/api/v1/setup', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.value.trim()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: email.value.trim(), password: password.value }),
    })
    const body = (await res.json().catch(() => ({}))) as { error?: string }
    if (res.status !== 201) {
      error.textContent =
        res.status === 401 ? 'That is not the admin token.' : (body.error ?? `HTTP ${res.status}`)
      return
    }
    const signed = await call('POST', '/api/v1/auth/sign-in', {
      email: email.value.trim(),
      password: password.value,
    })
    if (signed.status === 200) onSignedIn({ token: '', admin: true, session: true })
    else error.textContent = signed.body.error ?? 'The owner was created; sign in below.'
  })
  // Below the sign-in forms, which stay first (what scripts and tests fill in).
  card.append(form)
}
