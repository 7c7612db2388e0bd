// The compiled `pulse` binary, copied alone into an empty directory and run with an empty environment
// (no Node, Bun or node_modules reachable): first start prints the token and demo site, the seed calls
// work, the tracker, dashboard and offline API docs are served, and the CLI in the same file manages
// sites of the running server. Then the same binary in a bare root (only it and the libraries `ldd`
// lists), as a container image would hold it. Started with `env -i`, it gives itself the worker pool
// it needs (src/cli/thread-pool.ts) and logs no warning about it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnUntil } from '../helpers/server'
import { binaryPath } from './binary-path'

const root = mkdtempSync(join(tmpdir(), 'pulse-binary-'))
const procs: { kill(sig?: number | NodeJS.Signals): void }[] = []
let bin: string

beforeAll(async () => {
  const built = await binaryPath()
  mkdirSync(join(root, 'alone'))
  bin = join(root, 'alone', 'pulse')
  copyFileSync(built, bin)
  chmodSync(bin, 0o755)
}, 120_000)
afterAll(() => {
  for (const p of procs) p.kill('SIGKILL')
  rmSync(root, { recursive: true, force: true })
})

const port = () => 20_000 + Math.floor(Math.random() * 30_000)
const CLEAN = { PATH: '/nonexistent', HOME: '/nonexistent' }

/** Start `cmd` and wait for its banner; returns the process and its base URL. */
async function start(cmd: string[], cwd: string, p: number) {
  const s = await spawnUntil(
    cmd,
    { cwd, env: { ...CLEAN, PORT: String(p), HOST: '127.0.0.1', PULSE_LOG_LEVEL: 'warn' } },
    /secret key: sk_/,
  )
  procs.push(s.proc)
  return { proc: s.proc, url: `http://127.0.0.1:${p}`, out: s.out }
}

describe('the binary, alone in an empty directory', () => {
  test('starts, answers the seed calls, serves tracker, dashboard and docs; its CLI manages the running server', async () => {
    const cwd = join(root, 'alone')
    const s = await start(['./pulse'], cwd, port())
    const secret = /secret key: (sk_\S+)/.exec(s.out())?.[1]
    expect(s.out()).toMatch(/Admin token \(saved in .*alone\/data\/admin-token\)/)
    const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
    const one = await fetch(`${s.url}/collect`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        site_id: 'site_abc123',
        event_type: 'page_view',
        timestamp: Date.now(),
        session_id: 's1',
      }),
    })
    expect(await one.json()).toEqual({ success: true, data: { accepted: 1 } })
    const stats = await fetch(`${s.url}/api/v1/stats?site_id=site_abc123&metric=event_count`, {
      headers: auth,
    })
    expect((await stats.json()).data).toMatchObject({ metric: 'event_count', value: 1 })
    // The embedded GeoIP file: a server forwarding its visitor's address gets the country filled.
    const fwd = await fetch(`${s.url}/collect`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        site_id: 'site_abc123',
        event_type: 'page_view',
        timestamp: Date.now(),
        session_id: 's2',
        ip: '81.2.69.142',
      }),
    })
    expect(fwd.status).toBe(200)
    const countries = await fetch(`${s.url}/api/v1/stats/breakdown?site_id=site_abc123&dimension=country`, {
      headers: auth,
    })
    expect((await countries.json()).data.rows).toContainEqual({ key: 'GB', value: 1 })

    const tracker = await fetch(`${s.url}/tracker.js`)
    expect(await tracker.text()).toContain('PULSE')
    const page = await (await fetch(`${s.url}/`)).text()
    const js = /src="(\/dashboard\/app\.js\?v=[^"]+)"/.exec(page)?.[1]
    expect((await fetch(`${s.url}${js}`)).status).toBe(200)
    expect(await (await fetch(`${s.url}/openapi`)).text()).toContain('/openapi/scalar.js')
    expect((await fetch(`${s.url}/openapi/scalar.js`)).headers.get('content-length')).toMatch(/^\d{7}$/)

    const cli = (args: string[]) => Bun.spawnSync(['./pulse', ...args], { cwd, env: CLEAN })
    const created = cli(['sites', 'create', 'from_cli', '--json'])
    expect(created.exitCode).toBe(0)
    const site = JSON.parse(created.stdout.toString())
    const r = await fetch(`${s.url}/api/v1/stats?site_id=from_cli&metric=event_count`, {
      headers: { authorization: `Bearer ${site.secret_key}` },
    })
    expect(r.status).toBe(200)
    expect(cli(['version']).stdout.toString()).toMatch(/^pulse \d+\.\d+\.\d+/)
    // The container HEALTHCHECK command.
    expect(cli(['health', '--host', '127.0.0.1', '--port', new URL(s.url).port]).exitCode).toBe(0)

    s.proc.kill('SIGTERM')
    expect(await s.proc.exited).toBe(0)
  })

  test('env -i from an empty directory: it gives itself the worker pool (no warning), SIGINT exits 0', async () => {
    const cwd = mkdtempSync(join(root, 'empty-'))
    const s = await spawnUntil(
      ['/usr/bin/env', '-i', bin, '--port', String(port()), '--host', '127.0.0.1'],
      { cwd, env: {} },
      /secret key: sk_/,
    )
    const { proc } = s
    procs.push(proc)
    // The same process (env and the re-execution both exec in place), now with the variable set.
    const environ = readFileSync(`/proc/${proc.pid}/environ`, 'utf8').split('\0')
    expect(environ.find((v) => v.startsWith('UV_THREADPOOL_SIZE='))).toBeDefined()
    expect(readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').split('\0')[0]).toBe(bin)
    proc.kill('SIGINT')
    expect(await proc.exited).toBe(0)
    expect(s.err()).toContain('"signal":"SIGINT"')
    expect(s.err()).not.toContain('worker thread pool too small')
  })
})

