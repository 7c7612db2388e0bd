// A regular-expression match with a bound pattern. The event dialect (src/events/dialect.ts) spells
// `regexpExtract` with a fixed pattern only; the `matches` filter operator needs the pattern bound, so
// its spelling per engine lives here until the dialect grows a `regexpMatches` of its own. Both engines
// run RE2 and search anywhere in the text; the pattern was checked at parse time (parse/pattern.ts).
import type { Dialect } from '../../events/dialect'

const SPELLINGS: Record<string, (text: string, pattern: string) => string> = {
  duckdb: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  clickhouse: (text, pattern) => `match(${text}, ${pattern})`,
}

/** SQL true when `text` matches the regular expression `pattern` (a placeholder). */
export function regexpMatchSql(d: Dialect, text: string, pattern: string): string {
  const spell = SPELLINGS[d.name] ?? SPELLINGS.clickhouse!
  return spell(text, pattern)
}
