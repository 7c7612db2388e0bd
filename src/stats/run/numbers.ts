// Number shaping shared by the reports: rounding, percent change and percent shares.

/** `x` rounded half-up to 2 decimals. */
export function round2(x: number): number {
  return Math.round(x * 100) / 100 || 0
}

/**
 * Percent change from `previous` to `value`, 2 decimals: 0 when both are 0, null when only the
 * previous is 0 (no finite change).
 */
export function percentChange(value: number, previous: number): number | null {
  if (previous === 0) return value === 0 ? 0 : null
  return round2(((value - previous) / previous) * 100)
}

/**
 * `part / whole` as a percent rounded half-up to 2 decimals with integer arithmetic (exact, like the
 * SQL ratios), 0 when `whole` is 0.
 */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 0
  return Math.floor((200 * 100 * part + whole) / (2 * whole)) / 100
}
