// "Your account", for a signed-in user: change the password (every other session ends; this one goes
// on in a fresh session) and personal API tokens (made, listed, revoked; a new token is shown once).
import { callWith } from './creds-call'
import { h, replace } from './dom'
import { createPanel } from './panel'
import type { Credentials } from './state'

/** The account panel; `load()` fills the token list. */
export function createAccountPanel(creds: Credentials) {
  const panel = createPanel('account', 'Your account')
  const call = (method: string, path: string, body?: unknown) => callWith(creds, method, path, body)
  const field = (id: string, label: string, type: string, autocomplete: string) =>
    h('input', { attrs: { id, type, autocomplete, 'aria-label': label, placeholder: label } })
  const current = field('password-current', 'current password', 'password', 'current-password')
  const next = field('password-new', 'new password (at least 10 characters)', 'password', 'new-password')
  const message = h('p', { class: 'muted', attrs: { id: 'password-message', role: 'status' } })
  const tokenName = field('api-token-name', 'token name', 'text', 'off')
  const tokens = h('ul', { attrs: { id: 'api-tokens' } })
  const shown = h('p', { class: 'muted', attrs: { id: 'api-token-secret', 'aria-live': 'polite' } })

  const change = async () => {
    message.textContent = ''
    const r = await call('POST', '/api/v1/account/password', {
      current_password: current.value,
      new_password: next.value,
    })
    current.value = ''
    next.value = ''
    if (r.status === 200)
      message.textContent = `Password changed. Signed out everywhere else (${r.body.data.sessions_ended - 1} other sessions).`
    else if (r.status === 403) message.textContent = 'The current password is wrong.'
    else if (r.status === 429) message.textContent = 'Too many attempts: wait a minute and try again.'
    else message.textContent = r.body.error ?? `HTTP ${r.status}`
  }
  const createToken = async () => {
    const r = await call('POST', '/api/v1/account/tokens', { name: tokenName.value.trim() || 'token' })
    shown.textContent = r.body.success
      ? `New personal token (shown once; it carries your roles): ${r.body.data.token}`
      : (r.body.error ?? `HTTP ${r.status}`)
    tokenName.value = ''
    await load()
  }
  const button = (id: string, label: string, fn: () => void) =>
    h('button', { class: 'primary small', attrs: { type: 'button', id }, on: { click: fn } }, label)

  async function load() {
    const r = await call('GET', '/api/v1/account/tokens')
    replace(
      tokens,
      ...(r.body.data ?? []).map((t: any) =>
        h(
          'li',
          {},
          `${t.name} (${t.token_id}) `,
          h(
            'button',
            {
              class: 'ghost small',
              attrs: { type: 'button' },
              on: {
                click: () => void call('DELETE', `/api/v1/account/tokens/${t.token_id}`).then(load),
              },
            },
            'Revoke',
          ),
        ),
      ),
    )
  }

  panel.show(
    h(
      'div',
      'settings',
      h('h3', {}, 'Password'),
      h(
        'div',
        'controls',
        current,
        next,
        button('password-submit', 'Change password', () => void change()),
      ),
      message,
      h('h3', {}, 'Personal API tokens'),
      tokens,
      h(
        'div',
        'controls',
        tokenName,
        button('api-token-create', 'Create token', () => void createToken()),
      ),
      shown,
    ),
  )
  void load()
  return { el: panel.el }
}
