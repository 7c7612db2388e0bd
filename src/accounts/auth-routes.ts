// Sign-in, sign-out, who am I, the first-run setup and personal API tokens.
import { Elysia, t } from 'elysia'
import { ConflictError, NotFoundError } from '../errors'
import { envelope, errors, ok } from '../http/envelope'
import { AppError } from '../http/errors'
import { actorOf } from './audit'
import type { AccountRouteDeps } from './deps'
import { principalOf } from './guard'
import { addressOf, clearedCookie, overTls, sessionCookie } from './http'
import {
  Account,
  ApiTokenInfo,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  Credentials,
  PasswordChanged,
  SetupState,
} from './model'
import type { User } from './records'
import type { AccountStore } from './store'
import {
  changePassword,
  createApiToken,
  createUser,
  endSession,
  revokeApiToken,
  startSession,
  verifySignIn,
} from './users'

const tags = (summary: string, tag = 'Accounts') => ({ summary, tags: [tag], security: [{ bearerAuth: [] }] })

/** A user as the API shows it. */
export function accountView(store: AccountStore, u: User): typeof Account.static {
  return {
    user_id: u.userId,
    email: u.email,
    owner: u.owner,
    roles: store.rolesOf(u.userId),
    created_at: u.createdAt,
  }
}

/** The routes. */
export function authRoutes(deps: AccountRouteDeps) {
  const { accounts } = deps
  const tls = (request: Request) => overTls(request, deps.config.publicUrl, deps.config.trustedProxies)
  const signedIn = (request: Request): User => {
    const user = principalOf(request).user
    if (!user) throw new AppError(403, 'Needs a signed-in user')
    return user
  }
  return new Elysia({ name: 'accounts-auth', prefix: '/api/v1' })
    .model({
      Credentials,
      Account,
      SetupState,
      ApiTokenInfo,
      CreatedApiToken,
      CreateApiTokenBody,
      ChangePasswordBody,
      PasswordChanged,
    })
    .get('/setup', () => ok({ needed: !accounts.hasUsers() }), {
      query: t.Object({}, { additionalProperties: false }),
      detail: { summary: 'Whether the first-run setup is open', tags: ['Accounts'], security: [] },
      response: { 200: envelope(SetupState), ...errors(422) },
    })
    .post(
      '/setup',
      async ({ body, set, request, server }) => {
        if (accounts.hasUsers()) throw new ConflictError('Setup is done: an owner exists')
        const user = await createUser(accounts, { ...body, owner: true })
        await deps.audit.record({
          actor: 'admin-token',
          action: 'setup.owner',
          target: user.email,
          address: addressOf(server, request, deps.config.trustedProxies),
        })
        set.status = 201
        return ok(accountView(accounts, user))
      },
      {
        body: Credentials,
        detail: {
          ...tags('Create the first owner'),
          description:
            'First-run setup: creates the instance owner. Needs the admin token; refused once any user exists.',
        },
        response: { 201: envelope(Account), ...errors(401, 403, 409, 422) },
      },
    )
    .post(
      '/auth/sign-in',
      async ({ body, set, request, server }) => {
        const address = addressOf(server, request, deps.config.trustedProxies)
        // A refusal by the rate limit (429) is not audited: a flood would write a row per request.
        const user = await verifySignIn(accounts, deps.signIn, body.email, body.password, address)
        if (!user) {
          await deps.audit.record({
            actor: `email:${body.email.slice(0, 100)}`,
            action: 'sign-in',
            address,
            outcome: 'refused',
          })
          throw new AppError(401, 'Wrong email or password')
        }
        const secret = await startSession(accounts, user)
        set.headers['set-cookie'] = sessionCookie(secret, accounts.limits.absoluteMs, tls(request))
        set.headers['cache-control'] = 'no-store'
        await deps.audit.record({ actor: `user:${user.email}`, action: 'sign-in', address })
        return ok(accountView(accounts, user))
      },
      {
        body: Credentials,
        detail: {
          summary: 'Sign in',
          description:
            'Checks the email and password and starts a server-side session: the `pulse_session` cookie (HttpOnly, SameSite=Lax, Secure behind TLS). Rate-limited per account and per address (429).',
          tags: ['Accounts'],
          security: [],
        },
        response: { 200: envelope(Account), ...errors(401, 422, 429) },
      },
    )
    .post(
      '/auth/sign-out',
      async ({ request, set, server }) => {
        const who = principalOf(request)
        if (who.sessionHash) await endSession(accounts, who.sessionHash)
        set.headers['set-cookie'] = clearedCookie(tls(request))
        await deps.audit.record({
          actor: actorOf(who),
          action: 'sign-out',
          address: addressOf(server, request, deps.config.trustedProxies),
        })
        return ok({ signed_out: true })
      },
      {
        detail: { ...tags('Sign out'), description: 'Ends the session: its cookie stops working at once.' },
        response: { 200: envelope(t.Object({ signed_out: t.Boolean() })), ...errors(401, 403) },
      },
    )
    .get('/auth/me', ({ request }) => ok(accountView(accounts, signedIn(request))), {
      detail: tags('The signed-in user'),
      response: { 200: envelope(Account), ...errors(401, 403) },
    })
    .post(
      '/account/password',
      async ({ request, body, set, server }) => {
        const who = principalOf(request)
        const user = signedIn(request)
        const address = addressOf(server, request, deps.config.trustedProxies)
        const ended = await changePassword(
          accounts,
          deps.signIn,
          user,
          body.current_password,
          body.new_password,
        )
        if (ended === undefined) {
          await deps.audit.record({
            actor: actorOf(who),
            action: 'password.change',
            address,
            outcome: 'refused',
          })
          throw new AppError(403, 'The current password is wrong')
        }
        // Every session ended with the old password; a cookie caller goes on in a fresh one.
        if (who.kind === 'session') {
          const secret = await startSession(accounts, user)
          set.headers['set-cookie'] = sessionCookie(secret, accounts.limits.absoluteMs, tls(request))
          set.headers['cache-control'] = 'no-store'
        }
        await deps.audit.record({ actor: actorOf(who), action: 'password.change', address })
        return ok({ changed: true, sessions_ended: ended })
      },
      {
        body: ChangePasswordBody,
        detail: {
          ...tags('Change your password'),
          description:
            'Checks the current password (rate-limited with sign-in: 429), sets the new one and ends every session of the account, on every device; a cookie caller gets a fresh session. Personal API tokens stay until revoked.',
        },
        response: { 200: envelope(PasswordChanged), ...errors(401, 403, 422, 429) },
      },
    )
    .get(
      '/account/tokens',
      ({ request }) => {
        const user = signedIn(request)
        return ok(
          [...accounts.tokens.values()]
            .filter((x) => x.userId === user.userId)
            .map((x) => ({
              token_id: x.tokenId,
              name: x.name,
              created_at: x.createdAt,
              expires_at: x.expiresAt,
            })),
        )
      },
      {
        detail: tags('List your personal API tokens'),
        response: { 200: envelope(t.Array(ApiTokenInfo)), ...errors(401, 403) },
      },
    )
    .post(
      '/account/tokens',
      async ({ request, body, set }) => {
        const user = signedIn(request)
        const { token, record } = await createApiToken(accounts, user, body.name, body.expires_at ?? null)
        await deps.audit.record({
          actor: `user:${user.email}`,
          action: 'api-token.create',
          target: record.tokenId,
        })
        set.status = 201
        return ok({ token_id: record.tokenId, name: record.name, token, expires_at: record.expiresAt })
      },
      {
        body: CreateApiTokenBody,
        detail: {
          ...tags('Create a personal API token'),
          description: 'The token carries your roles; it is shown once.',
        },
        response: { 201: envelope(CreatedApiToken), ...errors(401, 403, 422) },
      },
    )
    .delete(
      '/account/tokens/:token_id',
      async ({ request, params }) => {
        const user = signedIn(request)
        if (!(await revokeApiToken(accounts, user, params.token_id)))
          throw new NotFoundError(`Unknown token: ${params.token_id.slice(0, 64)}`)
        await deps.audit.record({
          actor: `user:${user.email}`,
          action: 'api-token.revoke',
          target: params.token_id,
        })
        return ok({ revoked: true })
      },
      {
        params: t.Object({ token_id: t.String({ maxLength: 64 }) }),
        detail: tags('Revoke a personal API token'),
        response: { 200: envelope(t.Object({ revoked: t.Boolean() })), ...errors(401, 403, 404, 422) },
      },
    )
}
