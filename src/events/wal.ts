// The write-ahead log: accepted events are appended here and synced to disk before they are
// acknowledged. One sync serves every request that arrived while the previous one ran (group commit).
// The log is a directory of segment files named by their first sequence number. The active segment is
// sealed once it reaches `rotateBytes`, whatever is applied; sealed segments whose records are all in
// DuckDB are deleted after each flush, so under steady traffic the log holds what is not yet in DuckDB
// plus at most one segment. A damaged segment is read around (see wal-format.ts), reported, and a copy
// kept under `damaged/` for inspection; sequence numbers that might have been used are never reused.
import {
  close,
  copyFileSync,
  constants as fsConstants,
  ftruncate,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlink,
  unlinkSync,
  write,
} from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describeDbError } from '../db/failure'
import { UnavailableError } from '../errors'
import type { EventRow } from '../ingest/validate'
import type { Logger } from '../logger'
import { csvRows } from './csv'
import {
  decodeSegment,
  encodeCsvRecord,
  hasMidSegmentDamage,
  type LogRecord,
  maxRecordsIn,
} from './wal-format'

/** Options of `WriteAheadLog.open`. */
export interface WalOptions {
  dir: string
  /** Records with seq ≤ this are already in DuckDB. */
  appliedSeq: number
  /** fdatasync before acknowledging (false only in tests of the log itself). */
  sync: boolean
  logger: Logger
  /** Seal the active segment and start a new one once it is this big (default 16 MiB). */
  rotateBytes?: number
  /** Clock for damage reports. */
  now?: () => number
}

/** Damage found in one segment at start-up. */
export interface WalDamageReport {
  segment: string
  /** Where a copy of the damaged segment was kept for inspection (mid-segment damage only). */
  keptAs: string | null
  /** Records that could not be read (including those inside skipped bytes, counted by sequence gaps). */
  recordsLost: number
  /**
   * Events in the lost records, or "unknown" when some lost records' headers were unreadable (their
   * event counts went with them); `eventsLostAtLeast` counts those of the readable headers.
   */
  eventsLost: number | 'unknown'
  eventsLostAtLeast: number
  eventsLostExact: boolean
  /** Sequence numbers of records lost whose headers were readable. */
  lostSeqs: number[]
  bytesSkipped: number
  /** Unreadable bytes at the end of the segment: a write torn by a crash (never acknowledged), or damage. */
  tailBytes: number
  detectedAt: string
}

interface Segment {
  path: string
  lastSeq: number
  size: number
}

interface Pending {
  bytes: Uint8Array
  seq: number
  resolve: (seq: number) => void
  reject: (err: Error) => void
}

const segmentName = (seq: number) => `${String(seq).padStart(16, '0')}.log`

// Plain descriptors with the callback API (run on the thread pool, so the event loop never blocks on disk).
function writeAt(fd: number, buf: Uint8Array, off: number, len: number, pos: number): Promise<number> {
  return new Promise((resolve, reject) =>
    write(fd, buf, off, len, pos, (err, n) => (err ? reject(err) : resolve(n))),
  )
}
const truncateTo = promisify(ftruncate)
const closeFd = promisify(close)

/** The log; `open` also returns the records not yet applied, for replay. */
export class WriteAheadLog {
  private queue: Pending[] = []
  private writing: Promise<void> | undefined
  private closed: Segment[] = []
  private active!: Segment
  private fd = -1
  private rotateWanted = false
  /** Acknowledged-but-unwritten bytes are impossible: a failed write truncates back to here. */
  private goodSize = 0
  private applied = 0
  /** Damage found when the log was opened (for /health and the admin). */
  damage: WalDamageReport[] = []

  private constructor(
    private opts: WalOptions,
    private lastSeq: number,
  ) {}

