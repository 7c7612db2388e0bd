// Classifying DuckDB failures: which errors mean the instance is unusable until it is reopened, and a
// short cause a client or an operator can act on, without file paths or raw engine text.

/** Whether `err` invalidated the DuckDB instance (a failed checkpoint on a full disk does). */
export function isFatalDbError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err)
  return /FATAL Error|has been invalidated|must be restarted/i.test(msg)
}

/** A short cause for `err`: "the disk is full", or the engine's first line with paths removed. */
export function describeDbError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err)
  if (/No space left on device|ENOSPC/i.test(msg)) return 'the disk is full'
  if (/Disk quota exceeded|EDQUOT/i.test(msg)) return 'the disk quota is used up'
  if (/has been invalidated|must be restarted/i.test(msg))
    return 'the database needs reopening after an earlier error'
  const first = msg.split('\n')[0] ?? ''
  return first
    .replace(/"\/[^"]*"/g, '"…"')
    .replace(/\/[\w./-]+/g, '…')
    .slice(0, 200)
}
