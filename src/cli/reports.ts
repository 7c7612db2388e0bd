// `pulse reports|alerts|webhooks list|create|update|test|delete` (and `pulse reports deliveries`): email
// digests, alert rules and webhooks of a site, through the same API as the dashboard (the running
// server's, or an in-process app on the database opened here). A test send is queued and goes on the
// server's next scheduler pass; its outcome shows in `pulse reports deliveries SITE_ID`.

import { call } from './accounts'
import type { AdminOps } from './admin-ops'
import type { CommandFlags } from './flags'
import { CliError, EXIT, emit, table } from './output'

type WithOps = <T>(fn: (ops: AdminOps) => Promise<T>) => Promise<T>
type Kind = 'reports' | 'alerts' | 'webhooks'

const USAGE: Record<Kind, string> = {
  reports:
    'usage: pulse reports list SITE_ID | create SITE_ID --email ADDR --frequency daily|weekly|monthly [--hour H] [--timezone TZ] | update SITE_ID DIGEST_ID [same flags] | test SITE_ID DIGEST_ID | delete SITE_ID DIGEST_ID | deliveries SITE_ID',
  alerts:
    'usage: pulse alerts list SITE_ID | create SITE_ID --kind spike|drop|goal --threshold N (--webhook WEBHOOK_ID | --email ADDR) [--window MIN] [--goal NAME] [--quiet-minutes MIN] | update SITE_ID RULE_ID [same flags but --kind] | test SITE_ID RULE_ID | delete SITE_ID RULE_ID',
  webhooks:
    'usage: pulse webhooks list SITE_ID | create SITE_ID --url URL [--format json|slack|discord] | update SITE_ID WEBHOOK_ID [--url URL] [--format F] | test SITE_ID WEBHOOK_ID | delete SITE_ID WEBHOOK_ID',
}
const PATHS: Record<Kind, string> = { reports: 'digests', alerts: 'alerts', webhooks: 'webhooks' }

/** A whole number flag, or undefined when not given. */
function num(
  flags: CommandFlags,
  name: 'hour' | 'threshold' | 'window' | 'quiet-minutes',
): number | undefined {
  const v = flags[name]
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n)) throw new CliError(`--${name} must be a number`, EXIT.usage)
  return n
}

/** The body of a create or update from the flags (fields not given are left out). */
function bodyOf(kind: Kind, flags: CommandFlags): Record<string, unknown> {
  const fields: Record<string, unknown> =
    kind === 'reports'
      ? { email: flags.email, frequency: flags.frequency, hour: num(flags, 'hour'), timezone: flags.timezone }
      : kind === 'alerts'
        ? {
            kind: flags.kind,
            threshold: num(flags, 'threshold'),
            window_minutes: num(flags, 'window'),
            goal: flags.goal,
            webhook_id: flags.webhook,
            email: flags.email,
            quiet_minutes: num(flags, 'quiet-minutes'),
          }
        : { url: flags.url, format: flags.format }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
}

/** One line per item, as a table. */
function render(kind: Kind, list: any[]): string[] {
  if (kind === 'reports')
    return table(
      ['DIGEST_ID', 'EMAIL', 'FREQUENCY', 'HOUR', 'TIMEZONE', 'LAST PERIOD', 'STATE'],
      list.map((d) => [
        d.digest_id,
        d.email,
        d.frequency,
        String(d.hour),
        d.timezone,
        d.last_period ?? '-',
        d.unsubscribed ? 'unsubscribed' : 'active',
      ]),
    )
  if (kind === 'alerts')
    return table(
      ['RULE_ID', 'KIND', 'THRESHOLD', 'WINDOW', 'TO', 'QUIET', 'STATE', 'LAST VALUE'],
      list.map((r) => [
        r.rule_id,
        r.kind === 'goal' ? `goal ${r.goal}` : r.kind,
        String(r.threshold),
        `${r.window_minutes} min`,
        r.webhook_id ?? r.email,
        `${r.quiet_minutes} min`,
        r.firing ? 'firing' : 'ok',
        r.last_value === null ? '-' : String(r.last_value),
      ]),
    )
  return table(
    ['WEBHOOK_ID', 'FORMAT', 'URL'],
    list.map((w) => [w.webhook_id, w.format, w.url]),
  )
}

/** Run `pulse reports|alerts|webhooks …`; resolves with the exit code. */
export async function reportsCommand(
  kind: Kind,
  withOps: WithOps,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
): Promise<number> {
  const [site, id] = rest
  if (!site) throw new CliError(USAGE[kind], EXIT.usage)
  const base = `/api/v1/sites/${encodeURIComponent(site)}`
  const item = () => {
    if (!id) throw new CliError(USAGE[kind], EXIT.usage)
    return `${base}/${PATHS[kind]}/${encodeURIComponent(id)}`
  }
  const run = <T>(method: string, path: string, body?: unknown) =>
    withOps((ops) => call<T>(ops, method, path, body))
  switch (sub) {
    case 'list': {
      const list = await run<any[]>('GET', `${base}/${PATHS[kind]}`)
      emit(json, list, () => render(kind, list))
      return EXIT.ok
    }
    case 'create':
    case 'update': {
      const body = bodyOf(kind, flags)
      const made = await run<any>(
        sub === 'create' ? 'POST' : 'PATCH',
        sub === 'create' ? `${base}/${PATHS[kind]}` : item(),
        body,
      )
      emit(json, made, () => [
        ...render(kind, [made]),
        ...(made.secret ? [`signing secret (shown only now): ${made.secret}`] : []),
      ])
      return EXIT.ok
    }
    case 'test': {
      const path = kind === 'reports' ? `${item()}/send` : `${item()}/test`
      const queued = await run<{ delivery_id: string }>('POST', path)
      emit(json, queued, () => [
        `test send queued as ${queued.delivery_id}; its outcome: pulse reports deliveries ${site}`,
      ])
      return EXIT.ok
    }
    case 'delete': {
      await run('DELETE', item())
      emit(json, { id, deleted: true }, () => [`${id} deleted`])
      return EXIT.ok
    }
    case 'deliveries': {
      if (kind !== 'reports') break
      const list = await run<any[]>('GET', `${base}/deliveries`)
      emit(json, list, () =>
        table(
          ['DELIVERY_ID', 'SOURCE', 'CHANNEL', 'TO', 'STATUS', 'ATTEMPTS', 'CREATED', 'LAST ERROR'],
          list.map((d) => [
            d.delivery_id,
            d.source,
            d.channel,
            d.target,
            d.status,
            String(d.attempts),
            d.created_at,
            d.last_error ?? '',
          ]),
        ),
      )
      return EXIT.ok
    }
  }
  throw new CliError(USAGE[kind], EXIT.usage)
}
