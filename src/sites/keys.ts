// API key material: generation and hashing. Keys are shown once and stored only as sha256 hashes.
import { randomBytes } from 'node:crypto'

/** `public` keys sit in web pages and may only send events; `secret` keys may also read stats. */
export type KeyKind = 'public' | 'secret'

const PREFIX: Record<KeyKind, string> = { public: 'pk_', secret: 'sk_' }

/** A fresh random key of the given kind, e.g. `pk_3J9f…` (192 bits of randomness). */
export function generateKey(kind: KeyKind): string {
  return PREFIX[kind] + randomBytes(24).toString('base64url')
}

/** The stored form of a key (hex sha256; Bun's one-shot hash: every ingest request hashes its key). */
export function hashKey(key: string): string {
  return Bun.SHA256.hash(key, 'hex') as string
}

/** A random identifier with a prefix, e.g. `key_…` or `site_…`. */
export function randomId(prefix: string, bytes = 8): string {
  return prefix + randomBytes(bytes).toString('hex')
}
