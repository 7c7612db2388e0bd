// Members of a site and their roles, invitations (one-time links, no mail needed), the user list and the
// audit log.
import { Elysia, t } from 'elysia'
import { NotFoundError } from '../errors'
import { envelope, errors, ok } from '../http/envelope'
import { AppError } from '../http/errors'
import { actorOf } from './audit'
import { accountView } from './auth-routes'
import type { AccountRouteDeps } from './deps'
import { principalOf, siteCaller } from './guard'
import { addressOf, overTls, sessionCookie } from './http'
import { mailInvitation } from './invitation-mail'
import { acceptInvitation, createInvitation, openInvitation } from './invitations'
import {
  Account,
  AuditEntrySchema,
  AuditQuery,
  CreatedInvitation,
  CreateInvitationBody,
  InvitationInfo,
  Member,
  MemberBody,
  PasswordBody,
} from './model'
import { deleteUser, endSessionsOf, setRole, startSession } from './users'

const SiteParams = t.Object({ site_id: t.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }) })
const MemberParams = t.Object({
  site_id: t.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }),
  user_id: t.String({ maxLength: 64 }),
})
const UserParams = t.Object({ user_id: t.String({ maxLength: 64 }) })
const TokenParams = t.Object({ token: t.String({ maxLength: 100 }) })
const detail = (summary: string, description?: string) => ({
  summary,
  ...(description ? { description } : {}),
  tags: ['Accounts'],
  security: [{ bearerAuth: [] }],
})

