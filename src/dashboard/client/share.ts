// A share link's page (/share/<slug>): the read-only dashboard of one site. A password-protected link
// asks for its password first and then reads with the access token it unlocks; any other link reads
// with its slug. The server applies the link's locked filter and minimum count to every read.
import { call } from './account'
import { h } from './dom'
import type { Credentials } from './state'

/** Render the share page for `slug`; `show` opens the dashboard with the link's credentials. */
export async function renderShare(root: HTMLElement, slug: string, show: (c: Credentials) => void) {
  const card = h('div', 'card signin-card', h('h1', 'brand', 'PULSE'))
  const info = await call('GET', `/api/v1/share/${encodeURIComponent(slug)}`)
  if (info.status !== 200) {
    card.append(
      h('p', { class: 'error', attrs: { id: 'share-error' } }, info.body.error ?? 'This link is not valid.'),
    )
    root.replaceChildren(h('main', 'signin', card))
    return
  }
  const view = info.body.data as { site_id: string; needs_password: boolean }
  if (!view.needs_password) return show({ token: slug, admin: false, siteId: view.site_id })
  const password = h('input', { attrs: { type: 'password', id: 'share-password', required: '' } })
  const error = h('p', { class: 'error', attrs: { role: 'alert', id: 'share-error' } })
  const form = h(
    'form',
    { class: 'signin-form', attrs: { id: 'share-form', novalidate: '' } },
    h('label', { attrs: { for: 'share-password' } }, 'This dashboard is protected: enter its password'),
    password,
    h('button', { class: 'primary', attrs: { type: 'submit', id: 'share-submit' } }, 'Open'),
    error,
  )
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault()
    const r = await call('POST', `/api/v1/share/${encodeURIComponent(slug)}/unlock`, {
      password: password.value,
    })
    if (r.status === 200) show({ token: r.body.data.access_token, admin: false, siteId: view.site_id })
    else
      error.textContent =
        r.status === 429 ? 'Too many attempts: wait a minute.' : (r.body.error ?? 'Wrong password.')
  })
  card.append(form)
  root.replaceChildren(h('main', 'signin', card))
  password.focus()
}
