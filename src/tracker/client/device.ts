// Device type from the user agent: tablet, mobile or desktop (the seed's three values).

/** Classify a user agent; `touchPoints` tells an iPad (which claims to be a Mac) from a Mac. */
export function detectDevice(ua: string, touchPoints: number): string {
  if (
    /iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobi)/i.test(ua) ||
    (/Macintosh/.test(ua) && touchPoints > 1)
  )
    return 'tablet'
  return /Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(ua) ? 'mobile' : 'desktop'
}
