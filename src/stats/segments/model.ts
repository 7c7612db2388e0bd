// Schemas of saved segments: a named set of filters of a site (the equality filters and the conditions
// the stats API takes), private to its creator or shared with everyone who may read the site.
import { t } from 'elysia'
import { LIMITS } from '../registry'

const visibility = t.UnionEnum(['private', 'shared'], {
  default: undefined,
  description:
    '`private`: only the key that saved it (or the admin token) sees and uses it; `shared`: everyone who may read the site',
  examples: ['shared'],
})
const filters = t.Record(t.String(), t.String(), {
  description: 'Equality filters, as the stats query parameters: `{"country": "DE", "property.plan": "pro"}`',
  examples: [{ device_type: 'mobile' }],
})
const conditions = t.Array(
  t.Array(t.Union([t.String(), t.Array(t.String())]), {
    minItems: 3,
    maxItems: 3,
    description: '[operator, name, [values]]',
  }),
  {
    maxItems: LIMITS.maxConditions,
    description: 'Conditions, as the `conditions` parameter of the stats API',
    examples: [[['starts_with', 'url', ['/blog/']]]],
  },
)

export const Segment = t.Object({
  segment_id: t.String({ examples: ['seg_4f2a9c'] }),
  site_id: t.String({ examples: ['site_abc123'] }),
  name: t.String({ examples: ['Blog, not direct'] }),
  filters,
  conditions,
  visibility,
  created_by: t.String({ description: "The key id that saved it, or 'admin'", examples: ['admin'] }),
  created_at: t.String({ examples: ['2026-11-20T09:31:02.000Z'] }),
})
export type Segment = typeof Segment.static

export const CreateSegmentBody = t.Object(
  {
    name: t.String({
      minLength: 1,
      maxLength: 100,
      description: 'Name, shown in the dashboard',
      examples: ['Blog, not direct'],
    }),
    filters: t.Optional(filters),
    conditions: t.Optional(conditions),
    visibility: t.Optional(visibility),
  },
  { additionalProperties: false },
)
export type CreateSegmentBody = typeof CreateSegmentBody.static
