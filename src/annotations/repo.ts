// Annotations in DuckDB: one function per query, values bound as parameters.
import type { Database } from '../db/open'
import { queryRows } from '../db/rows'
import type { Annotation } from './model'

type Row = Omit<Annotation, 'at'> & { at: number }

const COLUMNS = 'annotation_id, site_id, at_ms AS at, text, created_by, created_at'
const shape = (r: Row): Annotation => ({ ...r, at: new Date(r.at).toISOString() })

/** The annotations of a site with `from <= at < to`, oldest first. */
export async function listAnnotations(db: Database, siteId: string, from: number, to: number) {
  const rows = await queryRows<Row>(
    db.reader,
    `SELECT ${COLUMNS} FROM annotations WHERE site_id = $1 AND at_ms >= $2 AND at_ms < $3 ORDER BY at_ms, annotation_id`,
    [siteId, BigInt(from), BigInt(to)],
  )
  return rows.map(shape)
}

/** One annotation of a site, or undefined. */
export async function getAnnotation(
  db: Database,
  siteId: string,
  id: string,
): Promise<Annotation | undefined> {
  const rows = await queryRows<Row>(
    db.reader,
    `SELECT ${COLUMNS} FROM annotations WHERE site_id = $1 AND annotation_id = $2`,
    [siteId, id],
  )
  return rows[0] && shape(rows[0])
}

/** Insert an annotation. */
export async function insertAnnotation(
  db: Database,
  a: { id: string; siteId: string; at: number; text: string; createdBy: string },
): Promise<void> {
  await db.writeLock.run(() =>
    db.writer.run(
      'INSERT INTO annotations (annotation_id, site_id, at_ms, text, created_by) VALUES ($1, $2, $3, $4, $5)',
      [a.id, a.siteId, BigInt(a.at), a.text, a.createdBy],
    ),
  )
}

/** Change an annotation's text and time; false when the site has no such annotation. */
export async function updateAnnotation(
  db: Database,
  siteId: string,
  id: string,
  change: { at: number; text: string },
): Promise<boolean> {
  return db.writeLock.run(async () => {
    const res = await db.writer.run(
      'UPDATE annotations SET at_ms = $3, text = $4 WHERE site_id = $1 AND annotation_id = $2',
      [siteId, id, BigInt(change.at), change.text],
    )
    return res.rowsChanged > 0
  })
}

/** Delete an annotation; false when the site has no such annotation. */
export async function deleteAnnotation(db: Database, siteId: string, id: string): Promise<boolean> {
  return db.writeLock.run(async () => {
    const res = await db.writer.run('DELETE FROM annotations WHERE site_id = $1 AND annotation_id = $2', [
      siteId,
      id,
    ])
    return res.rowsChanged > 0
  })
}
