// `pulse goals list|add|update|delete`: a site's goals through the admin operations (the running
// server's admin API, or the database opened here). The goal's own rules are checked by the service.
import type { Goal } from '../goals/model'
import type { AdminOps } from './admin-ops'
import type { CommandFlags } from './flags'
import { CliError, EXIT, emit, table } from './output'

type WithOps = <T>(fn: (ops: AdminOps) => Promise<T>) => Promise<T>

const USAGE =
  'usage: pulse goals list SITE_ID | add SITE_ID NAME (--event TYPE | --page PATTERN) [--property KEY=VALUE] | update SITE_ID GOAL_ID [...] | delete SITE_ID GOAL_ID'

function need(value: string | undefined, what: string): string {
  if (!value) throw new CliError(`missing ${what}; ${USAGE}`, EXIT.usage)
  return value
}

/** `--property KEY=VALUE` as the API's fields; "" clears (for update). */
function property(raw: string | undefined) {
  if (raw === undefined) return {}
  if (raw === '') return { property_key: null, property_value: null }
  const i = raw.indexOf('=')
  if (i <= 0) throw new CliError('--property must be KEY=VALUE', EXIT.usage)
  return { property_key: raw.slice(0, i), property_value: raw.slice(i + 1) }
}

/** `--event` / `--page` as the API's kind and field (at most one of them). */
function target(flags: CommandFlags): { kind?: 'event' | 'page'; event_type?: string; page_path?: string } {
  if (flags.event !== undefined && flags.page !== undefined)
    throw new CliError('give either --event or --page, not both', EXIT.usage)
  if (flags.event !== undefined) return { kind: 'event', event_type: flags.event }
  if (flags.page !== undefined) return { kind: 'page', page_path: flags.page }
  return {}
}

const describeGoal = (g: Goal) =>
  `${g.kind === 'event' ? `event ${g.event_type}` : `page ${g.page_path}`}${g.property_key ? ` with ${g.property_key}=${g.property_value}` : ''}`

/** Run a goals subcommand; resolves with the exit code. */
export async function goals(
  withOps: WithOps,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
): Promise<number> {
  if (!['list', 'add', 'update', 'delete'].includes(sub ?? '')) throw new CliError(USAGE, EXIT.usage)
  const site = need(rest[0], 'SITE_ID')
  switch (sub) {
    case 'list': {
      const list = await withOps((ops) => ops.listGoals(site))
      emit(json, list, () =>
        table(
          ['GOAL_ID', 'NAME', 'MATCHES', 'CREATED'],
          list.map((g) => [g.goal_id, g.name, describeGoal(g), g.created_at]),
        ),
      )
      return EXIT.ok
    }
    case 'add': {
      const name = need(rest[1], 'the goal NAME')
      const kind = target(flags)
      if (kind.kind === undefined) throw new CliError('give --event TYPE or --page PATTERN', EXIT.usage)
      const prop = property(flags.property)
      const body = {
        name,
        kind: kind.kind,
        event_type: kind.event_type,
        page_path: kind.page_path,
        ...(prop.property_key
          ? { property_key: prop.property_key, property_value: prop.property_value! }
          : {}),
      }
      const goal = await withOps((ops) => ops.createGoal(site, body))
      emit(json, goal, () => [`goal ${goal.goal_id} "${goal.name}" added to ${site}: ${describeGoal(goal)}`])
      return EXIT.ok
    }
    case 'update': {
      const goalId = need(rest[1], 'GOAL_ID')
      const body = {
        ...(flags.name !== undefined ? { name: flags.name } : {}),
        ...target(flags),
        ...property(flags.property),
      }
      if (Object.keys(body).length === 0)
        throw new CliError('nothing to change: give --name, --event, --page or --property', EXIT.usage)
      const goal = await withOps((ops) => ops.updateGoal(site, goalId, body))
      emit(json, goal, () => [`goal ${goal.goal_id} "${goal.name}": ${describeGoal(goal)}`])
      return EXIT.ok
    }
    default: {
      const goalId = need(rest[1], 'GOAL_ID')
      await withOps((ops) => ops.deleteGoal(site, goalId))
      emit(json, { site_id: site, goal_id: goalId, deleted: true }, () => [`goal ${goalId} deleted`])
      return EXIT.ok
    }
  }
}
