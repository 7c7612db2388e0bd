// Loading DuckDB's native library inside the compiled binary. Bun extracts `duckdb.node` to a temporary
// directory of its own, where its `$ORIGIN` search path cannot find `libduckdb.so`. So the binary embeds
// the library and loads it first: when `duckdb.node` is loaded later, the dynamic linker finds a library
// with the soname `libduckdb.so` already in the process and uses it.

import { dlopen } from 'bun:ffi'
import { closeSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// bun:ffi wants at least one symbol; this one exists in every libduckdb.
const SYMBOLS = { duckdb_library_version: { args: [], returns: 'cstring' } } as const

/**
 * Load the library embedded at `embeddedPath` (a `$bunfs` path from `import … with { type: 'file' }`).
 * Resolve before anything imports `@duckdb/node-api`. First choice is an anonymous in-memory file
 * (`memfd_create`, loaded through /proc/self/fd): nothing touches the disk. Without /proc or memfd the
 * library is written to a fresh private directory (`mkdtemp`, mode 0700), loaded and deleted at once
 * (the mapping outlives the file). `Bun.write` from the embedded file is used because it copies
 * without first reading the ~60 MB into a JavaScript buffer (2–3× faster measured here).
 */
export async function loadEmbeddedLibrary(embeddedPath: string): Promise<void> {
  if (await loadFromMemory(embeddedPath)) return
  const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'pulse-lib-'))
  const path = join(dir, 'libduckdb.so')
  try {
    await Bun.write(path, Bun.file(embeddedPath))
    dlopen(path, SYMBOLS)
  } catch (err) {
    throw new Error(
      `Cannot load the embedded DuckDB library (is ${dir} on a noexec mount? set TMPDIR): ${(err as Error).message}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Load from a memfd; false when that is not possible here (then the caller uses a file). */
async function loadFromMemory(embeddedPath: string): Promise<boolean> {
  let fd = -1
  try {
    const libc = dlopen('libc.so.6', { memfd_create: { args: ['cstring', 'u32'], returns: 'i32' } })
    // MFD_CLOEXEC: child processes do not inherit it.
    fd = libc.symbols.memfd_create(Buffer.from('libduckdb.so\0'), 1)
    libc.close()
    if (fd < 0) return false
    await Bun.write(Bun.file(fd), Bun.file(embeddedPath))
    dlopen(`/proc/self/fd/${fd}`, SYMBOLS)
    return true
  } catch {
    return false
  } finally {
    if (fd >= 0) closeSync(fd)
  }
}
