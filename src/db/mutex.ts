// A promise mutex: the writer connection runs one write (flush, admin change) at a time.

/** Serialises async critical sections. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve()

  /** Run `fn` after every earlier holder has finished; errors propagate to the caller only. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn)
    this.tail = result.catch(() => undefined)
    return result
  }
}
