// Unit tests of the request-body guards: strict JSON (depth, duplicate keys), the body reader's limits
// (gzip on both sides, trickling bodies, UTF-8) and the per-IP bucket id.
import { describe, expect, test } from 'bun:test'
import { gzipSync } from 'node:zlib'
import { readJsonBody } from '../../src/http/body'
import { ipBucketId } from '../../src/http/client-ip'
import { AppError } from '../../src/http/errors'
import { findDuplicateKey, MAX_JSON_DEPTH, parseJsonStrict } from '../../src/http/json-guard'

function failure(fn: () => unknown): { status: number; message: string } | undefined {
  try {
    fn()
    return undefined
  } catch (err) {
    expect(err).toBeInstanceOf(AppError)
    return { status: (err as AppError).status, message: (err as AppError).message }
  }
}

describe('parseJsonStrict', () => {
  test('parses what JSON.parse parses, escapes and all', () => {
    const tricky = { 'a"b': 'x\\"y:', '\\': ['"', { '"': 1 }], k: 'v' }
    expect(parseJsonStrict(JSON.stringify(tricky))).toEqual(tricky)
    expect(parseJsonStrict(' {"a" : 1 ,\n "b":{"a":2}} ')).toEqual({ a: 1, b: { a: 2 } })
    expect(parseJsonStrict('"just a string"')).toBe('just a string')
    expect(parseJsonStrict('[{"a":1},{"a":1}]')).toEqual([{ a: 1 }, { a: 1 }])
  })

  test.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":1,"b":{"c":1,"c":1}}', 'c'],
    ['{"x":[{"a":1},{"a":1,"a":2}]}', 'a'],
    ['{"\\u0061":1,"a":2}', 'a'],
    ['{"__proto__":1,"__proto__":2}', '__proto__'],
  ])('refuses duplicate keys in %s (400, naming the key)', (text, key) => {
    expect(failure(() => parseJsonStrict(text))).toEqual({
      status: 400,
      message: `Request body has a duplicate key "${key}": each key may appear once per object`,
    })
    expect(findDuplicateKey(text)).toBe(key)
  })

  test('the same key in different objects, or as a value, is fine', () => {
    expect(parseJsonStrict('{"a":"a","b":{"a":"a"},"c":["a","a"]}')).toBeTruthy()
  })

  test(`refuses nesting deeper than ${MAX_JSON_DEPTH}, without recursion`, () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n)
    expect(parseJsonStrict(nest(MAX_JSON_DEPTH))).toBeTruthy()
    for (const n of [MAX_JSON_DEPTH + 1, 200_000])
      expect(failure(() => parseJsonStrict(nest(n)))?.status).toBe(400)
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`
    expect(failure(() => parseJsonStrict(objects))?.message).toContain('nested too deeply')
  })

  test('invalid JSON is a 400 with the parser message', () => {
    expect(failure(() => parseJsonStrict('{"a":'))?.message).toMatch(/^Request body is not valid JSON: /)
  })
})

describe('readJsonBody', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://localhost/collect', { method: 'POST', body, headers })
  const status = async (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (err) => (err as AppError).status,
    )

  test('gzip: a bomb is cut off after the limit decompressed; bad gzip is a 400', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 32))
    expect(bomb.byteLength).toBeLessThan(100_000)
    expect(await status(readJsonBody(post(bomb, { 'content-encoding': 'gzip' }), 1_048_576))).toBe(413)
    expect(await status(readJsonBody(post('not gzip', { 'content-encoding': 'gzip' }), 1_048_576))).toBe(400)
    const ok = gzipSync(JSON.stringify({ a: 1 }))
    expect(await readJsonBody(post(ok, { 'content-encoding': 'gzip' }), 1_048_576)).toEqual({ a: 1 })
  })

  test('gzip: the compressed side is bounded too (a stream of empty deflate blocks)', async () => {
    // Stored blocks of length 0 decompress to nothing: without a limit on the wire bytes, this never ends.
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
    const empty = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff])
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(header)
      },
      pull(c) {
        c.enqueue(Buffer.concat(Array(2000).fill(empty)))
      },
    })
    expect(await status(readJsonBody(post(stream, { 'content-encoding': 'gzip' }), 65_536))).toBe(413)
  })

  test('a body trickling in slower than the deadline is a 408 that closes the connection', async () => {
    const piece = new TextEncoder().encode(' ')
    const slow = new ReadableStream<Uint8Array>({
      async pull(c) {
        await Bun.sleep(20)
        c.enqueue(piece)
      },
    })
    const err = await readJsonBody(post(slow), 1_048_576, { deadlineMs: 100 }).catch((e) => e as AppError)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(408)
    expect((err as AppError).headers).toEqual({ connection: 'close' })
  })

  test('bytes that are not UTF-8 are a 400; a UTF-8 BOM is fine', async () => {
    const bad = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])
    expect(await status(readJsonBody(post(bad), 1024))).toBe(400)
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":1}')])
    expect(await readJsonBody(post(bom), 1024)).toEqual({ a: 1 })
  })
})

describe('ipBucketId', () => {
  test.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['not-an-ip:::', 'not-an-ip:::'],
  ])('%s → %s', (address, id) => {
    expect(ipBucketId(address)).toBe(id)
  })
})
