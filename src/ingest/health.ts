// The ingest buffer's part of /health: how many events wait, when the last flush succeeded, and whether
// flushes are failing (then events pile up in memory and the log, and the server is degraded).
import type { HealthState } from '../health/state'
import type { EventBuffer } from './buffer'

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
