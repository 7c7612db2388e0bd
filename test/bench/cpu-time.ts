// CPU time from /proc (Linux): of one thread (the JavaScript thread of a Bun process is its main thread,
// whose thread id is the process id) or of a whole process. Used to tell how much of the thread that
// also serves HTTP a write path takes, and whether a server or the load generator is CPU-bound.
import { readFileSync } from 'node:fs'

/** CPU time (ms) the main thread of process `pid` (default: this one) has run; NaN where /proc is missing. */
export function mainThreadCpuMs(pid = process.pid): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6
  } catch {
    return Number.NaN
  }
}

/** CPU time (ms, user + system, all threads) of process `pid`; NaN where /proc is missing. */
export function processCpuMs(pid = process.pid): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100 // utime, stime in USER_HZ (100/s)
  } catch {
    return Number.NaN
  }
}

/** A snapshot of a process's CPU counters, to diff over a phase. */
export interface CpuSnapshot {
  at: number
  main: number
  total: number
}

/** Take a snapshot of process `pid`. */
export function cpuSnapshot(pid = process.pid): CpuSnapshot {
  return { at: performance.now(), main: mainThreadCpuMs(pid), total: processCpuMs(pid) }
}

/** Percent of one core used by the main thread and by the whole process between two snapshots. */
export function cpuPercent(a: CpuSnapshot, b: CpuSnapshot): { main: number; total: number } {
  const wall = b.at - a.at
  return { main: (100 * (b.main - a.main)) / wall, total: (100 * (b.total - a.total)) / wall }
}
