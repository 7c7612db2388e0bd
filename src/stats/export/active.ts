// The exports streaming now, so that shutdown can cut them off: each registers how to abort itself,
// and `abortAll` errors every stream (the client sees an aborted chunked response, never a clean end)
// and stops its DuckDB work; an export that registers after that (it was still waiting for its flush) is
// aborted as it registers.
/** Exports in flight. */
export class ActiveExports {
  private aborts = new Set<(reason: Error) => void>()
  /** Set by `close`: an export that starts later (it was waiting for its flush) is aborted at once. */
  private closedWith: Error | undefined

  /** Whether shutdown has cut exports off (no new one may start). */
  get closed(): boolean {
    return this.closedWith !== undefined
  }

  /** Exports in flight now. */
  get size(): number {
    return this.aborts.size
  }

  /** Register an export's abort; call the returned function when the export ends. */
  track(abort: (reason: Error) => void): () => void {
    if (this.closedWith) {
      abort(this.closedWith)
      return () => {}
    }
    this.aborts.add(abort)
    return () => {
      this.aborts.delete(abort)
    }
  }

  /** Abort every export in flight; returns how many there were. */
  abortAll(message = 'The server is shutting down; the export is incomplete'): number {
    const reason = this.closedWith ?? new Error(message)
    const all = [...this.aborts]
    this.aborts.clear()
    for (const abort of all) abort(reason)
    return all.length
  }

  /** At shutdown: abort every export in flight, and every one that starts later; returns how many there were. */
  close(message = 'The server is shutting down; the export is incomplete'): number {
    this.closedWith = new Error(message)
    return this.abortAll()
  }
}
