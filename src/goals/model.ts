// Schemas of the goals API: one `t` schema per shape, registered as named OpenAPI components.
import { t } from 'elysia'

const KIND_DESCRIPTION =
  '`event`: an event of `event_type` completes the goal; `page`: a page view whose URL path (an absolute URL without scheme and host, any URL without query and fragment) matches `page_path`'

const fields = {
  name: t.String({
    minLength: 1,
    maxLength: 100,
    description: 'Goal name, unique within the site (the `goal` filter and breakdown key)',
    examples: ['Signup'],
  }),
  kind: t.Union([t.Literal('event'), t.Literal('page')], {
    description: KIND_DESCRIPTION,
    examples: ['page'],
  }),
  event_type: t.String({
    minLength: 1,
    maxLength: 64,
    description: 'Kind event: the event type that completes the goal',
    examples: ['signup'],
  }),
  page_path: t.String({
    minLength: 1,
    maxLength: 2048,
    description:
      'Kind page: a path pattern starting with `/`; `*` matches any characters (`/` included), everything else matches itself, case-sensitive, the whole path (`/blog/*` matches `/blog/a/b`, not `/blog`)',
    examples: ['/checkout/*/done'],
  }),
  property_key: t.String({
    minLength: 1,
    maxLength: 64,
    description:
      'Optional: only events whose property `property_key` equals `property_value` (as text) count',
    examples: ['plan'],
  }),
  property_value: t.String({
    maxLength: 1024,
    description: 'The property value as text (`49.9`, `true`); required with `property_key`',
    examples: ['pro'],
  }),
}

export const CreateGoalBody = t.Object(
  {
    name: fields.name,
    kind: fields.kind,
    event_type: t.Optional(fields.event_type),
    page_path: t.Optional(fields.page_path),
    property_key: t.Optional(fields.property_key),
    property_value: t.Optional(fields.property_value),
  },
  { additionalProperties: false },
)
export type CreateGoalBody = typeof CreateGoalBody.static

export const UpdateGoalBody = t.Object(
  {
    name: t.Optional(fields.name),
    kind: t.Optional(fields.kind),
    event_type: t.Optional(t.Union([fields.event_type, t.Null()])),
    page_path: t.Optional(t.Union([fields.page_path, t.Null()])),
    property_key: t.Optional(t.Union([fields.property_key, t.Null()])),
    property_value: t.Optional(t.Union([fields.property_value, t.Null()])),
  },
  {
    additionalProperties: false,
    description: 'The fields to change; null clears an optional one. The result must be a valid goal.',
  },
)
export type UpdateGoalBody = typeof UpdateGoalBody.static

export const Goal = t.Object({
  goal_id: t.String({ examples: ['goal_1a2b3c4d5e6f7a8b'] }),
  site_id: t.String({ examples: ['site_abc123'] }),
  name: fields.name,
  kind: fields.kind,
  event_type: t.Union([t.String(), t.Null()], { examples: [null] }),
  page_path: t.Union([t.String(), t.Null()], { examples: ['/checkout/*/done'] }),
  property_key: t.Union([t.String(), t.Null()], { examples: [null] }),
  property_value: t.Union([t.String(), t.Null()], { examples: [null] }),
  created_at: t.String({ format: 'date-time', examples: ['2026-11-26T08:00:00.000Z'] }),
})
export type Goal = typeof Goal.static

/** The defining fields of a goal, checked and normalised (what is stored besides ids and times). */
export interface GoalSpec {
  name: string
  kind: 'event' | 'page'
  event_type: string | null
  page_path: string | null
  property_key: string | null
  property_value: string | null
}
