// The worker pool the `pulse` command needs, given to itself. Bun sizes its pool of worker threads
// (DuckDB's queries, file writes) from UV_THREADPOOL_SIZE once, when the process starts: assigning
// `process.env.UV_THREADPOOL_SIZE` afterwards changes nothing (tried on Bun 1.4.5, even before the pool's
// first use). So when the variable is unset, the command re-executes itself with it set to what the
// read limits need, through `execve`: the process keeps its id, its open descriptors and
// its place under a supervisor, so signals and the exit code are those of the server itself, with no
// wrapper process in between. Where `execve` cannot be called, the command runs on as before (and the
// server's start-up warning says what to set).
import { dlopen, ptr } from 'bun:ffi'
import { availableParallelism } from 'node:os'
import { type Config, loadConfig } from '../config'

type Env = Record<string, string | undefined>

/** Commands that never open DuckDB: not worth a second start. */
const LIGHT = new Set(['help', 'version', 'health', '--help', '-h', '--version', '-v'])

/**
 * The pool to start with: a thread per query the read limits let run at once, plus room for the log's
 * writes and a flush (what the start-up warning of services.ts asks for), and never below one per core
 * (Bun's own default).
 */
export function threadPoolTarget(config: Pick<Config, 'readConcurrency'>): number {
  return Math.max(availableParallelism(), config.readConcurrency + 5)
}

/**
 * The environment to start again with, or undefined when `env` already gives a pool big enough, or
 * when its configuration is invalid (the command then reports that itself).
 */
export function threadPoolEnv(env: Env): Env | undefined {
  let target: number
  try {
    target = threadPoolTarget(loadConfig(env))
  } catch {
    return undefined
  }
  // A size the operator set is theirs to keep (the server's start-up warning says if it is too small).
  if (env.UV_THREADPOOL_SIZE?.trim()) return undefined
  return { ...env, UV_THREADPOOL_SIZE: String(target) }
}

/**
 * Make sure this process runs with the pool it needs (see the module comment): unless `args` is a light
 * command or the pool is big enough, replace the process with `command` + `args` and the raised
 * variable. `command` is the executable and what precedes the user's arguments: `[execPath]` for the
 * compiled binary, `[execPath, ...execArgv, script]` from a checkout. Returns only if nothing was done.
 */
export function ensureThreadPool(command: string[], args: string[], env: Env = process.env): void {
  if (LIGHT.has(args[0] ?? '')) return
  const next = threadPoolEnv(env)
  if (next) execve(command[0], [...command, ...args], next)
}

/** C strings and the NULL-terminated pointer array `execve` takes; the buffers must outlive the call. */
function cStrings(values: string[]): { buffers: Buffer[]; array: BigUint64Array } {
  const buffers = values.map((v) => Buffer.from(`${v}\0`))
  const array = new BigUint64Array(buffers.length + 1)
  buffers.forEach((b, i) => {
    array[i] = BigInt(ptr(b))
  })
  return { buffers, array }
}

/** Replace the process image (`execve(2)`); returns only when that failed or is not possible here. */
function execve(path: string, argv: string[], env: Env): void {
  let libc: ReturnType<typeof openLibc> | undefined
  try {
    libc = openLibc()
    const args = cStrings(argv)
    const vars = cStrings(
      Object.entries(env)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([k, v]) => `${k}=${v}`),
    )
    libc.symbols.execve(Buffer.from(`${path}\0`), args.array, vars.array)
    // Still here: execve failed (errno is not reachable from here); run on without the larger pool.
    void [args.buffers, vars.buffers]
  } catch {
    // No libc to call (not Linux or macOS): run on as before.
  } finally {
    libc?.close()
  }
}

function openLibc() {
  const name = process.platform === 'darwin' ? 'libSystem.B.dylib' : 'libc.so.6'
  return dlopen(name, { execve: { args: ['ptr', 'ptr', 'ptr'], returns: 'i32' } })
}
