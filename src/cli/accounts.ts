// `pulse users create|invite|list` and `pulse read-keys list|create|revoke`, through the admin API of the
// running server (or of the database opened here). A new password is read from standard input, never
// from the command line (where other users of the machine can read it in the process list).
import type { AdminOps } from './admin-ops'
import type { CommandFlags } from './flags'
import { CliError, EXIT, emit, exitForStatus, table } from './output'

type WithOps = <T>(fn: (ops: AdminOps) => Promise<T>) => Promise<T>

const USERS_USAGE =
  'usage: pulse users create EMAIL --owner (password on stdin) | invite EMAIL (--site SITE_ID --role viewer|editor|admin | --owner) [--send-email] | list'
const KEYS_USAGE =
  'usage: pulse read-keys list SITE_ID | create SITE_ID [--name NAME] [--filter KEY=VALUE]... [--min-visitors K] [--expires ISO_DATE] | revoke SITE_ID KEY_ID'

function need(value: string | undefined, usage: string): string {
  if (!value) throw new CliError(usage, EXIT.usage)
  return value
}

/** Call the API; its `data`, or a CliError with the API's message and an exit code for its status. */
export async function call<T>(ops: AdminOps, method: string, path: string, body?: unknown): Promise<T> {
  const res = await ops.request(
    method,
    path,
    body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? {} : { 'content-type': 'application/json' },
  )
  const json = (await res.json().catch(() => ({}))) as { data?: T; error?: string }
  if (!res.ok) throw new CliError(json.error ?? `server answered ${res.status}`, exitForStatus(res.status))
  return json.data as T
}

/** The first line of standard input (the new password). */
async function readPassword(): Promise<string> {
  const text = await Bun.stdin.text()
  const line = text.split(/\r?\n/)[0] ?? ''
  if (!line)
    throw new CliError('give the password on standard input, e.g. pulse users create … < file', EXIT.usage)
  return line
}

/** `pulse users …`; resolves with the exit code. */
export async function users(
  withOps: WithOps,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
) {
  switch (sub) {
    case 'create': {
      const email = need(rest[0], USERS_USAGE)
      if (!flags.owner)
        throw new CliError('users create makes the first owner (--owner); invite the others', EXIT.usage)
      const password = await readPassword()
      const user = await withOps((ops) =>
        call<{ user_id: string; email: string }>(ops, 'POST', '/api/v1/setup', { email, password }),
      )
      emit(json, user, () => [`owner ${user.email} created (${user.user_id})`])
      return EXIT.ok
    }
    case 'invite': {
      const email = need(rest[0], USERS_USAGE)
      const who = flags.owner ? { email, owner: true } : { email, site_id: flags.site, role: flags.role }
      const body = flags['send-email'] ? { ...who, send_email: true } : who
      const inv = await withOps((ops) =>
        call<{ url: string; expires_at: number; emailed: boolean; email_error: string | null }>(
          ops,
          'POST',
          '/api/v1/invitations',
          body,
        ),
      )
      emit(json, inv, () => [
        inv.url,
        `one-time link, valid until ${new Date(inv.expires_at).toISOString()}`,
        ...(inv.emailed ? [`mailed to ${email}`] : inv.email_error ? [`not mailed: ${inv.email_error}`] : []),
      ])
      return EXIT.ok
    }
    case 'list': {
      const list = await withOps((ops) =>
        call<{ user_id: string; email: string; owner: boolean; roles: Record<string, string> }[]>(
          ops,
          'GET',
          '/api/v1/accounts',
        ),
      )
      emit(json, list, () =>
        table(
          ['USER_ID', 'EMAIL', 'ROLES'],
          list.map((u) => [
            u.user_id,
            u.email,
            u.owner
              ? 'owner'
              : Object.entries(u.roles)
                  .map(([s, r]) => `${s}:${r}`)
                  .join(' '),
          ]),
        ),
      )
      return EXIT.ok
    }
    default:
      throw new CliError(USERS_USAGE, EXIT.usage)
  }
}

/** `--filter KEY=VALUE` flags as a locked filter. */
function lockedFilters(list: string[] | undefined): Record<string, string> | undefined {
  if (!list?.length) return undefined
  const out: Record<string, string> = {}
  for (const f of list) {
    const i = f.indexOf('=')
    if (i <= 0) throw new CliError('--filter must be KEY=VALUE', EXIT.usage)
    out[f.slice(0, i)] = f.slice(i + 1)
  }
  return out
}

/** `pulse read-keys …`; resolves with the exit code. */
export async function readKeys(
  withOps: WithOps,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
) {
  const site = need(rest[0], KEYS_USAGE)
  const base = `/api/v1/sites/${encodeURIComponent(site)}/read-keys`
  switch (sub) {
    case 'list': {
      type Info = {
        key_id: string
        name: string
        locked_filters: Record<string, string>
        min_visitors: number | null
        expires_at: number | null
      }
      const list = await withOps((ops) => call<Info[]>(ops, 'GET', base))
      emit(json, list, () =>
        table(
          ['KEY_ID', 'NAME', 'LOCKED FILTER', 'MIN VISITORS', 'EXPIRES'],
          list.map((k) => [
            k.key_id,
            k.name,
            Object.entries(k.locked_filters)
              .map(([a, b]) => `${a}=${b}`)
              .join(' ') || '-',
            k.min_visitors === null ? '-' : String(k.min_visitors),
            k.expires_at === null ? 'never' : new Date(k.expires_at).toISOString(),
          ]),
        ),
      )
      return EXIT.ok
    }
    case 'create': {
      const expires = flags.expires ? Date.parse(flags.expires) : undefined
      if (expires !== undefined && Number.isNaN(expires))
        throw new CliError('--expires must be a date (ISO 8601)', EXIT.usage)
      const min = flags['min-visitors'] === undefined ? undefined : Number(flags['min-visitors'])
      if (min !== undefined && !Number.isInteger(min))
        throw new CliError('--min-visitors must be a whole number', EXIT.usage)
      const body = {
        name: flags.name,
        locked_filters: lockedFilters(flags.filter),
        min_visitors: min,
        expires_at: expires,
      }
      const made = await withOps((ops) => call<{ key: string; key_id: string }>(ops, 'POST', base, body))
      emit(json, made, () => [made.key, `read-only key ${made.key_id} (shown only now)`])
      return EXIT.ok
    }
    case 'revoke': {
      const keyId = need(rest[1], KEYS_USAGE)
      await withOps((ops) => call(ops, 'DELETE', `${base}/${encodeURIComponent(keyId)}`))
      emit(json, { revoked: true }, () => [`read-only key ${keyId} revoked`])
      return EXIT.ok
    }
    default:
      throw new CliError(KEYS_USAGE, EXIT.usage)
  }
}
