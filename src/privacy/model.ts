// Schemas of the privacy API.
import { Type } from '@sinclair/typebox'
import { t } from 'elysia'
import { LIMITS } from '../events/fields'
import { SiteId } from '../sites/model'

export const UserParams = t.Object({
  user_id: t.String({
    minLength: 1,
    maxLength: LIMITS.userId,
    description: 'The `user_id` the events were sent with (URL-encoded)',
    examples: ['user_123'],
  }),
})

export const UserQuery = t.Object({ site_id: SiteId })

export const UserErased = t.Object(
  {
    success: t.Literal(true),
    data: t.Object({
      deleted: Type.Integer({ description: 'Events deleted', minimum: 0, examples: [42] }),
    }),
  },
  { examples: [{ success: true, data: { deleted: 42 } }] },
)
