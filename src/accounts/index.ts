// The accounts and sharing routes: sign-in and sessions, users, members and invitations, read-only keys
// and share links, the audit log. Who may call each is in `routes-table.ts`, checked by `guard.ts`.
import { Elysia } from 'elysia'
import { authRoutes } from './auth-routes'
import type { AccountRouteDeps } from './deps'
import { memberRoutes } from './member-routes'
import { sharingRoutes } from './sharing-routes'

export type { AccountRouteDeps } from './deps'

/** The accounts plugin. */
export function accountRoutes(deps: AccountRouteDeps) {
  return new Elysia({ name: 'accounts' })
    .use(authRoutes(deps))
    .use(memberRoutes(deps))
    .use(sharingRoutes(deps))
}
