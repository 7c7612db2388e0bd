// Build and install the SDK the way a user gets it: `npm pack` in src/sdk (its prepack script builds
// dist/), then `npm install <tarball>` into an empty project in a temp directory.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SDK_DIR = join(import.meta.dir, '..', '..', 'src', 'sdk')

function run(cmd: string[], cwd: string): string {
  const p = Bun.spawnSync(cmd, {
    cwd,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  })
  if (p.exitCode !== 0) throw new Error(`${cmd.join(' ')} failed (${p.exitCode}):\n${p.stdout}\n${p.stderr}`)
  return p.stdout.toString()
}

/** Pack the SDK and install the tarball into a fresh project; returns the project directory. */
export function packAndInstall(): { dir: string; tarball: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-sdk-consumer-'))
  const packDir = join(dir, 'pack')
  mkdirSync(packDir)
  run(['npm', 'pack', '--pack-destination', packDir], SDK_DIR)
  const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'))
  if (!tgz) throw new Error('npm pack produced no tarball')
  const tarball = join(packDir, tgz)
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  run(['npm', 'install', '--no-audit', '--no-fund', '--offline', tarball], dir)
  return { dir, tarball }
}
