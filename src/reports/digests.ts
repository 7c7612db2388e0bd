// Due digests: for each subscribed digest, the latest period whose send time has passed; when it is
// newer than the digest's `last_period`, the digest is rendered from the stats API and claimed for
// sending together with the new `last_period` (one transaction, `run_key` digest:<id>:<period>). After a
// long downtime only the latest period is claimed: one catch-up, not a flood.
import type { Database } from '../db/open'
import type { Payload } from './deliveries'
import { claimDelivery } from './deliveries'
import { loadDigest } from './digest'
import type { Digest } from './model'
import { type DigestPeriod, latestDuePeriod } from './periods'
import { digestHtml, digestSubject, digestText } from './render'
import { activeDigests } from './repo'
import type { StatsClient } from './stats-client'
import { unsubscribeToken } from './unsubscribe'

/** What rendering a digest needs. */
export interface DigestContext {
  db: Database
  stats: StatsClient
  publicUrl: string
  unsubscribeKey: string
}

/** The unsubscribe link of a digest. */
export function unsubscribeUrl(ctx: DigestContext, digestId: string): string {
  return `${ctx.publicUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(ctx.unsubscribeKey, digestId))}`
}

/** The email of digest `d` for `period`, with the standard one-click unsubscribe headers (RFC 8058). */
export async function renderDigest(ctx: DigestContext, d: Digest, period: DigestPeriod): Promise<Payload> {
  const data = await loadDigest(ctx.stats, d.site_id, d.frequency, d.timezone, period)
  const url = unsubscribeUrl(ctx, d.digest_id)
  return {
    kind: 'email',
    subject: digestSubject(data),
    text: digestText(data, url),
    html: digestHtml(data, url),
    headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

/** Claim every digest due at `now`; returns the digest ids claimed. Errors of one digest are reported, not thrown. */
export async function claimDueDigests(
  ctx: DigestContext,
  now: number,
  onError: (digestId: string, err: Error) => void,
): Promise<string[]> {
  const claimed: string[] = []
  for (const d of await activeDigests(ctx.db)) {
    const period = latestDuePeriod(d.frequency, d.hour, d.timezone, now)
    if (d.last_period !== null && period.key <= d.last_period) continue
    try {
      const payload = await renderDigest(ctx, d, period)
      const id = await claimDelivery(
        ctx.db,
        {
          runKey: `digest:${d.digest_id}:${period.key}`,
          siteId: d.site_id,
          source: 'digest',
          channel: 'email',
          target: d.email,
          payload,
        },
        now,
        [
          {
            sql: 'UPDATE digests SET last_period = $2 WHERE digest_id = $1 AND (last_period IS NULL OR last_period < $2)',
            params: [d.digest_id, period.key],
          },
        ],
      )
      if (id) claimed.push(d.digest_id)
    } catch (err) {
      onError(d.digest_id, err as Error)
    }
  }
  return claimed
}
