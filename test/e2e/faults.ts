// Shared pieces of the fault-injection tests: a small tmpfs to fill, an admin-made site, batches of
// distinct events, and counting what a real server process has stored.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ADMIN = 'fault-admin-token-0123456789'

/** Mount a tmpfs of `mb` MiB (CI and these machines run as root); returns its path and an unmount. */
export function smallDisk(mb: number): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir])
  return {
    dir,
    dispose() {
      try {
        execFileSync('umount', ['-l', dir])
      } catch {}
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Fill the file system holding `dir` to the last byte; returns the filler's path (delete it to free space). */
export function fillDisk(dir: string): string {
  const path = join(dir, 'filler')
  const st = statfsSync(dir)
  try {
    writeFileSync(path, new Uint8Array(Number(st.bavail) * Number(st.bsize)))
  } catch {}
  // Top off whatever is left in small pieces.
  for (let i = 0; i < 64; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), new Uint8Array(4096))
    } catch {
      break
    }
  }
  return path
}

/** Create a site through the admin API; returns its secret key. */
export async function createSiteKey(base: string, siteId: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: siteId }),
  })
  if (res.status !== 201) throw new Error(`site create failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { data: { secret_key: string } }).data.secret_key
}

/** A batch of `n` distinct events whose session ids start with `tag`. */
export function batch(siteId: string, tag: string, n: number) {
  return {
    events: Array.from({ length: n }, (_, i) => ({
      site_id: siteId,
      event_type: 'page_view',
      timestamp: Date.now() - 1000,
      session_id: `${tag}-${i}`,
      url: 'https://example.com/some/page/with/a/longer/path?and=query',
    })),
  }
}

/** POST a batch; returns the status and the parsed body (or the thrown error's name). */
export async function post(base: string, key: string, body: unknown): Promise<{ status: number; body: any }> {
  try {
    const res = await fetch(`${base}/collect/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {}
    return { status: res.status, body: parsed }
  } catch (err) {
    return { status: 0, body: (err as Error).name }
  }
}

/** The site's event count through the stats API (flushes first), or the failing status. */
export async function countEvents(
  base: string,
  key: string,
  siteId: string,
): Promise<{ status: number; value?: number }> {
  const res = await fetch(`${base}/api/v1/stats?site_id=${siteId}&metric=event_count&period=7d`, {
    headers: { authorization: `Bearer ${key}` },
  })
  if (res.status !== 200) return { status: res.status }
  return { status: 200, value: ((await res.json()) as { data: { value: number } }).data.value }
}

/** Poll `fn` until it returns true or `ms` pass. */
export async function eventually(fn: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await fn()) return true
    await Bun.sleep(100)
  }
  return false
}
