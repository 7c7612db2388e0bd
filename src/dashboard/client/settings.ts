// Settings of the current site for those allowed to change them: the site itself (name, domains, time
// zone, retention; site admins), members (roles changed in place) and invitations, read-only keys, share
// links and goals (added, edited and deleted here; the goals card reads them). Each list comes from the
// API, so a viewer (403) sees nothing here; secrets
// (keys, links, invitation links) are shown once, when made.
import { callWith } from './creds-call'
import { h, replace } from './dom'
import { createPanel } from './panel'
import type { Credentials } from './state'

const call = callWith

const input = (id: string, placeholder: string, type = 'text') =>
  h('input', { attrs: { id, placeholder, type, autocomplete: 'off', 'aria-label': placeholder } })

/** `country=DE, url=/x` as a filter object. */
function filters(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const i = part.indexOf('=')
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim()
  }
  return Object.keys(out).length ? out : undefined
}

/** Every IANA zone the browser knows (UTC first), for the site's time zone picker. */
function timeZones(current: string | null): string[] {
  let all: string[] = []
  try {
    all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone')
  } catch {
    // an older browser: the current zone and UTC only
  }
  return [...new Set(['UTC', ...(current ? [current] : []), ...all])]
}

/** A site as the settings form shows it. */
export interface SiteSettings {
  site_id: string
  name: string
  domains: string[]
  timezone: string | null
  retention_days: number | null
}

