// Formatting of numbers, percentages, durations, changes and dimension keys for display. Pure.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** 1234 → "1,234"; 1234567 → "1.2M". */
export function formatNumber(n: number): string {
  return Math.abs(n) >= 100_000 ? compact.format(n) : integer.format(n)
}

/** 43.75 → "43.75%"; 50 → "50%". */
export function formatPercent(n: number): string {
  return `${Number(n.toFixed(2))}%`
}

/** Seconds → "45s", "2m 5s", "1h 3m". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`
}

/** A change in percent → "+12%", "−5%", "0%"; `null` (nothing to compare with) → "new". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return 'new'
  const r = Math.round(change)
  if (r === 0) return '0%'
  return `${r > 0 ? '+' : '−'}${Math.abs(r)}%`
}

/** "https://example.com/a?b" → "/a?b" (the text as sent, not percent-encoded); paths stay as they are. */
export function pagePath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)
  if (!m) return url
  return url.slice(m[0].length) || '/'
}

/** "us" → "US" for two ASCII letters; anything else → "" (shown as a badge before the country name). */
export function countryCode(code: string): string {
  return /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : ''
}

let regionNames: Intl.DisplayNames | undefined
/** "US" → "United States"; unknown codes are returned as they are. */
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' })
    return (/^[A-Za-z]{2}$/.test(code) && regionNames.of(code.toUpperCase())) || code
  } catch {
    return code
  }
}
