// Acquisition: UTM fields and `ref`/`source` from the page URL, `source` from them or the referrer
// (self-referrals are direct: a referrer on the page's host, on one of the site's `domains` or on an
// import's `--host`, or a subdomain of one of them), and `channel` by GA4's default channel group rules
// (support.google.com/analytics/answer/9756891), with AI assistants as their own channel.
import { lookupHost, lookupName, type SourceCategory } from './referrers'

/** What acquisition fills. */
export interface Acquisition {
  source: string | null
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
  utmTerm: string | null
  utmContent: string | null
  channel: string | null
}

/** A host as `selfHosts` expects it: lower-case, without a port or `www.` (`Example.com:8080` → `example.com`). */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^www\./, '')
}

/** A site's `domains` (and an import's host) as self hosts: `*.example.com` and `www.example.com` → `example.com`. */
export function selfHostsOf(domains: readonly string[]): string[] {
  const out: string[] = []
  for (const d of domains) {
    const h = normaliseHost(d.replace(/^\*\./, ''))
    if (h && !out.includes(h)) out.push(h)
  }
  return out
}

/** Lower-case host without `www.` of an absolute URL, or undefined. */
export function hostOf(url: string | null): string | undefined {
  if (!url) return undefined
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]+)/i.exec(url)
  return m ? m[1].toLowerCase().replace(/^www\./, '') : undefined
}

/** The query parameters of a URL (absolute or a path), or undefined when it has none. */
function paramsOf(url: string | null): URLSearchParams | undefined {
  if (!url) return undefined
  const q = url.indexOf('?')
  if (q < 0) return undefined
  const hash = url.indexOf('#', q)
  try {
    return new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash))
  } catch {
    return undefined
  }
}

const cut = (v: string | null | undefined, n = 256) => (v ? v.slice(0, n) : null)

const PAID = /^(.*cp.*|ppc|retargeting|paid.*)$/
const SOCIAL_MEDIUM = /^(social|social-network|social-media|sm|social network|social media)$/
const SHOP_CAMPAIGN = /^(.*(([^a-df-z]|^)shop|shopping).*)$/
const EMAIL = /email|e-mail|e_mail|e mail/

/** The GA4 default channel of a visit's source, medium and campaign. */
export function channelOf(
  category: SourceCategory | undefined,
  source: string | null,
  medium: string | null,
  campaign: string | null,
  referred: boolean,
): string {
  const s = source?.toLowerCase() ?? ''
  const m = medium?.toLowerCase() ?? ''
  const c = campaign?.toLowerCase() ?? ''
  if (!source && !m && !referred) return 'Direct'
  if (c.includes('cross-network')) return 'Cross-network'
  const paid = PAID.test(m)
  if ((category === 'shopping' || SHOP_CAMPAIGN.test(c)) && paid) return 'Paid Shopping'
  if (category === 'search' && paid) return 'Paid Search'
  if (category === 'social' && paid) return 'Paid Social'
  if (category === 'video' && paid) return 'Paid Video'
  if (['display', 'banner', 'expandable', 'interstitial', 'cpm'].includes(m)) return 'Display'
  if (paid) return 'Paid Other'
  if (category === 'shopping' || SHOP_CAMPAIGN.test(c)) return 'Organic Shopping'
  if (category === 'social' || SOCIAL_MEDIUM.test(m)) return 'Organic Social'
  if (category === 'video' || m.includes('video')) return 'Organic Video'
  if (category === 'search' || m === 'organic') return 'Organic Search'
  if (category === 'ai') return 'AI Assistants'
  if (category === 'email' || EMAIL.test(s) || EMAIL.test(m)) return 'Email'
  if (m === 'affiliate') return 'Affiliates'
  if (m === 'audio') return 'Audio'
  if (s === 'sms' || m === 'sms') return 'SMS'
  if (m.endsWith('push') || m.includes('mobile') || m.includes('notification') || s === 'firebase')
    return 'Mobile Push Notifications'
  if (['referral', 'app', 'link'].includes(m) || referred) return 'Referral'
  return 'Unassigned'
}

/** Whether `host` is `own` or a subdomain of it (both lower-case, without `www.`). */
const within = (host: string, own: string) => host === own || host.endsWith(`.${own}`)

/**
 * Acquisition fields of a page view at `url` reached from `referrer`; `selfHosts` are the site's own
 * hosts (lower-case, without `www.`): a referrer on one of them is internal navigation, never a source.
 */
export function acquisitionOf(
  url: string | null,
  referrer: string | null,
  selfHosts: readonly string[] = [],
): Acquisition {
  const q = paramsOf(url)
  const utmSource = cut(q?.get('utm_source'))
  const utmMedium = cut(q?.get('utm_medium'))
  const utmCampaign = cut(q?.get('utm_campaign'))
  const named = utmSource ?? cut(q?.get('ref')) ?? cut(q?.get('source'))
  const refHost = hostOf(referrer)
  const pageHost = hostOf(url)
  // The site's own pages (or its own subdomains linking each other) are no source: direct.
  const self =
    refHost !== undefined &&
    ((pageHost !== undefined && within(refHost, pageHost)) || selfHosts.some((h) => within(refHost, h)))
  const external = refHost !== undefined && !self ? refHost : undefined
  const byName = named ? lookupName(named) : undefined
  const byHost = external ? lookupHost(external) : undefined
  const entry = byName ?? (named ? undefined : byHost)
  const source = entry?.[0] ?? cut(named, 128) ?? cut(external, 128)
  return {
    source,
    utmSource,
    utmMedium,
    utmCampaign,
    utmTerm: cut(q?.get('utm_term')),
    utmContent: cut(q?.get('utm_content')),
    channel: channelOf(entry?.[1], source, utmMedium, utmCampaign, external !== undefined),
  }
}
