// Schemas of GET /api/v1/stats/journeys: the pages sessions view after (or before) a start page.
import { t } from 'elysia'
import { envelope, Int } from '../../http/envelope'
import { JOURNEY_DIRECTIONS, LIMITS } from '../registry'
import { PeriodName, scopeQuery } from './common'
import { nameEnum, nameParam } from './names'

export const JourneyQuery = t.Object(
  {
    ...scopeQuery,
    page: t.String({
      minLength: 1,
      maxLength: 2048,
      description:
        'The start page: a URL exactly as stored (as the `url` filter), a path starting with / or an absolute http(s) URL',
      examples: ['https://example.com/'],
    }),
    direction: t.Optional(
      nameParam('direction', JOURNEY_DIRECTIONS, {
        description:
          '`next` (default): the pages viewed after the start page; `previous`: before it, nearest first',
        examples: ['next'],
      }),
    ),
    depth: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: LIMITS.journeyMaxDepth,
        description: `Steps to follow (1 to ${LIMITS.journeyMaxDepth}, default 3)`,
      }),
    ),
    limit: t.Optional(
      t.Integer({
        minimum: 1,
        maximum: LIMITS.journeyMaxPaths,
        description: `Paths listed per step (1 to ${LIMITS.journeyMaxPaths}, default 10)`,
      }),
    ),
  },
  { additionalProperties: true },
)

export const JourneyData = t.Object({
  page: t.String({ description: 'The start page', examples: ['https://example.com/'] }),
  direction: nameEnum(JOURNEY_DIRECTIONS, { description: 'The direction', examples: ['next'] }),
  period: PeriodName,
  timezone: t.String({ examples: ['UTC'] }),
  from: t.String({ format: 'date-time', examples: ['2026-11-13T12:00:00.000Z'] }),
  to: t.String({ format: 'date-time', examples: ['2026-11-20T12:00:00.000Z'] }),
  sessions: Int({ description: 'Sessions that viewed the start page', examples: [120] }),
  steps: t.Array(
    t.Object({
      step: Int({
        description: 'Steps from the start page (1 = the page right after or before it)',
        examples: [1],
      }),
      sessions: Int({ description: 'Sessions with at least this many steps', examples: [80] }),
      drop_off: Int({
        description: 'Sessions of the step before (or of the start page) with no such step',
        examples: [40],
      }),
      paths: t.Array(
        t.Object({
          pages: t.Array(t.String(), {
            description: 'The pages of the path, step 1 first',
            examples: [['https://example.com/pricing']],
          }),
          sessions: Int({
            description: 'Sessions whose first steps are exactly these pages',
            examples: [30],
          }),
          exits: Int({ description: 'Of those, the sessions with no further step', examples: [12] }),
        }),
        { description: 'The most common paths of this many steps: most sessions first, then by the pages' },
      ),
    }),
    { description: 'One entry per step, 1 to depth' },
  ),
})

export const JourneyResult = envelope(JourneyData, [
  {
    success: true,
    data: {
      page: 'https://example.com/',
      direction: 'next',
      period: '7d',
      timezone: 'UTC',
      from: '2026-11-13T12:00:00.000Z',
      to: '2026-11-20T12:00:00.000Z',
      sessions: 120,
      steps: [
        {
          step: 1,
          sessions: 80,
          drop_off: 40,
          paths: [{ pages: ['https://example.com/pricing'], sessions: 30, exits: 12 }],
        },
      ],
    },
  },
])