  /** Open the log directory, read every segment, and start a fresh active segment. */
  static async open(
    opts: WalOptions,
  ): Promise<{ wal: WriteAheadLog; pending: LogRecord[]; damage: WalDamageReport[] }> {
    mkdirSync(opts.dir, { recursive: true })
    const files = readdirSync(opts.dir)
      .filter((f) => /^\d{16}\.log$/.test(f))
      .sort()
    const pending: LogRecord[] = []
    const segments: Segment[] = []
    const damage: WalDamageReport[] = []
    let maxSeq = opts.appliedSeq
    for (const f of files) {
      const path = join(opts.dir, f)
      const bytes = readFileSync(path)
      const { records, damage: d } = decodeSegment(bytes)
      const firstSeq = Number(f.slice(0, 16))
      let last = firstSeq - 1
      for (const r of records) {
        last = Math.max(last, r.seq)
        if (r.seq > opts.appliedSeq) pending.push(r)
      }
      for (const l of d.lostRecords) last = Math.max(last, l.seq)
      const skippedBytes = d.skipped.reduce((n, r) => n + r.end - r.start, 0)
      // Numbers that may hide in unreadable bytes are reserved, never reused.
      maxSeq = Math.max(maxSeq, last + maxRecordsIn(skippedBytes + d.tailBytes))
      if (hasMidSegmentDamage(d) || d.tailBytes > 0) {
        const report = describeDamage(opts, f, d, skippedBytes)
        damage.push(report)
        const fields = { ...report }
        if (hasMidSegmentDamage(d)) opts.logger.error('write-ahead log: damaged records skipped', fields)
        else opts.logger.warn('write-ahead log: unreadable tail skipped (a write torn by a crash)', fields)
      }
      if (last <= opts.appliedSeq && !records.some((r) => r.seq > opts.appliedSeq)) unlinkSync(path)
      else segments.push({ path, lastSeq: last, size: bytes.length })
    }
    pending.sort((a, b) => a.seq - b.seq)
    const wal = new WriteAheadLog(opts, maxSeq)
    wal.applied = opts.appliedSeq
    wal.closed = segments
    wal.damage = damage
    await wal.startSegment(maxSeq + 1)
    return { wal, pending, damage }
  }

  /** Bytes in the log directory (all segments). */
  get sizeBytes(): number {
    return this.closed.reduce((n, s) => n + s.size, 0) + this.active.size
  }

