// Goal administration: check a goal's fields, keep names unique per site, and say which goal or site
// is missing. Domain errors only; the routes and the CLI share these functions.
import type { Database } from '../db/open'
import { ConflictError, NotFoundError } from '../errors'
import { randomId } from '../sites/keys'
import { getSite } from '../sites/repo'
import type { CreateGoalBody, Goal, GoalSpec, UpdateGoalBody } from './model'
import { checkGoal } from './pattern'
import { deleteGoal, getGoal, insertGoal, listGoals, updateGoal } from './repo'

async function requireSite(db: Database, siteId: string): Promise<void> {
  if (!(await getSite(db, siteId))) throw new NotFoundError(`Unknown site: ${siteId}`)
}

async function requireGoal(db: Database, siteId: string, goalId: string): Promise<Goal> {
  await requireSite(db, siteId)
  const goal = await getGoal(db, siteId, goalId)
  if (!goal) throw new NotFoundError(`No goal ${goalId.slice(0, 64)} for site ${siteId}`)
  return goal
}

const taken = (name: string, siteId: string) =>
  new ConflictError(`Site ${siteId} already has a goal named ${JSON.stringify(name.slice(0, 100))}`)

/** The goals of a site (a NotFoundError for an unknown site). */
export async function getGoals(db: Database, siteId: string): Promise<Goal[]> {
  await requireSite(db, siteId)
  return listGoals(db, siteId)
}

/** Create a goal: 404 unknown site, 422 bad fields, 409 name taken. */
export async function createGoal(db: Database, siteId: string, body: CreateGoalBody): Promise<Goal> {
  await requireSite(db, siteId)
  const spec = checkGoal({
    name: body.name,
    kind: body.kind,
    event_type: body.event_type ?? null,
    page_path: body.page_path ?? null,
    property_key: body.property_key ?? null,
    property_value: body.property_value ?? null,
  })
  const goalId = randomId('goal_')
  if (!(await insertGoal(db, siteId, goalId, spec))) throw taken(spec.name, siteId)
  return (await getGoal(db, siteId, goalId))!
}

/** Change some fields of a goal; the result is checked as a whole. */
export async function changeGoal(
  db: Database,
  siteId: string,
  goalId: string,
  body: UpdateGoalBody,
): Promise<Goal> {
  const old = await requireGoal(db, siteId, goalId)
  const sent = Object.fromEntries(
    Object.entries(body).filter(([, v]) => v !== undefined),
  ) as Partial<GoalSpec>
  const merged: GoalSpec = {
    name: old.name,
    kind: old.kind,
    event_type: old.event_type,
    page_path: old.page_path,
    property_key: old.property_key,
    property_value: old.property_value,
    ...sent,
  }
  // Switching kind drops the other kind's field unless it was sent too.
  if (body.kind === 'event' && body.page_path === undefined) merged.page_path = null
  if (body.kind === 'page' && body.event_type === undefined) merged.event_type = null
  const spec = checkGoal(merged)
  const res = await updateGoal(db, siteId, goalId, spec)
  if (res === 'taken') throw taken(spec.name, siteId)
  if (res === 'missing') throw new NotFoundError(`No goal ${goalId.slice(0, 64)} for site ${siteId}`)
  return (await getGoal(db, siteId, goalId))!
}

/** Delete a goal (a NotFoundError when the site has no such goal). */
export async function removeGoal(db: Database, siteId: string, goalId: string): Promise<void> {
  await requireSite(db, siteId)
  if (!(await deleteGoal(db, siteId, goalId)))
    throw new NotFoundError(`No goal ${goalId.slice(0, 64)} for site ${siteId}`)
}
