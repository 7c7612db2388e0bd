// The dashboard's zip builder (src/dashboard/client/zip.ts), read back by Info-ZIP's `unzip` (Debian's
// /usr/bin/unzip): it tests every entry's CRC and gives back every file byte for byte.
import { afterAll, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildZip, crc32 } from '../../src/dashboard/client/zip'

const dir = mkdtempSync(join(tmpdir(), 'pulse-zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const unzip = (...args: string[]) => {
  const r = Bun.spawnSync(['unzip', ...args], { env: { ...process.env, LC_ALL: 'C.UTF-8' } })
  return { code: r.exitCode, out: r.stdout.toString() }
}

test('CRC-32 of the standard check string', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
})

test('unzip tests the archive and gives every file back unchanged', () => {
  const files = [
    { name: 'site-visitors.csv', data: 'time,value\r\n2026-11-20T00:00:00Z,3\r\n' },
    { name: 'site-pages.csv', data: 'key,value\r\n"/a,b",2\r\n' },
    { name: 'größe.csv', data: new Uint8Array([0, 1, 2, 255]) },
    { name: 'empty.csv', data: '' },
  ]
  const path = join(dir, 'view.zip')
  writeFileSync(path, buildZip(files))
  expect(unzip('-tq', path).code).toBe(0)
  for (const f of files) {
    const r = Bun.spawnSync(['unzip', '-p', path, f.name], { env: { ...process.env, LC_ALL: 'C.UTF-8' } })
    const want = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data
    expect(new Uint8Array(r.stdout)).toEqual(want)
  }
  expect(unzip('-Z1', path).out.trim().split('\n')).toEqual(files.map((f) => f.name))
})