  /**
   * Append rows as one record; resolves with its sequence number once it is on disk. `csv` is the rows
   * as CSV lines (src/events/csv.ts, UTF-8) when the caller has them already (the buffer holds the same bytes).
   */
  append(rows: EventRow[], receivedAt: number, csv?: Uint8Array): Promise<number> {
    const seq = ++this.lastSeq
    const bytes = encodeCsvRecord(seq, receivedAt, rows.length, csv ?? Buffer.from(csvRows(rows, receivedAt)))
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, seq, resolve, reject })
      this.writing ??= this.drain()
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue
      this.queue = []
      try {
        if (this.rotateWanted) await this.startSegment(group[0].seq)
        const buf = group.length === 1 ? group[0].bytes : Buffer.concat(group.map((g) => g.bytes))
        let written = 0
        while (written < buf.length)
          written += await writeAt(this.fd, buf, written, buf.length - written, this.goodSize + written)
        // Durable on return: the segment is opened with O_DSYNC (one thread-pool trip instead of write + fdatasync).
        this.goodSize += buf.length
        this.active.size = this.goodSize
        this.active.lastSeq = group[group.length - 1].seq
        if (this.goodSize >= (this.opts.rotateBytes ?? 16 * 1024 * 1024)) this.rotateWanted = true
        for (const g of group) g.resolve(g.seq)
      } catch (err) {
        this.opts.logger.error('write-ahead log write failed', {
          cause: describeDbError(err),
          records: group.length,
        })
        // Cut any partial record so later records stay readable; if even that fails, move to a new segment.
        await truncateTo(this.fd, this.goodSize).catch(() => {
          this.rotateWanted = true
        })
        const cause = describeDbError(err)
        const e = new UnavailableError(`Could not write the event log: ${cause}; retry shortly`, 1)
        for (const g of group) g.reject(e)
      }
    }
    this.writing = undefined
  }

  private async startSegment(firstSeq: number): Promise<void> {
    // Open the new segment first: if that fails (disk full), the active one stays usable.
    const path = join(this.opts.dir, segmentName(firstSeq))
    const { O_WRONLY, O_CREAT, O_TRUNC, O_DSYNC } = fsConstants
    const fd = openSync(path, O_WRONLY | O_CREAT | O_TRUNC | (this.opts.sync ? O_DSYNC : 0), 0o600)
    if (this.fd >= 0) {
      await closeFd(this.fd).catch(() => undefined)
      if (this.goodSize > 0) this.closed.push(this.active)
      else unlinkSync(this.active.path)
    }
    this.fd = fd
    this.active = { path, lastSeq: firstSeq - 1, size: 0 }
    this.goodSize = 0
    this.rotateWanted = false
  }

  /**
   * Everything up to `seq` is in DuckDB: delete segments that hold nothing newer. The deletes run on the
   * thread pool (unlinking a 16 MiB file can block for long on a busy disk); a segment that cannot be
   * deleted is kept and tried again after the next flush.
   */
  markApplied(seq: number): void {
    this.applied = Math.max(this.applied, seq)
    const done = this.closed.filter((s) => s.lastSeq <= seq)
    if (done.length === 0) return
    this.closed = this.closed.filter((s) => s.lastSeq > seq)
    for (const s of done)
      unlink(s.path, (err) => {
        if (!err || err.code === 'ENOENT') return
        this.opts.logger.warn('write-ahead log: could not delete an applied segment', { error: err.message })
        this.closed.unshift(s)
      })
  }

  /** Records appended but not yet marked applied (an upper bound: sequence numbers may have gaps). */
  get unappliedRecords(): number {
    return Math.max(0, this.lastSeq - this.applied)
  }

  /** Wait for queued writes, then close the active segment. */
  async close(): Promise<void> {
    while (this.writing) await this.writing
    await closeFd(this.fd).catch(() => undefined)
    this.fd = -1
    // Fully applied (or empty): nothing in it is needed at the next start.
    if (this.active.lastSeq <= this.applied) {
      try {
        unlinkSync(this.active.path)
      } catch {}
    }
  }
}

function describeDamage(
  opts: WalOptions,
  file: string,
  d: ReturnType<typeof decodeSegment>['damage'],
  bytesSkipped: number,
): WalDamageReport {
  const hidden = d.skipped.reduce((n, r) => n + r.records, 0)
  let keptAs: string | null = null
  if (hasMidSegmentDamage(d)) {
    const dir = join(opts.dir, 'damaged')
    mkdirSync(dir, { recursive: true })
    keptAs = join(dir, `${file}.${(opts.now ?? Date.now)()}`)
    try {
      copyFileSync(join(opts.dir, file), keptAs)
    } catch (err) {
      opts.logger.error('write-ahead log: could not keep a copy of a damaged segment', {
        segment: file,
        error: (err as Error).message,
      })
      keptAs = null
    }
  }
  return {
    segment: file,
    keptAs,
    recordsLost: d.lostRecords.length + hidden,
    eventsLost: hidden === 0 ? d.lostRecords.reduce((n, l) => n + l.rows, 0) : 'unknown',
    eventsLostAtLeast: d.lostRecords.reduce((n, l) => n + l.rows, 0),
    eventsLostExact: hidden === 0,
    lostSeqs: d.lostRecords.map((l) => l.seq),
    bytesSkipped,
    tailBytes: d.tailBytes,
    detectedAt: new Date((opts.now ?? Date.now)()).toISOString(),
  }
}
