// The audit log of the current site, for its admins and the owner (others get 403 and see no panel):
// sign-ins, key, link, role and member changes, erasures and exports, with who, when and from where.
import { callWith } from './creds-call'
import { h, replace } from './dom'
import { createPanel } from './panel'
import type { Credentials } from './state'

/** The audit panel; `load(siteId)` fills it with the site's newest entries. */
export function createAuditPanel(creds: Credentials) {
  const panel = createPanel('audit', 'Audit log')
  panel.el.hidden = true
  const rows = h('tbody', { attrs: { id: 'audit-log' } })
  const table = h(
    'table',
    'audit',
    h(
      'thead',
      {},
      h('tr', {}, ...['When', 'Who', 'What', 'Target', 'From', 'Outcome'].map((c) => h('th', {}, c))),
    ),
    rows,
  )

  async function load(siteId: string) {
    const r = await callWith(creds, 'GET', `/api/v1/sites/${encodeURIComponent(siteId)}/audit?limit=50`)
    panel.el.hidden = !r.body.success
    if (!r.body.success) return
    const entries: any[] = r.body.data ?? []
    if (entries.length === 0) return panel.empty('Nothing recorded for this site yet.')
    replace(
      rows,
      ...entries.map((e) =>
        h(
          'tr',
          { attrs: { 'data-action': e.action } },
          h('td', {}, new Date(e.at).toLocaleString()),
          h('td', {}, e.actor),
          h('td', {}, e.action),
          h('td', {}, e.target ?? ''),
          h('td', {}, e.address ?? ''),
          h('td', {}, e.outcome),
        ),
      ),
    )
    panel.show(table)
  }

  return { el: panel.el, load: (siteId: string) => void load(siteId) }
}
