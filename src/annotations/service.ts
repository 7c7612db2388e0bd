// Annotation administration: check the time and text, give each annotation an id, say which one is
// missing. Domain errors only; the routes and `pulse annotate` (through the HTTP API) share the rules.
import type { Database } from '../db/open'
import { NotFoundError } from '../errors'
import { randomId } from '../sites/keys'
import { parseInstant } from '../stats/time/period'
import type { Annotation, CreateAnnotationBody, UpdateAnnotationBody } from './model'
import { deleteAnnotation, getAnnotation, insertAnnotation, listAnnotations, updateAnnotation } from './repo'

/** An `at` value (epoch ms or ISO 8601, UTC without offset) as epoch ms; a 422 naming `at` otherwise. */
function instant(raw: number | string | undefined, now: number): number {
  if (raw === undefined) return now
  return parseInstant('at', String(raw), 'UTC')
}

async function requireAnnotation(db: Database, siteId: string, id: string): Promise<Annotation> {
  const a = await getAnnotation(db, siteId, id)
  if (!a) throw new NotFoundError(`No annotation ${id.slice(0, 64)} for site ${siteId}`)
  return a
}

/** The annotations of a site between `from` and `to` (epoch ms or ISO 8601; default: all). */
export function getAnnotations(db: Database, siteId: string, q: { from?: string; to?: string }) {
  const from = q.from ? parseInstant('from', q.from, 'UTC') : 0
  const to = q.to ? parseInstant('to', q.to, 'UTC') : Number.MAX_SAFE_INTEGER
  return listAnnotations(db, siteId, from, to)
}

/** Create an annotation at `at` (default now). */
export async function createAnnotation(
  db: Database,
  siteId: string,
  body: CreateAnnotationBody,
  createdBy: string,
  now: number,
): Promise<Annotation> {
  const id = randomId('ann_')
  await insertAnnotation(db, { id, siteId, at: instant(body.at, now), text: body.text, createdBy })
  return requireAnnotation(db, siteId, id)
}

/** Change the text and/or time of an annotation. */
export async function changeAnnotation(
  db: Database,
  siteId: string,
  id: string,
  body: UpdateAnnotationBody,
): Promise<Annotation> {
  const old = await requireAnnotation(db, siteId, id)
  const at = body.at === undefined ? Date.parse(old.at) : instant(body.at, 0)
  if (!(await updateAnnotation(db, siteId, id, { at, text: body.text ?? old.text })))
    throw new NotFoundError(`No annotation ${id.slice(0, 64)} for site ${siteId}`)
  return requireAnnotation(db, siteId, id)
}

/** Delete an annotation. */
export async function removeAnnotation(db: Database, siteId: string, id: string): Promise<void> {
  if (!(await deleteAnnotation(db, siteId, id)))
    throw new NotFoundError(`No annotation ${id.slice(0, 64)} for site ${siteId}`)
}
