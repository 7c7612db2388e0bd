// Segments in DuckDB: one function per query, values bound as parameters. The filters are kept as one
// JSON text, checked by the service before they are saved.
import type { Database } from '../../db/open'
import { queryRows } from '../../db/rows'
import type { Segment } from './model'

type Row = Omit<Segment, 'filters' | 'conditions'> & { filters: string }

const COLUMNS = 'segment_id, site_id, name, filters, visibility, created_by, created_at'
const shape = (r: Row): Segment => {
  const f = JSON.parse(r.filters) as Pick<Segment, 'filters' | 'conditions'>
  return { ...r, filters: f.filters, conditions: f.conditions }
}

/** The segments of a site `viewer` may see (shared ones and its own), by name. */
export async function listSegments(db: Database, siteId: string, viewer: string): Promise<Segment[]> {
  const rows = await queryRows<Row>(
    db.reader,
    `SELECT ${COLUMNS} FROM segments WHERE site_id = $1 AND (visibility = 'shared' OR created_by = $2 OR $2 = 'admin') ORDER BY name, segment_id`,
    [siteId, viewer],
  )
  return rows.map(shape)
}

/** One segment of a site `viewer` may see, or undefined. */
export async function getSegment(
  db: Database,
  siteId: string,
  id: string,
  viewer: string,
): Promise<Segment | undefined> {
  const rows = await queryRows<Row>(
    db.reader,
    `SELECT ${COLUMNS} FROM segments WHERE site_id = $1 AND segment_id = $2 AND (visibility = 'shared' OR created_by = $3 OR $3 = 'admin')`,
    [siteId, id, viewer],
  )
  return rows[0] && shape(rows[0])
}

/** Insert a segment. */
export async function insertSegment(db: Database, s: Omit<Segment, 'created_at'>): Promise<void> {
  await db.writeLock.run(() =>
    db.writer.run(
      'INSERT INTO segments (segment_id, site_id, name, filters, visibility, created_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        s.segment_id,
        s.site_id,
        s.name,
        JSON.stringify({ filters: s.filters, conditions: s.conditions }),
        s.visibility,
        s.created_by,
      ],
    ),
  )
}

/** Delete a segment its creator (or the admin) deletes; false when there is none it may delete. */
export async function deleteSegment(db: Database, siteId: string, id: string, by: string): Promise<boolean> {
  return db.writeLock.run(async () => {
    const res = await db.writer.run(
      "DELETE FROM segments WHERE site_id = $1 AND segment_id = $2 AND (created_by = $3 OR $3 = 'admin')",
      [siteId, id, by],
    )
    return res.rowsChanged > 0
  })
}
