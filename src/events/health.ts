// The ingest buffer's part of /health: how many events wait, when the last flush succeeded, and whether
// flushes are failing (then events pile up in memory and the log, and the server is degraded).
import type { HealthState } from '../health/state'
import type { EventBuffer } from './buffer'
import type { WriteAheadLog } from './wal'

/** The buffer's health; its details include the raw database error, which may name file paths. */
export function bufferHealth(buffer: EventBuffer): HealthState {
  const details = {
    buffer_depth: buffer.depth,
    last_flush_at: buffer.lastFlushAt === null ? null : new Date(buffer.lastFlushAt).toISOString(),
    flushed_events: buffer.flushedRows,
    last_flush_error: buffer.lastError,
  }
  if (buffer.lastError === null) return { status: 'ok', details }
  return { status: 'degraded', reason: 'writing events to the database is failing', details }
}

/**
 * The write-ahead log's part: its size, and any damage found when it was opened (which records and how
 * many events were lost, in which segment, and where a copy was kept). Past damage does not stop the
 * server from doing its job, so the status stays `ok`; the report stays visible until the next start.
 */
export function walHealth(wal: WriteAheadLog | undefined): HealthState {
  if (!wal) return { status: 'ok', details: {} }
  return { status: 'ok', details: { wal_bytes: wal.sizeBytes, wal_damage: wal.damage } }
}
