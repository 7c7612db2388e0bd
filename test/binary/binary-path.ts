// The compiled binary for tests: `dist/pulse` when it is newer than every source file, else a fresh
// build into a temporary directory (a few seconds), so a test never runs a stale binary.
import { mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBinary } from '../../src/binary/build'

const ROOT = join(import.meta.dir, '../..')

function newestSource(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue
    const p = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}

/** Path of an up-to-date binary. */
export async function binaryPath(): Promise<string> {
  const dist = join(ROOT, 'dist/pulse')
  try {
    if (statSync(dist).mtimeMs > newestSource(join(ROOT, 'src'))) return dist
  } catch {}
  const dir = mkdtempSync(join(tmpdir(), 'pulse-bin-'))
  return buildBinary({ outfile: join(dir, 'pulse'), workDir: join(dir, 'build') })
}
