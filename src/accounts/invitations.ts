// Invitations without mail: a one-time link with an expiry, for an email and a role on a site (or the
// instance owner). Opening it shows the email; accepting it sets the password, creates the user (or,
// for an existing user, only adds the role) and uses the invitation up.
import { ConflictError, NotFoundError } from '../errors'
import { AppError } from '../http/errors'
import type { SiteRole } from './permissions'
import type { Invitation, User } from './records'
import { insertInvitation, markInvitationUsed } from './repo'
import { digest, newId, newSecret, PREFIX } from './secrets'
import type { AccountStore } from './store'
import { createUser, setRole } from './users'

/** How long an invitation stays valid unless told otherwise: 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000

/** Create an invitation; returns the one-time token (the secret part of the link). */
export async function createInvitation(
  store: AccountStore,
  input: {
    email: string
    siteId: string | null
    role: SiteRole | null
    owner: boolean
    createdBy: string
    ttlMs?: number
  },
): Promise<{ token: string; record: Invitation }> {
  const token = newSecret(PREFIX.invitation)
  const now = store.clock()
  const record: Invitation = {
    inviteId: newId('inv_id_'),
    tokenHash: digest(token),
    email: input.email.trim().toLowerCase(),
    siteId: input.siteId,
    role: input.role,
    owner: input.owner,
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt: now + (input.ttlMs ?? INVITATION_TTL_MS),
    usedAt: null,
  }
  await insertInvitation(store.db, record)
  store.invitations.set(record.tokenHash, record)
  return { token, record }
}

/** The open invitation of `token`: 404 unknown, 410 used or expired. */
export function openInvitation(store: AccountStore, token: string): Invitation {
  const inv = token.startsWith(PREFIX.invitation) ? store.invitations.get(digest(token)) : undefined
  if (!inv) throw new NotFoundError('Unknown invitation')
  if (inv.usedAt !== null) throw new AppError(410, 'This invitation has been used')
  if (inv.expiresAt <= store.clock()) throw new AppError(410, 'This invitation has expired')
  return inv
}

/** Accept an invitation: the user is created with `password` (or exists already) and gets the role. */
export async function acceptInvitation(store: AccountStore, token: string, password: string): Promise<User> {
  const inv = openInvitation(store, token)
  // Used up before the slow work, so a second request with the same link cannot also get in.
  inv.usedAt = store.clock()
  try {
    const existing = store.userByEmail(inv.email)
    if (existing) throw new ConflictError('This email has an account already: sign in instead')
    const user = await createUser(store, { email: inv.email, password, owner: inv.owner })
    if (inv.siteId && inv.role) await setRole(store, user.userId, inv.siteId, inv.role)
    await markInvitationUsed(store.db, inv.inviteId, inv.usedAt)
    return user
  } catch (err) {
    // A refused password leaves the invitation usable; one for an email that has an account is spent.
    if (err instanceof ConflictError) await markInvitationUsed(store.db, inv.inviteId, inv.usedAt)
    else inv.usedAt = null
    throw err
  }
}
