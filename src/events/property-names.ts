// How custom properties are named in the API: the key rule and the prefixes of `property.<key>` (a
// filter) and `property:<key>` (a breakdown dimension). A leaf module with no imports, so the
// dashboard's browser bundle shares it with the registry instead of keeping its own copy.

/** A custom property key as it may appear in `property.<key>` and `property:<key>`. */
export const PROPERTY_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$/
export const PROPERTY_FILTER_PREFIX = 'property.'
export const PROPERTY_DIMENSION_PREFIX = 'property:'
