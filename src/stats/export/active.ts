// The exports streaming now, so that shutdown can cut them off: each registers how to abort itself,
// and `abortAll` errors every stream (the client sees an aborted chunked response, never a clean end)
// and stops its DuckDB work.
/** Exports in flight. */
export class ActiveExports {
  private aborts = new Set<(reason: Error) => void>()

  /** Exports in flight now. */
  get size(): number {
    return this.aborts.size
  }

  /** Register an export's abort; call the returned function when the export ends. */
  track(abort: (reason: Error) => void): () => void {
    this.aborts.add(abort)
    return () => {
      this.aborts.delete(abort)
    }
  }

  /** Abort every export in flight (at shutdown); returns how many there were. */
  abortAll(message = 'The server is shutting down; the export is incomplete'): number {
    const all = [...this.aborts]
    this.aborts.clear()
    for (const abort of all) abort(new Error(message))
    return all.length
  }
}
