// The one error type the SDK rejects with: the server's `{success:false, error, status, details}`
// envelope, a per-event rejection from a batch, or a client-side failure (network, timeout, queue full).

/** One bad field, as the server reports it: its JSON path and what is wrong with it. */
export interface FieldIssue {
  path: string
  message: string
}

/** What kind of failure a `PulseError` is. */
export type PulseErrorKind =
  /** The server answered with an error status (see `status`). */
  | 'http'
  /** The server accepted the batch but rejected this event (see `details`). */
  | 'rejected'
  /** The server could not be reached (after all retries). */
  | 'network'
  /** The request took longer than `timeoutMs` (after all retries). */
  | 'timeout'
  /** `maxQueueSize` events were already waiting. */
  | 'queue_full'
  /** The event was too large to send. */
  | 'too_large'
  /** `shutdown()` was called. */
  | 'shutdown'

/** An error from PULSE or from talking to it. */
export class PulseError extends Error {
  override readonly name = 'PulseError'

  constructor(
    message: string,
    /** What kind of failure this is. */
    readonly kind: PulseErrorKind,
    /** The HTTP status (422 for a rejected event), or 0 when no response was received. */
    readonly status = 0,
    /** The bad fields, for validation errors. */
    readonly details?: FieldIssue[],
    /** Seconds the server asked to wait (Retry-After), when it did. */
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}
