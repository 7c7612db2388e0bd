// Signed unsubscribe links: `<digest_id>.<mac>`, the MAC an HMAC-SHA256 of the digest id under a key
// made once per database (`report_settings`), so a link works without signing in and cannot be forged
// for another digest; rotating the admin token does not break links already sent.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Database } from '../db/open'

/** The signing key of this database's unsubscribe links (made at first use). */
export async function unsubscribeKey(db: Database): Promise<string> {
  return db.writeLock.run(async () => {
    const r = await db.writer.runAndReadAll(
      "SELECT value FROM report_settings WHERE name = 'unsubscribe_key'",
    )
    const rows = r.getRows()
    if (rows.length > 0) return String(rows[0][0])
    const key = randomBytes(32).toString('base64url')
    await db.writer.run("INSERT INTO report_settings (name, value) VALUES ('unsubscribe_key', $1)", [key])
    return key
  })
}

const mac = (key: string, digestId: string) =>
  createHmac('sha256', key).update(`unsubscribe:${digestId}`).digest('base64url').slice(0, 32)

/** The token of a digest's unsubscribe link. */
export function unsubscribeToken(key: string, digestId: string): string {
  return `${digestId}.${mac(key, digestId)}`
}

/** The digest id a token names, or undefined when the token is not one this server signed. */
export function readUnsubscribeToken(key: string, token: string): string | undefined {
  const dot = token.lastIndexOf('.')
  if (dot <= 0) return undefined
  const id = token.slice(0, dot)
  const want = Buffer.from(mac(key, id))
  const got = Buffer.from(token.slice(dot + 1))
  return want.length === got.length && timingSafeEqual(want, got) ? id : undefined
}
