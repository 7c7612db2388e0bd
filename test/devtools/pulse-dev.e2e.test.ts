// The issue's "done when", tried as a new user would: `pulse dev` in one process, a page with the printed
// tracker snippet open on localhost in Chromium, and its page view printed in the terminal within a second.
import { expect, test } from 'bun:test'
import { join } from 'node:path'
import { launchChromium, servePages } from '../tracker/e2e-helpers'

test('a localhost page’s events appear in the pulse dev terminal', async () => {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', 'dev', '--port', '0'], {
    cwd: join(import.meta.dir, '../..'),
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1' },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const reader = proc.stdout.getReader()
  let out = ''
  // One read in flight at a time: a read that loses a race with the timer is kept, not dropped.
  let pending: ReturnType<typeof reader.read> | undefined
  const until = async (re: RegExp, ms: number) => {
    const deadline = Date.now() + ms
    while (!re.test(out) && Date.now() < deadline) {
      pending ??= reader.read()
      const r = await Promise.race([pending, Bun.sleep(100).then(() => undefined)])
      if (!r) continue
      pending = undefined
      if (r.done) break
      out += new TextDecoder().decode(r.value)
    }
    return re.exec(out)
  }
  const pages = servePages()
  const browser = await launchChromium()
  try {
    const m = await until(
      /<script src="([^"]+)\/tracker\.js"><\/script>\n\s*(<script>PULSE\.init[^\n]*<\/script>)/,
      15_000,
    )
    expect(m).not.toBeNull()
    const [, base, init] = m as RegExpExecArray
    const local = base.replace('localhost', '127.0.0.1')
    const url = pages.page(
      '/shop',
      `<!doctype html><title>shop</title>
      <script src="${local}/tracker.js"></script>${init.replace(base, local)}`,
    )
    const page = await browser.newPage()
    const t0 = Date.now()
    await page.goto(url)
    const line = await until(/page_view\s+http:\/\/127\.0\.0\.1:\d+\/shop/, 5000)
    expect(line).not.toBeNull()
    expect(Date.now() - t0).toBeLessThan(3000)
  } finally {
    await browser.close()
    pages.stop()
    proc.kill('SIGTERM')
    await proc.exited
  }
}, 40_000)
