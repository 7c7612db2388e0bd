// A tiny JSON-lines logger; level from config. Keys and tokens are never passed to it. Warnings and
// errors are rate-limited per cause: a failing disk would otherwise write a line per request or flush
// (thousands a minute); the first line of a cause is written at once, repeats within `intervalMs` are
// counted, and the next line of that cause after the interval carries how many were held back.

/** Logger used across the server. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** One warning or error line per cause per interval (default 10 s; 0 = no limit). */
  intervalMs?: number
  /** Where lines go (default stderr). */
  write?: (line: string) => void
  now?: () => number
}

interface Held {
  last: number
  held: number
}

/** Most causes remembered at once (older ones are forgotten). */
const MAX_CAUSES = 1000

/** Create a logger writing one JSON object per line to stderr, at or above `level`. */
export function createLogger(level: keyof typeof LEVELS, opts: LoggerOptions = {}): Logger {
  const min = LEVELS[level]
  const interval = opts.intervalMs ?? 10_000
  const write = opts.write ?? ((line: string) => process.stderr.write(line))
  const now = opts.now ?? Date.now
  const causes = new Map<string, Held>()
  const log = (lvl: keyof typeof LEVELS, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < min) return
    let extra: Record<string, unknown> | undefined
    if (interval > 0 && LEVELS[lvl] >= LEVELS.warn) {
      const key = `${lvl}|${msg}|${String(fields?.cause ?? fields?.error ?? fields?.reason ?? '')}`
      const t = now()
      const seen = causes.get(key)
      if (seen && t - seen.last < interval) {
        seen.held++
        return
      }
      if (seen?.held) extra = { repeated: seen.held, withinMs: t - seen.last }
      if (!seen && causes.size >= MAX_CAUSES) causes.delete(causes.keys().next().value as string)
      causes.set(key, { last: t, held: 0 })
    }
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields, ...extra })}\n`)
  }
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  }
}