const isRoot = process.getuid?.() === 0
describe.skipIf(!isRoot)('the binary in a bare root (what the container image holds)', () => {
  test('runs under chroot with only the libraries ldd lists', async () => {
    const bare = join(root, 'bare')
    mkdirSync(join(bare, 'tmp'), { recursive: true, mode: 0o1777 })
    mkdirSync(join(bare, 'proc'))
    copyFileSync(bin, join(bare, 'pulse'))
    chmodSync(join(bare, 'pulse'), 0o755)
    // The binary's own libraries plus those of the DuckDB library it embeds and loads at start.
    const lib = Bun.resolveSync('@duckdb/node-bindings-linux-x64/package.json', import.meta.dir)
    const libs = new Set<string>()
    for (const f of [bin, join(dirname(lib), 'libduckdb.so')]) {
      const out = Bun.spawnSync(['ldd', f]).stdout.toString()
      for (const m of out.matchAll(/(\/\S+) \(0x/g)) libs.add(m[1])
    }
    for (const l of libs) {
      mkdirSync(join(bare, dirname(l)), { recursive: true })
      copyFileSync(l, join(bare, l))
    }
    // A container has /proc (Bun reads its own executable through it): a private mount and pid namespace
    // give the bare root one without touching the host's mounts.
    const s = await start(
      [
        '/usr/bin/unshare',
        '--mount',
        '--pid',
        '--fork',
        '--kill-child=SIGTERM',
        `--mount-proc=${join(bare, 'proc')}`,
        '/usr/sbin/chroot',
        bare,
        '/pulse',
        '--data-dir',
        '/data',
      ],
      root,
      port(),
    )
    expect(s.out()).toContain('Demo site site_abc123 is ready')
    expect((await fetch(`${s.url}/health`)).status).toBe(200)
    expect((await fetch(`${s.url}/tracker.js`)).status).toBe(200)
    // Stop the server itself (unshare's child) the way a container runtime would: SIGTERM to it.
    const child = Number(readFileSync(`/proc/${s.proc.pid}/task/${s.proc.pid}/children`, 'utf8').trim())
    process.kill(child, 'SIGTERM')
    await s.proc.exited
    expect(s.proc.exitCode).toBe(0)
  })
})
