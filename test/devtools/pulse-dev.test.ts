// `pulse dev` as a real process: throwaway database, a dev site whose public key works from a localhost
// page, the snippet printed, one line per event with a warning for a near-duplicate property key.
import { expect, test } from 'bun:test'
import { join } from 'node:path'
import { EventLines } from '../../src/cli/event-line'

const ROOT = join(import.meta.dir, '../..')

test('pulse dev prints the snippet and each event as a line', async () => {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', 'dev', '--port', '0'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1' },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const reader = proc.stdout.getReader()
  let out = ''
  const until = async (re: RegExp) => {
    const deadline = Date.now() + 15_000
    while (!re.test(out) && Date.now() < deadline) {
      const r = await reader.read()
      if (r.done) break
      out += new TextDecoder().decode(r.value)
    }
    return re.exec(out)
  }
  try {
    const m = await until(/PULSE dev on (http:\/\/localhost:\d+)[\s\S]*public key (pk_\S+)/)
    expect(m).not.toBeNull()
    const [, base, pk] = m as RegExpExecArray
    expect(out).toContain('<script src=')
    expect(out).toContain('throwaway database')
    const send = (body: unknown, origin: string) =>
      fetch(`${base.replace('localhost', '127.0.0.1')}/collect?api_key=${pk}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin },
        body: JSON.stringify(body),
      })
    const ev = (type: string, properties: Record<string, unknown>) => ({
      site_id: 'dev',
      event_type: type,
      timestamp: Date.now(),
      session_id: 's1',
      url: 'http://localhost:5173/pricing',
      properties,
    })
    expect((await send(ev('signup', { plan_name: 'pro' }), 'http://localhost:5173')).status).toBe(200)
    expect((await send(ev('signup', { planName: 'pro' }), 'http://127.0.0.1:8080')).status).toBe(200)
    expect((await send(ev('signup', {}), 'https://evil.example')).status).toBe(403)
    await until(/differs only by case/)
    expect(out).toMatch(/signup\s+http:\/\/localhost:5173\/pricing\s+session=s1/)
    expect(out).toContain('property "planName" differs only by case')
  } finally {
    proc.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
  }
}, 30_000)

test('event lines strip control characters and warn on new types once types are known', () => {
  const lines = new EventLines({ eventTypes: ['signup'] })
  const base = {
    site_id: 'dev',
    session_id: 's',
    url: '/x\u202e',
    user_id: null,
    properties: null,
    received_at: 0,
  }
  expect(lines.format({ ...base, event_type: 'signup' } as never)).toBe(
    '00:00:00  signup        /x  session=s',
  )
  expect(lines.format({ ...base, event_type: 'sigup' } as never)).toContain('did you mean "signup"')
})
