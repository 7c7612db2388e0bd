// Pure mapping of an Umami payload to a PULSE event: no name → `page_view`, `data` → properties, a path
// URL made absolute with its host name (Umami sends no scheme: `https` is assumed), screen and language
// kept as the properties `screen` and `language` of page views.
import type { MappedEvent } from '../ingest'
import type { UmamiPayload } from './model'

const flat = (v: unknown): string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'boolean'
    ? v
    : typeof v === 'number'
      ? Number.isFinite(v)
        ? v
        : null
      : (JSON.stringify(v) ?? null)

/** The stored URL: an absolute URL as it is; a path behind `https://<hostname>` (or alone). */
export function urlOf(p: UmamiPayload): string | null {
  const url = p.url ?? ''
  if (/^https?:\/\//i.test(url)) return url
  const path = url.startsWith('/') ? url : `/${url}`
  return p.hostname ? `https://${p.hostname}${url ? path : '/'}` : url ? path : null
}

/** The PULSE event of an Umami event payload for `siteId`. */
export function mapUmami(p: UmamiPayload, siteId: string): MappedEvent {
  const properties: Record<string, string | number | boolean | null> = {}
  for (const k of Object.keys(p.data ?? {})) if (k !== '__proto__') properties[k] = flat(p.data?.[k])
  if (!p.name) {
    if (p.screen) properties.screen = p.screen
    if (p.language) properties.language = p.language
  }
  if (p.tag) properties.tag = p.tag
  return {
    site_id: siteId,
    event_type: p.name ? p.name : 'page_view',
    url: urlOf(p),
    referrer: p.referrer || null,
    user_id: p.id || null,
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  }
}
