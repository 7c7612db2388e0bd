// A one-line progress bar on stderr for long CLI work (import, export, backup), shown only when stdout
// is a terminal: a script that reads stdout, or a log file, never sees it.

/** Options of `progressBar`. */
export interface ProgressOptions {
  /** Total bytes (or events), when known (else the bar shows the amount and rate only). */
  total?: number
  /** What is counted: bytes (shown in MB, the default) or events. */
  unit?: 'bytes' | 'events'
  /** Show it even when stdout is not a terminal (tests). */
  force?: boolean
  write?: (s: string) => void
}

/**
 * A progress bar: `update(done, note)` redraws at most ten times a second, `waiting(note)` ticks the
 * elapsed time, `end()` clears the line.
 */
export function progressBar(label: string, opts: ProgressOptions = {}) {
  const on = opts.force === true || (process.stdout.isTTY === true && process.stderr.isTTY === true)
  const write = opts.write ?? ((s: string) => process.stderr.write(s))
  const started = performance.now()
  let last = 0
  const events = opts.unit === 'events'
  const mb = (n: number) => (n / 1_048_576).toFixed(1)
  let timer: ReturnType<typeof setInterval> | undefined
  const stopWaiting = () => {
    if (timer) clearInterval(timer)
    timer = undefined
  }
  return {
    /** Work with no measure of progress (a snapshot being written): show the time it has taken. */
    waiting(note: string) {
      if (!on) return
      stopWaiting()
      const since = performance.now()
      const draw = () =>
        write(`\r${label} ${note} ${((performance.now() - since) / 1000).toFixed(0)} s\u001b[K`)
      draw()
      timer = setInterval(draw, 500)
      timer.unref?.()
    },
    update(done: number, note = '') {
      stopWaiting()
      if (!on) return
      const now = performance.now()
      if (now - last < 100) return
      last = now
      const rate = done / Math.max(0.001, (now - started) / 1000)
      let bar = ''
      if (opts.total) {
        const share = Math.min(1, done / opts.total)
        const width = 24
        const full = Math.round(share * width)
        bar = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)}% `
      }
      const size = events
        ? `${done}${opts.total ? `/${opts.total}` : ''} events`
        : opts.total
          ? `${mb(done)}/${mb(opts.total)} MB`
          : `${mb(done)} MB`
      const speed = events ? `${Math.round(rate)}/s` : `${mb(rate)} MB/s`
      write(`\r${label} ${bar}${size} ${speed}${note ? ` ${note}` : ''}\u001b[K`)
    },
    end() {
      stopWaiting()
      if (on) write('\r\u001b[K')
    },
  }
}
