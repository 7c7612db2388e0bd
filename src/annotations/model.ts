// Schemas of the annotations API: a note at an instant of a site, shown as a marker on the chart.
import { t } from 'elysia'

const text = t.String({
  minLength: 1,
  maxLength: 500,
  description: 'The note, shown on hover over the chart marker',
  examples: ['v2.3 released'],
})
const at = t.Union([t.Integer({ minimum: 0 }), t.String({ minLength: 1, maxLength: 40 })], {
  description: 'When: epoch ms or ISO 8601 (a date or date-time without offset is UTC). Default: now',
  examples: ['2026-11-20T09:30:00Z'],
})

export const Annotation = t.Object({
  annotation_id: t.String({ examples: ['ann_4f2a9c'] }),
  site_id: t.String({ examples: ['site_abc123'] }),
  at: t.String({
    format: 'date-time',
    description: 'When, ISO 8601 UTC',
    examples: ['2026-11-20T09:30:00.000Z'],
  }),
  text: t.String({ examples: ['v2.3 released'] }),
  created_by: t.String({ description: "The key id that made it, or 'admin'", examples: ['admin'] }),
  created_at: t.String({ examples: ['2026-11-20T09:31:02.000Z'] }),
})
export type Annotation = typeof Annotation.static

export const CreateAnnotationBody = t.Object({ text, at: t.Optional(at) }, { additionalProperties: false })
export type CreateAnnotationBody = typeof CreateAnnotationBody.static

export const UpdateAnnotationBody = t.Object(
  { text: t.Optional(text), at: t.Optional(at) },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateAnnotationBody = typeof UpdateAnnotationBody.static

export const AnnotationsQuery = t.Object({
  from: t.Optional(
    t.String({
      description: 'Only annotations at or after (epoch ms or ISO 8601)',
      examples: ['2026-11-01'],
    }),
  ),
  to: t.Optional(
    t.String({ description: 'Only annotations before (epoch ms or ISO 8601)', examples: ['2026-12-01'] }),
  ),
})
