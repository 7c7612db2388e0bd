// A hostile access log through the import route and through `pulse import`'s parts: a byte that is not
// UTF-8, a UTF-8 sequence cut short, a cut-off line, control bytes and a wrong month. Everything else is
// imported, and each bad line is reported with its number; the file never fails as a whole.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AdminOps } from '../../src/cli/admin-ops'
import { importFile } from '../../src/cli/transfer'
import { queryRows } from '../../src/db/rows'
import { splitLines } from '../../src/imports/lines'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

const UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36'
const line = (path: string, ua = UA, time = '10/Feb/2024:13:55:36 +0000') =>
  `203.0.113.7 - - [${time}] "GET ${path} HTTP/1.1" 200 512 "-" "${ua}"`

const enc = new TextEncoder()
/** A line whose User-Agent ends in raw `bytes` (not text), and the column of the first of them. */
function withBytes(path: string, ua: string, bytes: number[]): [Uint8Array, number] {
  const head = enc.encode(line(path, ua).slice(0, -1))
  return [new Uint8Array([...head, ...bytes, 0x22]), head.length + 1]
}
const [latin1, latin1At] = withBytes('/latin1', 'Mozilla/5.0 (Macintosh) Caf', [0xe9])
const [short, shortAt] = withBytes('/short-sequence', 'Mozilla/5.0 (X11) Euro ', [0xe2, 0x82])
const ansi = line('/three', `${UA}\u001b[31m`)
const nul = `${line('/nul')}\u0000`

/** The log, one entry per line; `Uint8Array` entries are lines of raw bytes. */
const LINES: (string | Uint8Array)[] = [
  line('/one'),
  latin1,
  line('/two'),
  '203.0.113.7 - - [10/Feb/2024:13:55:36 +0000] "GET /cut HTTP/1.1" 200 5',
  ansi,
  line('/wrong-month', UA, '10/Foo/2024:13:55:36 +0000'),
  short,
  line('/four', UA, '11/Feb/2024:09:00:00 +0000'),
  nul,
  line('/five', UA, '11/Feb/2024:09:00:01 +0000'),
]
const BYTES = (() => {
  const parts = LINES.map((l) => (typeof l === 'string' ? enc.encode(l) : l))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    out[p.length + at] = 0x0a
    at += p.length + 1
  }
  return out
})()
const EXPECTED_ISSUES = [
  { line: 2, message: `not valid UTF-8 (byte 0xe9 at column ${latin1At})` },
  { line: 4, message: 'not a combined-format log line' },
  { line: 5, message: `control byte 0x1b at column ${ansi.indexOf('\u001b') + 1}` },
  { line: 6, message: 'bad time 10/Foo/2024:13:55:36 +0000' },
  { line: 7, message: `not valid UTF-8 (byte 0xe2 at column ${shortAt})` },
  { line: 9, message: `control byte 0x00 at column ${nul.length}` },
]

let h: TestApp
beforeAll(async () => {
  h = await createTestApp()
  await h.site('hostile')
})
afterAll(() => h.close())

const paths = async () =>
  (
    await queryRows<{ url: string }>(
      h.deps.db.reader,
      "SELECT url FROM events WHERE site_id = 'hostile' ORDER BY ts, url",
    )
  ).map((r) => r.url)

describe('a hostile access log', () => {
  test('lines are split on bytes; a line that is not UTF-8 is unreadable, the others keep their offsets', () => {
    const lines = [...splitLines(BYTES, 100)]
    expect(lines).toHaveLength(LINES.length)
    expect(lines.map((l) => 'unreadable' in l)).toEqual(LINES.map((_, i) => i === 1 || i === 6))
    expect(lines[2]).toMatchObject({ lineNo: 3, text: line('/two') })
    // The byte offset of line 3: lines 1 and 2 in bytes, each with its newline, after the base.
    expect(lines[2].offset).toBe(
      100 + enc.encode(line('/one')).length + 1 + (LINES[1] as Uint8Array).length + 1,
    )
  })

  test('through the route: everything else is imported, each bad line reported with its number', async () => {
    const res = await h.app.handle(
      new Request('http://localhost/api/v1/admin/imports?source=combined&site_id=hostile', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' },
        body: BYTES,
      }),
    )
    expect(res.status).toBe(200)
    const r = ((await res.json()) as { data: Record<string, any> }).data
    expect(r).toMatchObject({ imported: 4, invalid: 6, ignored: 0, skipped: 0, issues: EXPECTED_ISSUES })
    expect(r.reasons.invalid).toBe(6)
    expect(await paths()).toEqual(['/one', '/two', '/four', '/five'])
  })

  test('through pulse import in small parts: the same counts, the file’s own line numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pulse-hostile-'))
    try {
      const file = join(dir, 'access.log')
      writeFileSync(file, BYTES)
      const ops = {
        via: 'database',
        request: (method: string, path: string, body?: BodyInit, headers?: Record<string, string>) =>
          h.app.handle(
            new Request(`http://localhost${path}`, {
              method,
              body,
              headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
            }),
          ),
      } as AdminOps
      await h.site('hostile2')
      const r = await importFile(ops, file, { source: 'combined', siteId: 'hostile2', partBytes: 600 })
      expect(r).toMatchObject({ imported: 4, invalid: 6, issues: EXPECTED_ISSUES })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
