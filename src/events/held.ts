// Keeping what `none` durability acknowledged from memory when the database cannot take it at shutdown
// (a full or read-only disk): the buffer's chunks are written as a log segment (the write-ahead log's
// format, synced) into the data directory's log, or, when that directory cannot be written, into a
// directory of this machine's that survives a restart (`/var/tmp/pulse-held/<data dir hash>/`). The next
// start adopts such a segment into the log and writes its events, exactly once (their log positions are
// above the database's applied position).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { encodeCsvRecord } from './wal-format'
import { writeFileFully } from './write-fully'

/** A chunk the buffer still holds. */
export interface HeldChunk {
  csv: Uint8Array
  rows: number
  seq: number
}

const segmentName = (seq: number) => `${String(seq).padStart(16, '0')}.log`

/** The fallback directory for `dataDir`'s held events (outside it, so a read-only data directory does not matter). */
export function heldDir(dataDir: string): string {
  let real = resolve(dataDir)
  try {
    real = realpathSync(dataDir)
  } catch {}
  const base = existsSync('/var/tmp') ? '/var/tmp' : tmpdir()
  return join(base, 'pulse-held', createHash('sha256').update(real).digest('hex').slice(0, 16))
}

/**
 * Write `chunks` as one synced log segment into the first of `dirs` that takes it; returns its path.
 * Throws the last error when none does.
 */
export async function writeHeld(chunks: HeldChunk[], dirs: string[], now = Date.now()): Promise<string> {
  const records = chunks.map((c) => encodeCsvRecord(c.seq, now, c.rows, c.csv))
  let last: unknown
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const path = join(dir, segmentName(chunks[0].seq))
      rmSync(path, { force: true })
      await writeFileFully(path, records, { sync: true })
      return path
    } catch (err) {
      last = err
    }
  }
  throw last
}

/**
 * Move segments held outside the data directory (a previous shutdown could not write there) into
 * `logDir`; returns how many. A segment is removed from the fallback only once its copy is synced.
 */
export async function adoptHeld(dataDir: string, logDir: string): Promise<number> {
  const dir = heldDir(dataDir)
  if (!existsSync(dir)) return 0
  const files = readdirSync(dir).filter((f) => /^\d{16}\.log$/.test(f))
  mkdirSync(logDir, { recursive: true })
  for (const f of files) {
    const target = join(logDir, f)
    rmSync(target, { force: true })
    await writeFileFully(target, [readFileSync(join(dir, f))], { sync: true })
    rmSync(join(dir, f))
  }
  rmSync(dir, { recursive: true, force: true })
  return files.length
}
