// Saved segments: check a segment's filters as a stats read would before saving it, list and delete
// them for the key that asks, and turn a segment id of a read (`segment=ID`) into its filters.
import type { Database } from '../../db/open'
import { NotFoundError, ValidationError } from '../../errors'
import { randomId } from '../../sites/keys'
import { parseConditions } from '../parse/conditions'
import { type Filter, parseFilters } from '../parse/filters'
import { FILTER_FIELDS, PROPERTY_FILTER_PREFIX } from '../registry'
import type { CreateSegmentBody, Segment } from './model'
import { deleteSegment, getSegment, insertSegment, listSegments } from './repo'

/** The filters of a segment's saved fields (already checked when saved). */
function filtersOf(s: Pick<Segment, 'filters' | 'conditions'>): Filter[] {
  return [...parseFilters(s.filters), ...parseConditions(s.conditions)]
}

/** Check the filter names and values as a read would (422 naming the bad one). */
function checkFilters(body: CreateSegmentBody): void {
  for (const name of Object.keys(body.filters ?? {}))
    if (!(FILTER_FIELDS as string[]).includes(name) && !name.startsWith(PROPERTY_FILTER_PREFIX))
      throw new ValidationError(`Unknown filter "${name.slice(0, 64)}" in the segment`, [
        {
          path: `$.filters.${name.slice(0, 64)}`,
          message: `must be one of ${FILTER_FIELDS.join(', ')}, property.<key>`,
        },
      ])
  filtersOf({ filters: body.filters ?? {}, conditions: body.conditions ?? [] })
}

/** The segments of a site `viewer` may see. */
export function getSegments(db: Database, siteId: string, viewer: string) {
  return listSegments(db, siteId, viewer)
}

/** Save a segment made by `by`. */
export async function createSegment(
  db: Database,
  siteId: string,
  body: CreateSegmentBody,
  by: string,
): Promise<Segment> {
  checkFilters(body)
  const segment_id = randomId('seg_')
  await insertSegment(db, {
    segment_id,
    site_id: siteId,
    name: body.name,
    filters: body.filters ?? {},
    conditions: body.conditions ?? [],
    visibility: body.visibility ?? 'private',
    created_by: by,
  })
  return (await getSegment(db, siteId, segment_id, by))!
}

/** Delete a segment (its creator or the admin). */
export async function removeSegment(db: Database, siteId: string, id: string, by: string): Promise<void> {
  if (!(await deleteSegment(db, siteId, id, by)))
    throw new NotFoundError(`No segment ${id.slice(0, 64)} of site ${siteId} that this key may delete`)
}

/** The filters of segment `id` for a read by `viewer`: a 404 when the viewer may not see it. */
export async function segmentFilters(
  db: Database,
  siteId: string,
  id: string,
  viewer: string,
): Promise<Filter[]> {
  const s = await getSegment(db, siteId, id, viewer)
  if (!s) throw new NotFoundError(`Unknown segment: ${id.slice(0, 64)}`)
  return filtersOf(s)
}
