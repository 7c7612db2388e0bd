// Secret material of accounts and sharing: random tokens with a readable prefix, stored only as sha256.
// Passwords are hashed with Argon2id by Bun.password (salted, slow on purpose).
import { randomBytes } from 'node:crypto'

/** Prefixes of the credentials this module issues; `rk_` read-only keys, `pat_` personal tokens, … */
export const PREFIX = {
  readKey: 'rk_',
  apiToken: 'pat_',
  session: 'ses_',
  invitation: 'inv_',
  shareLink: 'sh_',
  shareAccess: 'shs_',
} as const

/** A fresh random secret with `prefix` (192 bits). */
export function newSecret(prefix: string): string {
  return prefix + randomBytes(24).toString('base64url')
}

/** A random identifier, e.g. `usr_3f9a…`. */
export function newId(prefix: string): string {
  return prefix + randomBytes(8).toString('hex')
}

/** The stored form of a secret. Lookups are by digest, so timing says nothing about partial matches. */
export function digest(secret: string): string {
  return Bun.SHA256.hash(secret, 'hex') as string
}

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10
/** The longest: Argon2 takes any length, but a megabyte password is a denial of service. */
export const MAX_PASSWORD_LENGTH = 256

/** An Argon2id hash of `password`. */
export function hashPassword(password: string): Promise<string> {
  return Bun.password.hash(password, { algorithm: 'argon2id', memoryCost: 19456, timeCost: 2 })
}

/** Whether `password` matches `hash`. */
export function checkPassword(password: string, hash: string): Promise<boolean> {
  return Bun.password.verify(password, hash)
}

// Compared against when the account does not exist, so an unknown email costs the same time as a wrong
// password (no user enumeration by timing).
let dummy: Promise<string> | undefined
/** A hash of nothing anyone knows, computed once. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}
