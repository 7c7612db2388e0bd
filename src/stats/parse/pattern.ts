// The bounded regular expressions of the `matches` filter operator. Engines run RE2 (linear time, so no
// catastrophic backtracking), but RE2 refuses look-around and back-references and caps repetition
// counts at 1000: a pattern using them would fail inside the engine as a 500. The check here accepts
// only what both RE2 and JavaScript read alike, short, with small counts, and names the problem.
import { LIMITS } from '../registry'

/** What is wrong with `pattern`, or undefined when it may be run. */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length > LIMITS.maxPatternLength) return `longer than ${LIMITS.maxPatternLength} characters`
  if (pattern.includes('\u0000')) return 'contains a NUL character'
  if (/\(\?<?[=!]/.test(pattern)) return 'look-around (?= (?! (?<= (?<! is not supported'
  if (/\(\?</.test(pattern) || /\(\?P/.test(pattern)) return 'named groups are not supported'
  if (/\\[1-9]|\\k/.test(pattern)) return 'back-references are not supported'
  // RE2-only escapes, or escapes JavaScript reads differently: the oracle and the engine must agree.
  if (/\\[ACEPQcpuz]/.test(pattern))
    return 'the escapes \\A \\C \\E \\P \\Q \\c \\p \\u \\z are not supported'
  for (const m of pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    const counts = [m[1], m[2]].filter((n) => n !== undefined && n !== '').map(Number)
    if (counts.some((n) => n > LIMITS.maxPatternRepeat))
      return `repetition counts above ${LIMITS.maxPatternRepeat} are not supported`
  }
  try {
    new RegExp(pattern)
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: /, '')
  }
  return undefined
}
