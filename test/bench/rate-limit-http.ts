// The HTTP half of the rate-limiter benchmark: the real server with the per-IP limit on and one trusted
// proxy, loaded in a closed loop where every request comes from a new X-Forwarded-For address. Samples
// requests/s and the server's RSS once a second.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Connection } from './http-client'
import { startPulse } from './processes'

const ADMIN = 'bench-admin-token-0123456789'
const SITE = 'site_bench'

/** One second of the HTTP run. */
export interface HttpSample {
  second: number
  perSec: number
  rssMb: number
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** Run the server from `root` and flood it with new addresses for `seconds`. */
export async function runHttpFlood(o: { root: string; seconds: number; connections?: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pulse-bench-ratelimit-'))
  const server = await startPulse({
    dataDir,
    adminToken: ADMIN,
    durability: 'none',
    root: o.root,
    env: { PULSE_IP_RATE_LIMIT_PER_MINUTE: '600', PULSE_TRUSTED_PROXIES: '1' },
  })
  try {
    const res = await fetch(`${server.url}/api/v1/sites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ site_id: SITE }),
    })
    if (res.status !== 201) throw new Error(`creating the site answered ${res.status}: ${await res.text()}`)
    const key = ((await res.json()) as { data: { public_key: string } }).data.public_key
    const body = JSON.stringify({
      site_id: SITE,
      event_type: 'page_view',
      timestamp: Date.now(),
      session_id: 's1',
      url: '/',
    })
    const head = `POST /collect HTTP/1.1\r\nHost: ${server.host}:${server.port}\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    let n = 0
    const request = () => {
      const i = n++
      const ip = `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`
      return Buffer.from(`${head}X-Forwarded-For: ${ip}\r\n\r\n${body}`)
    }

    const statuses: Record<string, number> = {}
    let done = 0
    let running = true
    const conns: Connection[] = []
    for (let c = 0; c < (o.connections ?? 32); c++)
      conns.push(await Connection.open(server.host, server.port))
    const loop = (c: Connection) => {
      if (!running || !c.alive) return
      c.send(request(), (status) => {
        if (!running) return // closed at the end of the run
        statuses[status] = (statuses[status] ?? 0) + 1
        done++
        loop(c)
      })
    }
    for (const c of conns) loop(c)
    const samples: HttpSample[] = []
    let last = done
    for (let s = 1; s <= o.seconds; s++) {
      const t0 = performance.now()
      await Bun.sleep(1000)
      const now = done
      samples.push({
        second: s,
        perSec: ((now - last) * 1000) / (performance.now() - t0),
        rssMb: rssMb(server.pid),
      })
      last = now
    }
    running = false
    for (const c of conns) c.close()
    return { requests: done, statuses, samples }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
