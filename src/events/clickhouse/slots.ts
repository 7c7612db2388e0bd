// A counting semaphore: at most `size` reads run on ClickHouse at once, the rest wait in arrival order.
// (The DuckDB read gate lends pooled DuckDB connections; ClickHouse needs only the limit.)

/** At most `size` tasks at once. */
export class Slots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly size: number) {}

  /** Run `task` once a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await task()
    } finally {
      release()
    }
  }

  /** Wait for a slot and hold it until the returned function is called (once; later calls do nothing). */
  async acquire(): Promise<() => void> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.running++
    let held = true
    return () => {
      if (!held) return
      held = false
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
