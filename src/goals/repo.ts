// Goals in DuckDB: one function per query, values bound as parameters.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { Goal, GoalSpec } from './model'
import { likePattern } from './pattern'

const COLUMNS =
  'goal_id, site_id, name, kind, event_type, page_path, property_key, property_value, created_at'

/** The goals of a site, oldest first. */
export async function listGoals(db: Database, siteId: string): Promise<Goal[]> {
  return queryRows<Goal>(
    db.reader,
    `SELECT ${COLUMNS} FROM goals WHERE site_id = $1 ORDER BY created_at, goal_id`,
    [siteId],
  )
}

/** One goal of a site, or undefined. */
export async function getGoal(db: Database, siteId: string, goalId: string): Promise<Goal | undefined> {
  const rows = await queryRows<Goal>(
    db.reader,
    `SELECT ${COLUMNS} FROM goals WHERE site_id = $1 AND goal_id = $2`,
    [siteId, goalId],
  )
  return rows[0]
}

/** The values of a goal's defining columns, in `INSERT`/`UPDATE` order. */
function values(g: GoalSpec) {
  return [
    g.name,
    g.kind,
    g.event_type,
    g.page_path,
    g.page_path === null ? null : likePattern(g.page_path),
    g.property_key,
    g.property_value,
  ]
}

/** Insert a goal unless the site already has one named so (inside the write lock); false if it has. */
export async function insertGoal(
  db: Database,
  siteId: string,
  goalId: string,
  g: GoalSpec,
): Promise<boolean> {
  return db.writeLock.run(async () => {
    if (await nameTaken(db, siteId, g.name, null)) return false
    await db.writer.run(
      'INSERT INTO goals (goal_id, site_id, name, kind, event_type, page_path, page_like, property_key, property_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [goalId, siteId, ...values(g)],
    )
    return true
  })
}

/** Replace a goal's fields; `taken` when another goal of the site has the name, `missing` when gone. */
export async function updateGoal(
  db: Database,
  siteId: string,
  goalId: string,
  g: GoalSpec,
): Promise<'ok' | 'taken' | 'missing'> {
  return db.writeLock.run(async () => {
    if (await nameTaken(db, siteId, g.name, goalId)) return 'taken'
    const res = await db.writer.run(
      'UPDATE goals SET name = $3, kind = $4, event_type = $5, page_path = $6, page_like = $7, property_key = $8, property_value = $9 WHERE site_id = $1 AND goal_id = $2',
      [siteId, goalId, ...values(g)],
    )
    return res.rowsChanged > 0 ? 'ok' : 'missing'
  })
}

/** Delete a goal; false when the site has no such goal. */
export async function deleteGoal(db: Database, siteId: string, goalId: string): Promise<boolean> {
  return db.writeLock.run(async () => {
    const res = await db.writer.run('DELETE FROM goals WHERE site_id = $1 AND goal_id = $2', [siteId, goalId])
    return res.rowsChanged > 0
  })
}

/** Whether a goal of the site other than `except` is named `name` (read on the writer, under its lock). */
async function nameTaken(
  db: Database,
  siteId: string,
  name: string,
  except: string | null,
): Promise<boolean> {
  const r = await db.writer.runAndReadAll(
    'SELECT count(*) FROM goals WHERE site_id = $1 AND name = $2 AND goal_id IS DISTINCT FROM $3',
    [siteId, name, except],
  )
  return Number(r.getRows()[0][0]) > 0
}
