// The thread that serves HTTP (the process's main thread) comes first for the CPU: every other thread of
// the process — DuckDB's workers and the runtime's pool that runs database calls and file writes, the JIT —
// gets a lower priority (nice). On a small machine a flush's COPY and INSERT, or a dashboard query, would
// otherwise take every core while `/collect` requests wait. They still use all idle CPU; they only yield
// to the serving thread when both want it. Linux only (there `setpriority` on a thread id sets that thread
// alone); elsewhere, or when not permitted, nothing changes. New threads appear over time (pools grow on
// demand), so the threads are checked again now and then.
import { readdirSync } from 'node:fs'
import { setPriority } from 'node:os'
import type { Logger } from './logger'

/** How often new threads are looked for. */
const RECHECK_MS = 5000

/** Lower every thread but the main one to `nice` (0 turns this off); returns a stop function. */
export function servingThreadFirst(nice: number, logger: Logger): () => void {
  if (nice <= 0 || process.platform !== 'linux') return () => undefined
  const done = new Set<number>()
  let warned = false
  const lower = () => {
    let tids: number[]
    try {
      tids = readdirSync('/proc/self/task').map(Number)
    } catch {
      return
    }
    for (const tid of tids) {
      if (tid === process.pid || done.has(tid)) continue
      try {
        setPriority(tid, nice)
        done.add(tid)
      } catch (err) {
        // A thread may end between the listing and the call; anything else is reported once.
        if (!warned && (err as NodeJS.ErrnoException).code !== 'ESRCH') {
          warned = true
          logger.warn('could not lower the priority of worker threads', { error: (err as Error).message })
        }
      }
    }
    // Forget threads that ended, so the set stays as small as the process's thread list.
    if (done.size > tids.length * 2) for (const tid of done) if (!tids.includes(tid)) done.delete(tid)
  }
  lower()
  const timer = setInterval(lower, RECHECK_MS)
  timer.unref()
  return () => clearInterval(timer)
}
