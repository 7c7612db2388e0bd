// Classifying storage failures (DuckDB's and the file system's): which errors mean the instance is
// unusable until it is reopened, and a short cause a self-hoster can act on ("the disk is full", "the
// data directory is read-only", "the database file is damaged"), never a parser message, a path or a
// stack.

/** Whether `err` invalidated the DuckDB instance (a failed checkpoint on a full disk does). */
export function isFatalDbError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err)
  // "instance closed" / "connection disconnected": a read that got a connection of an instance a failed
  // reopen had closed (the next reopen replaces it).
  return /FATAL Error|has been invalidated|must be restarted|instance closed|connection disconnected/i.test(
    msg,
  )
}

/** The causes a self-hoster is told, by what the error says (errno code or engine text). */
const CAUSES: [RegExp, string][] = [
  [/ENOSPC|No space left on device/i, 'the disk is full'],
  [/EDQUOT|Disk quota exceeded/i, 'the disk quota is used up'],
  [/EROFS|Read-only file system/i, 'the data directory is read-only'],
  [/EACCES|EPERM|Permission denied/i, 'the data directory is not writable by this user'],
  [
    /Corrupt database file|checksum|not a valid DuckDB database|invalid block|Serialization Error/i,
    'the database file is damaged',
  ],
  [/\bEIO\b|Input\/output error/i, 'the disk reports I/O errors'],
  // A load file DuckDB could not parse was cut short by the disk: say so, not the parser's words.
  [/CSV Error|Invalid Input Error/i, 'a load file could not be written whole (is the disk full?)'],
  [
    /has been invalidated|must be restarted|instance closed|connection disconnected/i,
    'the database needs reopening after an earlier error',
  ],
]

/**
 * Whether DuckDB failed while writing its files (a commit that could not write or sync its log, a full or
 * read-only disk, an I/O error): its memory may then differ from its files (a commit that failed writing
 * its log was seen to leave the batch's rows visible, and the next checkpoint would have stored them), so
 * the instance must be reopened before it is trusted again. A file-system error of PULSE's own (it has an
 * errno `code`) says nothing about DuckDB's state.
 */
export function isDbWriteFailure(err: unknown): boolean {
  if (!(err instanceof Error) || (err as NodeJS.ErrnoException).code) return false
  return /Failed to commit|Could not (write|fsync|truncate)|No space left|Read-only file system|Input\/output error|Disk quota/i.test(
    err.message,
  )
}

/** Whether `err` is a full disk (or quota): space coming back heals it. */
export function isNoSpace(err: unknown): boolean {
  return /the disk (is full|quota)/.test(describeDbError(err))
}

/** A short cause for `err`: one of `CAUSES`, or the first line with paths removed. */
export function describeDbError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? ''
  const msg = `${code} ${err instanceof Error ? err.message : String(err)}`
  for (const [re, cause] of CAUSES) if (re.test(msg)) return cause
  // An error of PULSE's own that names a cause already (a 503 while the database is reopened): that cause.
  for (const [, cause] of CAUSES) if (msg.includes(`(${cause})`)) return cause
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? ''
  return first
    .replace(/"\/[^"]*"/g, '"…"')
    .replace(/\/[\w./-]+/g, '…')
    .slice(0, 200)
}
