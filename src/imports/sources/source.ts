// What every import source provides: a mapper from one line of its file to a PULSE event (the shape a
// client sends to /collect), or a reason the line is not an event. Mappers do not validate: the import
// runs every event through the same validation and enrichment as live events.
import { ImportIds } from '../../ingest/enrich/import-ids'

/** One line of an import file and where it starts (bytes from the start of the file). */
export interface SourceLine {
  text: string
  offset: number
  /** 1-based line number (in the part sent, for parts of a file). */
  lineNo: number
}

/** Why a line is not stored: the keys of an import's `reasons` that count ignored lines. */
export const IGNORE_REASONS = [
  'static',
  'redirect',
  'client_error',
  'server_error',
  'method',
  'too_old',
  'excluded',
  'other',
] as const
export type IgnoreReason = (typeof IGNORE_REASONS)[number]

/** The visitor of a log line, for enrichment only: used in memory, never stored. */
export interface LineVisitor {
  ip: string
  userAgent: string
}

/** The outcome of mapping one line. */
export type Mapped =
  /**
   * An event to validate and store; `receivedAt` keeps the original receive time (PULSE exports);
   * `visitor` is the line's address and User-Agent (access logs), which enrichment reads.
   */
  | { event: Record<string, unknown>; receivedAt?: number; visitor?: LineVisitor }
  /** A line that is not an event by design (a static file request, a redirect): counted as ignored. */
  | { ignore: IgnoreReason }
  /** A line that should be an event but cannot be read: counted as invalid. */
  | { invalid: string }
  /** Nothing: a blank line, or the first part of a CSV record that continues on the next line. */
  | null

/** Maps the lines of one file, in order (a mapper may keep state, like a CSV header). */
export interface SourceMapper {
  map(line: SourceLine): Mapped
  /**
   * After the last line: what a source of aggregates (Plausible) makes of all it read, each with the
   * line it is reported under.
   */
  finish?(): Iterable<{ mapped: Mapped; lineNo: number }>
}

/** Options every mapper receives. */
export interface MapperOptions {
  /** The site the events go to (a PULSE export's own site ids are kept when this is undefined). */
  siteId?: string
  /**
   * A keyed, non-reversible id of identifying text (src/ingest/enrich/import-ids.ts); without one, a
   * secret of this module, made at random when it loads.
   */
  anonymousId?: (prefix: string, text: string) => string
  /** IANA time zone of a source whose rows are days (Plausible): where each day starts. Default UTC. */
  timezone?: string
}

/**
 * A deterministic event id for a row that has none: a hash of the line's text plus its byte offset in
 * the file, so re-importing the same file gives the same ids, while two identical lines (same second,
 * same visitor, same page) stay two events.
 */
export function rowEventId(prefix: string, line: SourceLine): string {
  return `${prefix}:${Bun.hash.wyhash(line.text).toString(36)}:${line.offset.toString(36)}`
}

const fallbackIds = new ImportIds()

/** A keyed, non-reversible id of identifying text under this module's random secret (see `MapperOptions`). */
export function anonymousId(prefix: string, text: string): string {
  return fallbackIds.anonymousId(prefix, text)
}
