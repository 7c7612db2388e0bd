// "Reports and alerts" of the current site, for its admins and the owner (others get 403 and see no
// panel): email digests, alert rules and webhooks — made, changed (a digest's schedule, a rule's
// threshold), test-sent and deleted — and the deliveries log, where failed and retrying sends show their
// last error. A webhook's signing secret is shown once, when it is made.
import { callWith } from './creds-call'
import { h, replace } from './dom'
import { createPanel } from './panel'
import type { Credentials } from './state'

const field = (id: string, label: string, type = 'text', value = '') =>
  h('input', { attrs: { id, type, placeholder: label, 'aria-label': label, autocomplete: 'off', value } })
const choice = (id: string, label: string, values: string[]) =>
  h(
    'select',
    { attrs: { id, 'aria-label': label } },
    ...values.map((v) => h('option', { attrs: { value: v } }, v)),
  )

/** The panel; `load(siteId)` fills it. */
export function createReportsPanel(creds: Credentials) {
  const panel = createPanel('reports', 'Reports and alerts')
  panel.el.hidden = true
  let site = ''
  const base = () => `/api/v1/sites/${encodeURIComponent(site)}`
  const note = h('p', { class: 'muted', attrs: { id: 'reports-note', 'aria-live': 'polite' } })
  const lists = {
    digests: h('ul', { attrs: { id: 'digests' } }),
    hooks: h('ul', { attrs: { id: 'webhooks' } }),
    rules: h('ul', { attrs: { id: 'alert-rules' } }),
    deliveries: h('ul', { attrs: { id: 'deliveries' } }),
  }
  const act = async (method: string, path: string, body?: unknown, show?: (d: any) => string) => {
    const r = await callWith(creds, method, path, body)
    note.textContent = r.body.success ? (show?.(r.body.data) ?? '') : (r.body.error ?? `HTTP ${r.status}`)
    await load(site)
  }
  const button = (label: string, fn: () => void, id?: string, cls = 'ghost small') =>
    h('button', { class: cls, attrs: { type: 'button', id }, on: { click: fn } }, label)
  const queued = (d: any) => `Queued as ${d.delivery_id}: it goes on the next pass; see Deliveries.`

  const digestEmail = field('digest-email', 'email', 'email')
  const digestFrequency = choice('digest-frequency', 'frequency', ['weekly', 'daily', 'monthly'])
  const digestHour = field('digest-hour', 'hour (0-23)', 'number', '8')
  const hookUrl = field('webhook-url', 'https://hooks.example.com/…', 'url')
  const hookFormat = choice('webhook-format', 'format', ['json', 'slack', 'discord'])
  const ruleKind = choice('alert-kind', 'kind', ['spike', 'drop', 'goal'])
  const ruleThreshold = field('alert-threshold', 'threshold', 'number')
  const ruleWindow = field('alert-window', 'window (minutes)', 'number', '60')
  const ruleGoal = field('alert-goal', 'goal name (goal rules)')
  const ruleTo = field('alert-to', 'webhook id or email')
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

  const body = h(
    'div',
    'settings',
    h('h3', {}, 'Email digests'),
    lists.digests,
    h(
      'div',
      'controls',
      digestEmail,
      digestFrequency,
      digestHour,
      button('Add digest', () => void addDigest(), 'digest-create', 'primary small'),
    ),
    h('h3', {}, 'Webhooks'),
    lists.hooks,
    h(
      'div',
      'controls',
      hookUrl,
      hookFormat,
      button('Add webhook', () => void addHook(), 'webhook-create', 'primary small'),
    ),
    h('h3', {}, 'Alert rules'),
    lists.rules,
    h(
      'div',
      'controls',
      ruleKind,
      ruleThreshold,
      ruleWindow,
      ruleGoal,
      ruleTo,
      button('Add rule', () => void addRule(), 'alert-create', 'primary small'),
    ),
    h('h3', {}, 'Deliveries'),
    lists.deliveries,
    note,
  )

  const addDigest = () =>
    act('POST', `${base()}/digests`, {
      email: digestEmail.value.trim(),
      frequency: digestFrequency.value,
      hour: Number(digestHour.value || 8),
      timezone: zone,
    })
  const addHook = () =>
    act(
      'POST',
      `${base()}/webhooks`,
      { url: hookUrl.value.trim(), format: hookFormat.value },
      (d) => `Webhook ${d.webhook_id} added. Its signing secret (shown once): ${d.secret}`,
    )
  const addRule = () => {
    const to = ruleTo.value.trim()
    return act('POST', `${base()}/alerts`, {
      kind: ruleKind.value,
      threshold: Number(ruleThreshold.value),
      window_minutes: Number(ruleWindow.value || 60),
      goal: ruleKind.value === 'goal' ? ruleGoal.value.trim() : undefined,
      ...(to.includes('@') ? { email: to } : { webhook_id: to }),
    })
  }

  const digestItem = (d: any) => {
    const frequency = choice(`digest-frequency-${d.digest_id}`, 'frequency', ['daily', 'weekly', 'monthly'])
    frequency.value = d.frequency
    const hour = field(`digest-hour-${d.digest_id}`, 'hour', 'number', String(d.hour))
    const path = `${base()}/digests/${d.digest_id}`
    return h(
      'li',
      { attrs: { 'data-id': d.digest_id } },
      `${d.email} (${d.timezone}${d.unsubscribed ? ', unsubscribed' : ''}) `,
      frequency,
      hour,
      button(
        'Save',
        () =>
          void act(
            'PATCH',
            path,
            { frequency: frequency.value, hour: Number(hour.value) },
            () => 'Digest saved.',
          ),
      ),
      button('Send now', () => void act('POST', `${path}/send`, undefined, queued)),
      button('Delete', () => void act('DELETE', path)),
    )
  }
  const hookItem = (w: any) =>
    h(
      'li',
      { attrs: { 'data-id': w.webhook_id } },
      `${w.webhook_id} · ${w.format} · ${w.url} `,
      button('Test', () => void act('POST', `${base()}/webhooks/${w.webhook_id}/test`, undefined, queued)),
      button('Delete', () => void act('DELETE', `${base()}/webhooks/${w.webhook_id}`)),
    )
  const ruleItem = (r: any) => {
    const threshold = field(`alert-threshold-${r.rule_id}`, 'threshold', 'number', String(r.threshold))
    const path = `${base()}/alerts/${r.rule_id}`
    const what = r.kind === 'goal' ? `goal ${r.goal}` : r.kind
    return h(
      'li',
      { attrs: { 'data-id': r.rule_id, 'data-firing': String(r.firing) } },
      `${what}, ${r.window_minutes} min → ${r.webhook_id ?? r.email} · ${r.firing ? 'firing' : 'ok'} · threshold `,
      threshold,
      button(
        'Save',
        () => void act('PATCH', path, { threshold: Number(threshold.value) }, () => 'Rule saved.'),
      ),
      button('Test', () => void act('POST', `${path}/test`, undefined, queued)),
      button('Delete', () => void act('DELETE', path)),
    )
  }
  const deliveryItem = (d: any) =>
    h(
      'li',
      {
        class: d.status === 'failed' || d.last_error ? 'error' : '',
        attrs: { 'data-status': d.status, 'data-id': d.delivery_id },
      },
      `${d.created_at.slice(0, 16).replace('T', ' ')} · ${d.source} ${d.channel} → ${d.target} · ${d.status} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'})`,
      d.last_error ? ` · ${d.last_error}` : '',
    )

  async function load(siteId: string) {
    site = siteId
    const [digests, hooks, rules, deliveries] = await Promise.all(
      ['digests', 'webhooks', 'alerts', 'deliveries'].map((p) => callWith(creds, 'GET', `${base()}/${p}`)),
    )
    panel.el.hidden = !digests.body.success
    if (panel.el.hidden) return
    replace(lists.digests, ...(digests.body.data ?? []).map(digestItem))
    replace(lists.hooks, ...(hooks.body.data ?? []).map(hookItem))
    replace(lists.rules, ...(rules.body.data ?? []).map(ruleItem))
    replace(lists.deliveries, ...(deliveries.body.data ?? []).slice(0, 20).map(deliveryItem))
    panel.show(body)
  }

  return { el: panel.el, load: (siteId: string) => void load(siteId) }
}
