// A damaged database file at start, on a tmpfs made for the test, in both durability modes: the server
// refuses to start with a clear message and the exact recovery commands, changes nothing in the data
// directory, `pulse check` says what the write-ahead log holds, and `pulse restore BACKUP --replay-log`
// then a start bring back the backup plus the log's newer events, each exactly once.
import { describe, expect, test } from 'bun:test'
import { createHash } from 'node:crypto'
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN, batch, createSiteKey, post } from '../e2e/faults'
import { startServer } from '../helpers/server'
import { diskSupport, makeDisk } from './disks'

const ROOT = new URL('../..', import.meta.url).pathname
const support = diskSupport().tmpfs
if (support !== true) console.log(`damaged-database tests skipped: ${support}`)

/** Every file under `dir` with its size and hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else out[p] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir)
  return out
}

function pulse(args: string[]) {
  const r = Bun.spawnSync([process.execPath, 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PULSE_LOG_LEVEL: 'warn', PULSE_ADMIN_TOKEN: ADMIN },
  })
  return { code: r.exitCode, out: r.stdout.toString() + r.stderr.toString() }
}

async function count(url: string, key: string, metric: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/stats?site_id=dmg&metric=${metric}&period=7d`, {
    headers: { authorization: `Bearer ${key}` },
  })
  return ((await res.json()) as { data: { value: number } }).data.value
}

for (const mode of ['fsync', 'none'] as const)
  describe.skipIf(support !== true)(`damaged database file at start (${mode})`, () => {
    test('clear refusal with the recovery commands, nothing touched; restore + log replay recovers', async () => {
      const disk = makeDisk('tmpfs', 64)
      const backup = join(mkdtempSync(join(tmpdir(), 'pulse-bk-')), 'backup.duckdb')
      const dataDir = join(disk.dir, 'data')
      const env = {
        PULSE_DATA_DIR: dataDir,
        PULSE_ADMIN_TOKEN: ADMIN,
        PULSE_DURABILITY: mode,
        PULSE_FLUSH_INTERVAL_MS: '50',
        PULSE_RATE_LIMIT_PER_MINUTE: '0',
      }
      let server = await startServer(env)
      try {
        const key = await createSiteKey(server.url, 'dmg')
        for (let b = 0; b < 3; b++)
          expect((await post(server.url, key, batch('dmg', `a${b}`, 300))).status).toBe(200)
        const res = await fetch(`${server.url}/api/v1/admin/backup`, {
          headers: { authorization: `Bearer ${ADMIN}` },
        })
        expect(res.status).toBe(200)
        await Bun.write(backup, res)
        for (let b = 0; b < 3; b++)
          expect((await post(server.url, key, batch('dmg', `b${b}`, 300))).status).toBe(200)
        await Bun.sleep(300) // flushed into the database file (and so damaged with it)
        // fsync: the disk dies under the server (its log keeps every acknowledged event); none: a clean stop.
        const code = await server.stop(mode === 'fsync' ? 'SIGKILL' : 'SIGTERM')
        if (mode === 'none') expect(code).toBe(0)

        // Damage the database file's header block.
        const fd = openSync(join(dataDir, 'pulse.duckdb'), 'r+')
        writeSync(fd, Buffer.alloc(64, 0xab), 0, 64, 4096 + 8)
        closeSync(fd)
        const before = snapshot(dataDir)

        const failed = await startServer(env).then(
          (s) => {
            server = s
            return ''
          },
          (err: Error) => err.message,
        )
        expect(failed).toMatch(/the database file .* is damaged/)
        expect(failed).toMatch(/pulse restore BACKUP_FILE --data-dir .* --replay-log/)
        expect(failed).not.toMatch(/\n\s+at /)
        expect(snapshot(dataDir)).toEqual(before)

        const check = pulse(['check', '--data-dir', dataDir])
        expect(check.code).not.toBe(0)
        expect(check.out).toMatch(/damaged/)
        if (mode === 'fsync') expect(check.out).toMatch(/write-ahead log: .*events in/)

        const restored = pulse(['restore', backup, '--data-dir', dataDir, '--replay-log'])
        expect(restored.code).toBe(0)
        expect(restored.out).toMatch(mode === 'fsync' ? /the next start writes \d+ events/ : /lost/)
        expect(readdirSync(dataDir).some((f) => f.startsWith('pulse.duckdb.damaged-'))).toBe(true)

        server = await startServer(env)
        const expected = mode === 'fsync' ? 1800 : 900
        expect(await count(server.url, key, 'event_count')).toBe(expected)
        expect(await count(server.url, key, 'unique_sessions')).toBe(expected)
        expect(await server.stop('SIGTERM')).toBe(0)
      } finally {
        await server.stop('SIGKILL')
        rmSync(backup, { force: true })
        disk.dispose()
      }
    })
  })
