// Webhook signatures: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret, sent as
// `X-Pulse-Signature: v1=<hex>` beside `X-Pulse-Timestamp` (epoch seconds). A receiver recomputes it
// and refuses old timestamps, so a captured request cannot be replayed later (docs/reports.md).
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The signature header's value for `body` sent at `timestampS` (epoch seconds). */
export function signPayload(secret: string, timestampS: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampS}.${body}`).digest('hex')}`
}

/** Whether `signature` is right for `body` at `timestampS`, which must be within `toleranceS` of `nowS`. */
export function verifySignature(
  secret: string,
  timestampS: number,
  body: string,
  signature: string,
  { nowS = Math.floor(Date.now() / 1000), toleranceS = 300 }: { nowS?: number; toleranceS?: number } = {},
): boolean {
  if (!Number.isFinite(timestampS) || Math.abs(nowS - timestampS) > toleranceS) return false
  const want = Buffer.from(signPayload(secret, timestampS, body))
  const got = Buffer.from(signature)
  return want.length === got.length && timingSafeEqual(want, got)
}
