// What every import source provides: a mapper from one line of its file to a PULSE event (the shape a
// client sends to /collect), or a reason the line is not an event. Mappers do not validate: the import
// runs every event through the same validation as live events.

/** One line of an import file and where it starts (bytes from the start of the file). */
export interface SourceLine {
  text: string
  offset: number
  /** 1-based line number (in the part sent, for parts of a file). */
  lineNo: number
}

/** The outcome of mapping one line. */
export type Mapped =
  /** An event to validate and store; `receivedAt` keeps the original receive time (PULSE exports). */
  | { event: Record<string, unknown>; receivedAt?: number }
  /** A line that is not an event by design (a header, a static file request, a bot): counted as ignored. */
  | { ignore: string }
  /** A line that should be an event but cannot be read: counted as invalid. */
  | { invalid: string }
  /** Nothing: a blank line, or the first part of a CSV record that continues on the next line. */
  | null

/** Maps the lines of one file, in order (a mapper may keep state, like a CSV header). */
export interface SourceMapper {
  map(line: SourceLine): Mapped
}

/** Options every mapper receives. */
export interface MapperOptions {
  /** The site the events go to (a PULSE export's own site ids are kept when this is undefined). */
  siteId?: string
}

/**
 * A deterministic event id for a row that has none: a hash of the line's text plus its byte offset in
 * the file, so re-importing the same file gives the same ids, while two identical lines (same second,
 * same visitor, same page) stay two events.
 */
export function rowEventId(prefix: string, line: SourceLine): string {
  return `${prefix}:${Bun.hash.wyhash(line.text).toString(36)}:${line.offset.toString(36)}`
}

/** A short, stable, non-reversible id for a visitor from identifying text (IP and user agent). */
export function anonymousId(prefix: string, text: string): string {
  return `${prefix}_${Bun.hash.wyhash(text, 0x5eedn).toString(36)}`
}

/** Device type from a user-agent string: mobile, tablet or desktop. */
export { deviceFromUserAgent } from './user-agent'