/** The routes. */
export function memberRoutes(deps: AccountRouteDeps) {
  const { accounts } = deps
  const siteMustExist = (siteId: string) => {
    if (!deps.store.hasSite(siteId)) throw new NotFoundError(`Unknown site: ${siteId}`)
  }
  const members = (siteId: string) =>
    [...accounts.users.values()].flatMap((u) => {
      const role = accounts.roles.get(u.userId)?.get(siteId)
      return role ? [{ user_id: u.userId, email: u.email, role }] : []
    })
  return new Elysia({ name: 'accounts-members', prefix: '/api/v1' })
    .model({
      Member,
      MemberBody,
      CreateInvitationBody,
      CreatedInvitation,
      InvitationInfo,
      PasswordBody,
      AuditEntry: AuditEntrySchema,
    })
    .get('/accounts', () => ok([...accounts.users.values()].map((u) => accountView(accounts, u))), {
      detail: detail('List users', 'Every user with their roles (the owner or the admin token).'),
      response: { 200: envelope(t.Array(Account)), ...errors(401, 403) },
    })
    .delete(
      '/accounts/:user_id/sessions',
      async ({ params, request }) => {
        if (!accounts.users.has(params.user_id)) throw new NotFoundError('Unknown user')
        const ended = await endSessionsOf(accounts, params.user_id)
        await deps.audit.record({
          actor: actorOf(principalOf(request)),
          action: 'sessions.revoke',
          target: params.user_id,
        })
        return ok({ ended })
      },
      {
        params: UserParams,
        detail: detail(
          "End a user's sessions",
          'Every session of the user ends at once (their personal tokens stay).',
        ),
        response: { 200: envelope(t.Object({ ended: t.Integer() })), ...errors(401, 403, 404, 422) },
      },
    )
    .delete(
      '/accounts/:user_id',
      async ({ params, request }) => {
        const user = accounts.users.get(params.user_id)
        if (!user) throw new NotFoundError('Unknown user')
        const who = principalOf(request)
        if (who.user?.userId === user.userId) throw new AppError(409, 'You cannot delete yourself')
        await deleteUser(accounts, user.userId)
        await deps.audit.record({ actor: actorOf(who), action: 'user.delete', target: user.email })
        return ok({ deleted: true })
      },
      {
        params: UserParams,
        detail: detail('Delete a user', 'Deletes the user with their roles, sessions and personal tokens.'),
        response: { 200: envelope(t.Object({ deleted: t.Boolean() })), ...errors(401, 403, 404, 409, 422) },
      },
    )
    .get(
      '/sites/:site_id/members',
      ({ params }) => {
        siteMustExist(params.site_id)
        return ok(members(params.site_id))
      },
      {
        params: SiteParams,
        detail: detail('List the members of a site'),
        response: { 200: envelope(t.Array(Member)), ...errors(401, 403, 404, 422) },
      },
    )
    .put(
      '/sites/:site_id/members/:user_id',
      async ({ params, body, request }) => {
        siteMustExist(params.site_id)
        const user = accounts.users.get(params.user_id)
        if (!user) throw new NotFoundError(`Unknown user: ${params.user_id.slice(0, 64)}`)
        await setRole(accounts, user.userId, params.site_id, body.role)
        await deps.audit.record({
          actor: actorOf(principalOf(request)),
          action: 'member.role',
          siteId: params.site_id,
          target: `${user.email}=${body.role}`,
        })
        return ok({ user_id: user.userId, email: user.email, role: body.role })
      },
      {
        params: MemberParams,
        body: MemberBody,
        detail: detail("Set a member's role on a site"),
        response: { 200: envelope(Member), ...errors(401, 403, 404, 422) },
      },
    )
    .delete(
      '/sites/:site_id/members/:user_id',
      async ({ params, request }) => {
        if (!accounts.roles.get(params.user_id)?.has(params.site_id))
          throw new NotFoundError('Not a member of this site')
        await setRole(accounts, params.user_id, params.site_id, null)
        await deps.audit.record({
          actor: actorOf(principalOf(request)),
          action: 'member.remove',
          siteId: params.site_id,
          target: params.user_id,
        })
        return ok({ removed: true })
      },
      {
        params: MemberParams,
        detail: detail('Remove a member from a site'),
        response: { 200: envelope(t.Object({ removed: t.Boolean() })), ...errors(401, 403, 404, 422) },
      },
    )
    .post(
      '/invitations',
      async ({ body, request, set }) => {
        const who = principalOf(request)
        const owner = body.owner === true
        if (owner && !(who.kind === 'admin-token' || who.owner))
          throw new AppError(403, 'Only the owner may invite an owner')
        if (!owner && (!body.site_id || !body.role))
          throw new AppError(422, 'An invitation names a site_id and a role (or owner: true)')
        // The guard saw no site (it is in the body): the caller's right on this one is checked here.
        if (body.site_id) siteCaller(request, (id) => deps.store.hasSite(id), body.site_id)
        const { token, record } = await createInvitation(accounts, {
          email: body.email,
          siteId: body.site_id ?? null,
          role: body.role ?? null,
          owner,
          createdBy: actorOf(who),
          ttlMs: body.expires_in_hours ? body.expires_in_hours * 3600_000 : undefined,
        })
        await deps.audit.record({
          actor: actorOf(who),
          action: 'invitation.create',
          siteId: record.siteId,
          target: `${record.email}=${record.owner ? 'owner' : record.role}`,
        })
        const url = `${deps.config.publicUrl}/invite/${token}`
        const mailed = body.send_email ? await mailInvitation(deps, record, url) : undefined
        set.status = 201
        return ok({
          invite_id: record.inviteId,
          email: record.email,
          token,
          url,
          expires_at: record.expiresAt,
          emailed: mailed?.error === undefined && mailed !== undefined,
          email_error: mailed?.error ?? null,
        })
      },
      {
        body: CreateInvitationBody,
        detail: detail(
          'Invite someone',
          'A one-time link with an expiry for an email and a role on a site (site admins) or as an owner (the owner). Opening it lets the person set a password. The link is answered for you to pass on; with `send_email` and SMTP configured it is also mailed (`emailed`, or `email_error` saying why not).',
        ),
        response: { 201: envelope(CreatedInvitation), ...errors(401, 403, 404, 422) },
      },
    )
    .get(
      '/invitations/:token',
      ({ params }) => {
        const inv = openInvitation(accounts, params.token)
        return ok({
          email: inv.email,
          site_id: inv.siteId,
          role: inv.role,
          owner: inv.owner,
          expires_at: inv.expiresAt,
        })
      },
      {
        params: TokenParams,
        detail: { summary: 'Open an invitation', tags: ['Accounts'], security: [] },
        response: { 200: envelope(InvitationInfo), ...errors(404, 410, 422) },
      },
    )
    .post(
      '/invitations/:token/accept',
      async ({ params, body, set, request, server }) => {
        const user = await acceptInvitation(accounts, params.token, body.password)
        const secret = await startSession(accounts, user)
        const tls = overTls(request, deps.config.publicUrl, deps.config.trustedProxies)
        set.headers['set-cookie'] = sessionCookie(secret, accounts.limits.absoluteMs, tls)
        await deps.audit.record({
          actor: `user:${user.email}`,
          action: 'invitation.accept',
          siteId: [...(accounts.roles.get(user.userId)?.keys() ?? [])][0] ?? null,
          address: addressOf(server, request, deps.config.trustedProxies),
        })
        set.status = 201
        return ok(accountView(accounts, user))
      },
      {
        params: TokenParams,
        body: PasswordBody,
        detail: {
          summary: 'Accept an invitation',
          description:
            'Sets the password, creates the account with the role and signs in. The link works once.',
          tags: ['Accounts'],
          security: [],
        },
        response: { 201: envelope(Account), ...errors(404, 409, 410, 422) },
      },
    )
    .get(
      '/sites/:site_id/audit',
      async ({ params, query }) => ok(await deps.audit.list(params.site_id, query.limit)),
      {
        params: SiteParams,
        query: AuditQuery,
        detail: detail(
          "A site's audit log",
          'Key, link, role and member changes, erasures and exports of the site, newest first.',
        ),
        response: { 200: envelope(t.Array(AuditEntrySchema)), ...errors(401, 403, 422) },
      },
    )
    .get('/audit', async ({ query }) => ok(await deps.audit.list(undefined, query.limit)), {
      query: AuditQuery,
      detail: detail(
        'The audit log',
        'Every entry (sign-ins and failures too), newest first; kept 180 days.',
      ),
      response: { 200: envelope(t.Array(AuditEntrySchema)), ...errors(401, 403, 422) },
    })
}
