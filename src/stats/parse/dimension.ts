// The breakdown dimension: a registry field, or `property:<key>` with a key matching PROPERTY_KEY.
import { ValidationError } from '../../errors'
import { DIMENSION_FIELDS, type DimensionField, PROPERTY_DIMENSION_PREFIX, PROPERTY_KEY } from '../registry'
import { pick } from './names'

/** A breakdown dimension. */
export type Dimension = { field: DimensionField } | { property: string }

/** Parse `dimension`; unknown names are a 422 listing the allowed ones. */
export function parseDimension(raw: string): Dimension {
  if (raw.startsWith(PROPERTY_DIMENSION_PREFIX)) {
    const key = raw.slice(PROPERTY_DIMENSION_PREFIX.length)
    if (!PROPERTY_KEY.test(key))
      throw new ValidationError(`Invalid property key in dimension "${raw.slice(0, 80)}"`, [
        {
          path: '$.dimension',
          message: 'property keys are 1 to 64 letters, digits, _ . : or - (not starting with . : or -)',
        },
      ])
    return { property: key }
  }
  return {
    field: pick('dimension', raw, [
      ...DIMENSION_FIELDS,
      `${PROPERTY_DIMENSION_PREFIX}<key>`,
    ]) as DimensionField,
  }
}

/** The dimension's name as the user wrote it. */
export function dimensionName(d: Dimension): string {
  return 'field' in d ? d.field : `${PROPERTY_DIMENSION_PREFIX}${d.property}`
}
