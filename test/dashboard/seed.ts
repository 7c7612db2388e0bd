// A deterministic dataset for the dashboard tests: sessions over the last days with pages,
// referrers, countries, devices, custom events and properties, plus one session of hostile text.
const HOUR = 3_600_000

/** An event as /collect/batch takes it. */
export type SeedEvent = Record<string, unknown>

/** Strings that would run script if the dashboard ever parsed event data as HTML. */
export const HOSTILE = {
  eventType: '<img src=x onerror=alert(1)>',
  url: 'https://example.com/<script>alert(2)</script>',
  referrer: 'https://evil.example/"><img src=x onerror=alert(3)>',
  device: '<b onmouseover=alert(4)>x</b>',
  propertyValue: '<script>alert(5)</script>',
}

/** A small xorshift generator so the dataset is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x1_0000_0000
  }
}

/**
 * Build the dataset for `siteId`: sessions over the last 6 days, some 8–13 days ago, two in the last
 * minutes, one with hostile text.
 */
export function seedEvents(siteId: string, now: number): SeedEvent[] {
  const rand = rng(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
  const pages = ['/', '/', '/pricing', '/docs', '/blog/launch', '/signup'] as const
  const referrers = [
    null,
    null,
    'https://www.google.com/search?q=pulse',
    'https://news.ycombinator.com/item?id=1',
    'https://twitter.com/x',
  ] as const
  const countries = ['US', 'US', 'DE', 'FR', 'GB', null] as const
  const devices = ['desktop', 'desktop', 'mobile', 'tablet'] as const
  const events: SeedEvent[] = []
  for (let s = 0; s < 60; s++) {
    // Sessions (at most ~11 minutes long) end before the realtime window, and none is near the 24h
    // boundary: the dashboard and the test ask a few seconds apart, and must get the same answer.
    let start = now - Math.floor(rand() * 6 * 24 * HOUR) - 30 * 60_000
    if (start > now - 24 * HOUR - 15 * 60_000 && start < now - 24 * HOUR + 2 * 60_000) start -= 30 * 60_000
    const session = `s${s}`
    const user = s % 4 === 0 ? `u${s % 12}` : undefined
    const common = {
      site_id: siteId,
      session_id: session,
      user_id: user,
      country: pick(countries),
      device_type: pick(devices),
    }
    const views = 1 + Math.floor(rand() * 4)
    let t = start
    for (let v = 0; v < views; v++) {
      events.push({
        ...common,
        event_type: 'page_view',
        timestamp: t,
        url: `https://example.com${v === 0 ? pick(pages) : pick(pages)}`,
        referrer: v === 0 ? pick(referrers) : 'https://example.com/',
      })
      t += 20_000 + Math.floor(rand() * 120_000)
    }
    if (s % 3 === 0) {
      events.push({
        ...common,
        event_type: 'signup',
        timestamp: t,
        url: 'https://example.com/signup',
        properties: { plan: s % 2 ? 'pro' : 'free' },
      })
      t += 30_000
      if (s % 6 === 0)
        events.push({
          ...common,
          event_type: 'purchase',
          timestamp: t,
          url: 'https://example.com/checkout',
          properties: { plan: 'pro', amount: 49 },
        })
    }
  }
  // The previous 7 days, for the comparison: fewer sessions, all on the home page.
  for (let s = 0; s < 15; s++) {
    const t = now - 8 * 24 * HOUR - Math.floor(rand() * 5 * 24 * HOUR)
    events.push({
      site_id: siteId,
      session_id: `old${s}`,
      event_type: 'page_view',
      timestamp: t,
      url: 'https://example.com/',
      device_type: 'desktop',
      country: 'US',
    })
  }
  // Two sessions in the last 5 minutes, for the live counter.
  for (const id of ['live1', 'live2'])
    events.push({
      site_id: siteId,
      session_id: id,
      event_type: 'page_view',
      timestamp: now - 60_000,
      url: 'https://example.com/',
      device_type: 'mobile',
      country: 'US',
    })
  // Hostile input: every displayed field carries markup.
  events.push({
    site_id: siteId,
    session_id: 'hostile',
    event_type: HOSTILE.eventType,
    timestamp: now - 2 * HOUR,
    url: HOSTILE.url,
    referrer: HOSTILE.referrer,
    device_type: HOSTILE.device,
    properties: { plan: HOSTILE.propertyValue },
  })
  return events
}