/** The settings panel; `load(siteId)` fills it for a site; `onSiteSaved` hears of a changed site. */
export function createSettingsPanel(
  creds: Credentials,
  onSiteSaved: (site: SiteSettings) => void = () => {},
) {
  const panel = createPanel('settings', 'Site settings, sharing and access')
  panel.el.hidden = true
  let site = ''
  const secret = h('p', { class: 'muted', attrs: { id: 'settings-secret', 'aria-live': 'polite' } })
  const error = h('p', { class: 'error', attrs: { id: 'settings-error', role: 'alert' } })
  const lists = {
    members: h('ul', { attrs: { id: 'members' } }),
    keys: h('ul', { attrs: { id: 'read-keys' } }),
    links: h('ul', { attrs: { id: 'share-links' } }),
    goals: h('ul', { attrs: { id: 'goals-list' } }),
  }

  const act = async (method: string, path: string, body?: unknown, show?: (data: any) => string) => {
    error.textContent = ''
    const r = await call(creds, method, path, body)
    if (!r.body.success) error.textContent = r.body.error ?? `HTTP ${r.status}`
    else if (show) secret.textContent = show(r.body.data)
    await load(site)
  }
  const revoke = (label: string, path: string) =>
    h(
      'button',
      { class: 'ghost small', attrs: { type: 'button' }, on: { click: () => void act('DELETE', path) } },
      label,
    )

  const inviteEmail = input('invite-email', 'email')
  const inviteRole = h(
    'select',
    { attrs: { id: 'invite-role', 'aria-label': 'role' } },
    ...['viewer', 'editor', 'admin'].map((r) => h('option', { attrs: { value: r } }, r)),
  )
  const inviteMail = h('input', { attrs: { id: 'invite-send-email', type: 'checkbox' } })
  const keyName = input('read-key-name', 'key name')
  const keyFilter = input('read-key-filter', 'locked filter, e.g. country=DE')
  const keyMin = input('read-key-min', 'min visitors', 'number')
  const linkPassword = input('share-link-password', 'password (optional)', 'password')
  const linkEmbed = input('share-link-embed', 'embed origins, e.g. https://blog.example.com')
  const goalName = input('goal-name', 'goal name')
  const goalTarget = input('goal-target', 'event type, or a page path starting with /')
  const button = (id: string, label: string, fn: () => void) =>
    h('button', { class: 'primary small', attrs: { type: 'button', id }, on: { click: fn } }, label)
  const siteName = input('site-name', 'site name')
  const siteDomains = input('site-domains', 'domains, e.g. example.com, www.example.com')
  const siteZone = h('select', { attrs: { id: 'site-timezone', 'aria-label': 'time zone' } })
  const siteRetention = input('site-retention', 'days kept (empty: all)', 'number')
  siteRetention.setAttribute('min', '1')
  const siteSection = h(
    'div',
    { attrs: { id: 'site-settings' } },
    h('h3', {}, 'Site'),
    h(
      'div',
      'controls',
      siteName,
      siteDomains,
      siteZone,
      siteRetention,
      button('site-save', 'Save site', () => {
        const days = siteRetention.value.trim()
        void act(
          'PATCH',
          `/api/v1/sites/${site}`,
          {
            name: siteName.value.trim() || undefined,
            domains: siteDomains.value.split(/[\s,]+/).filter(Boolean),
            timezone: siteZone.value || null,
            retention_days: days ? Number(days) : null,
          },
          (d) => {
            onSiteSaved(d)
            return `Saved. Periods are now cut in ${d.timezone ?? "each viewer's time zone"}${d.retention_days ? `; events older than ${d.retention_days} days are deleted daily` : ''}.`
          },
        )
      }),
    ),
  )

  const body = h(
    'div',
    'settings',
    siteSection,
    h('h3', {}, 'Members'),
    lists.members,
    h(
      'div',
      'controls',
      inviteEmail,
      inviteRole,
      h('label', 'small', inviteMail, ' also send by email'),
      button(
        'invite-create',
        'Invite',
        () =>
          void act(
            'POST',
            '/api/v1/invitations',
            {
              email: inviteEmail.value.trim(),
              site_id: site,
              role: inviteRole.value,
              send_email: inviteMail.checked || undefined,
            },
            (d) =>
              `Invitation link (works once): ${d.url}${d.emailed ? ' — mailed' : d.email_error ? ` — not mailed: ${d.email_error}` : ''}`,
          ),
      ),
    ),
    h('h3', {}, 'Read-only keys'),
    lists.keys,
    h(
      'div',
      'controls',
      keyName,
      keyFilter,
      keyMin,
      button(
        'read-key-create',
        'Create key',
        () =>
          void act(
            'POST',
            `/api/v1/sites/${site}/read-keys`,
            {
              name: keyName.value.trim() || undefined,
              locked_filters: filters(keyFilter.value),
              min_visitors: keyMin.value ? Number(keyMin.value) : undefined,
            },
            (d) => `New read-only key (shown once): ${d.key}`,
          ),
      ),
    ),
    h('h3', {}, 'Share links'),
    lists.links,
    h(
      'div',
      'controls',
      linkPassword,
      linkEmbed,
      button(
        'share-link-create',
        'Create link',
        () =>
          void act(
            'POST',
            `/api/v1/sites/${site}/share-links`,
            {
              password: linkPassword.value || undefined,
              embed_origins: linkEmbed.value.trim()
                ? linkEmbed.value.split(/[\s,]+/).filter(Boolean)
                : undefined,
            },
            (d) => `New share link (shown once): ${d.url}`,
          ),
      ),
    ),
    h('h3', {}, 'Goals'),
    lists.goals,
    h(
      'div',
      'controls',
      goalName,
      goalTarget,
      button('goal-create', 'Add goal', () => {
        const target = goalTarget.value.trim()
        const kind = target.startsWith('/')
          ? { kind: 'page', page_path: target }
          : { kind: 'event', event_type: target }
        void act('POST', `/api/v1/sites/${site}/goals`, { name: goalName.value.trim(), ...kind })
      }),
    ),
    secret,
    error,
  )

  async function load(siteId: string) {
    site = siteId
    const base = `/api/v1/sites/${encodeURIComponent(siteId)}`
    const [info, members, keys, links, goals] = await Promise.all([
      call(creds, 'GET', base),
      call(creds, 'GET', `${base}/members`),
      call(creds, 'GET', `${base}/read-keys`),
      call(creds, 'GET', `${base}/share-links`),
      call(creds, 'GET', `${base}/goals`),
    ])
    // Editors see share links only; viewers nothing.
    panel.el.hidden = !links.body.success
    if (panel.el.hidden) return
    // Site settings: for the site's admins (the members list answers them only).
    siteSection.hidden = !members.body.success || !info.body.success
    if (!siteSection.hidden) {
      const d = info.body.data as SiteSettings
      siteName.value = d.name
      siteDomains.value = d.domains.join(', ')
      replace(
        siteZone,
        h('option', { attrs: { value: '' } }, "Not set (each viewer's own)"),
        ...timeZones(d.timezone).map((z) => h('option', { attrs: { value: z } }, z)),
      )
      siteZone.value = d.timezone ?? ''
      siteRetention.value = d.retention_days === null ? '' : String(d.retention_days)
    }
    const item = (...c: (string | Node)[]) => h('li', {}, ...c)
    replace(
      lists.members,
      ...(members.body.data ?? []).map((m: any) => {
        const role = h(
          'select',
          { attrs: { id: `member-role-${m.user_id}`, 'aria-label': `role of ${m.email}` } },
          ...['viewer', 'editor', 'admin'].map((r) => h('option', { attrs: { value: r } }, r)),
        )
        role.value = m.role
        role.addEventListener(
          'change',
          () => void act('PUT', `${base}/members/${m.user_id}`, { role: role.value }),
        )
        return item(`${m.email} — ${m.role} `, role, revoke('Remove', `${base}/members/${m.user_id}`))
      }),
    )
    replace(
      lists.keys,
      ...(keys.body.data ?? []).map((k: any) =>
        item(`${k.name} (${k.key_id}) `, revoke('Revoke', `${base}/read-keys/${k.key_id}`)),
      ),
    )
    replace(
      lists.links,
      ...(links.body.data ?? []).map((l: any) =>
        item(
          `${l.name}${l.has_password ? ' · password' : ''}${l.embed_origins.length ? ' · embeddable' : ''}${l.revoked_at ? ' · revoked' : ' '}`,
          l.revoked_at ? '' : revoke('Revoke', `${base}/share-links/${l.link_id}`),
        ),
      ),
    )
    replace(
      lists.goals,
      ...(goals.body.data ?? []).map((g: any) => {
        // Edited in place: the name and the event type or page path (the kind stays).
        const name = input(`goal-name-${g.goal_id}`, 'goal name')
        name.value = g.name
        const target = input(`goal-target-${g.goal_id}`, g.kind === 'page' ? 'page path' : 'event type')
        target.value = g.kind === 'page' ? g.page_path : g.event_type
        const save = () =>
          void act('PATCH', `${base}/goals/${g.goal_id}`, {
            name: name.value.trim(),
            ...(g.kind === 'page' ? { page_path: target.value.trim() } : { event_type: target.value.trim() }),
          })
        return item(
          `${g.name}: ${g.kind === 'page' ? g.page_path : g.event_type} `,
          name,
          target,
          h('button', { class: 'ghost small', attrs: { type: 'button' }, on: { click: save } }, 'Save'),
          revoke('Delete', `${base}/goals/${g.goal_id}`),
        )
      }),
    )
    panel.show(body)
  }

  return { el: panel.el, load: (siteId: string) => void load(siteId) }
}
