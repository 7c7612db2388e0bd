// The hostile-input catalogue (issue 5, item 7): malformed and hostile requests, each with the response
// it must get. Every refusal is a 4xx in the error envelope, none is a 5xx, the server stays healthy, and
// the stored events change only by the valid ones. Cases that need a real socket (lying Content-Length,
// slow and stalled bodies, limits enforced by Bun itself) are in catalogue.socket.test.ts.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { gzipSync } from 'node:zlib'
import { queryRows } from '../../src/db/rows'
import { ADMIN_TOKEN, createTestApp, event, T0, type TestApp } from '../helpers/app'

let h: TestApp
/** Keys, filled in beforeAll: `a` and `b` are sites; `revoked` was a secret key of `a`. */
const k = { aSecret: '', aPublic: '', bSecret: '', bPublic: '', revoked: '' }
const ev = (overrides: Record<string, unknown> = {}) => event('site_a', overrides)
const evText = (overrides: Record<string, unknown> = {}) => JSON.stringify(ev(overrides))
/** A valid event's JSON with `raw` spliced in as the last member. */
const evWith = (raw: string) => evText().replace(/}$/, `,${raw}}`)

interface Send {
  key?: string | null
  type?: string | null
  headers?: Record<string, string>
}

function request(method: string, path: string, body: BodyInit | undefined, opts: Send = {}): Request {
  const headers: Record<string, string> = { ...opts.headers }
  const key = opts.key === undefined ? k.aSecret : opts.key
  if (key !== null) headers.authorization = `Bearer ${key}`
  const type = opts.type === undefined ? 'application/json' : opts.type
  if (type !== null && body !== undefined) headers['content-type'] = type
  return new Request(`http://localhost${path}`, { method, headers, body })
}
const collect = (body: BodyInit, opts?: Send) => request('POST', '/collect', body, opts)
const batch = (body: BodyInit, opts?: Send) => request('POST', '/collect/batch', body, opts)
const get = (path: string, key: string | null = k.aSecret) => request('GET', path, undefined, { key })
const stats = (query: string, key: string | null = k.aSecret) => get(`/api/v1/stats?${query}`, key)

interface Case {
  name: string
  send: () => Request
  status: number
  /** The error message (refusals) — what the client is told. */
  error?: RegExp
  /** Events this request stores (a 200 from an ingest endpoint); checked against `data.accepted`. */
  stored?: number
  /** Further checks on the parsed body. */
  check?: (body: any) => void
}

const MB = 1_048_576

const transport: Case[] = [
  { name: 'empty body', send: () => collect(''), status: 400, error: /body is empty/ },
  { name: 'whitespace-only body', send: () => collect(' \n\t '), status: 400, error: /body is empty/ },
  {
    name: 'Content-Length declaring 10 GB (rejected before reading)',
    send: () => collect(evText(), { headers: { 'content-length': '10000000000' } }),
    status: 413,
    error: /at most 1048576 bytes/,
  },
  {
    name: 'body 1 byte over the limit',
    send: () => collect(evText().padEnd(MB + 1, ' ')),
    status: 413,
    error: /too large/,
  },
  {
    name: 'streamed body over the limit without Content-Length',
    send: () =>
      collect(
        new ReadableStream({
          pull(c) {
            c.enqueue(new Uint8Array(64 * 1024).fill(32))
          },
        }),
      ),
    status: 413,
    error: /too large/,
  },
  {
    name: 'gzip bomb: 20 KB that inflates to 20 MB',
    send: () =>
      collect(gzipSync(Buffer.from(evText().padEnd(20 * MB, ' '))), {
        headers: { 'content-encoding': 'gzip' },
      }),
    status: 413,
    error: /too large/,
  },
  {
    name: 'gzip header on a body that is not gzip',
    send: () => collect(evText(), { headers: { 'content-encoding': 'gzip' } }),
    status: 400,
    error: /not valid gzip/,
  },
  {
    name: 'truncated gzip',
    send: () => collect(gzipSync(evText()).subarray(0, 20), { headers: { 'content-encoding': 'gzip' } }),
    status: 400,
    error: /not valid gzip/,
  },
  {
    name: 'valid gzip (control)',
    send: () => collect(gzipSync(evText()), { headers: { 'content-encoding': 'gzip' } }),
    status: 200,
    stored: 1,
  },
  {
    name: 'unsupported Content-Encoding: br',
    send: () => collect(evText(), { headers: { 'content-encoding': 'br' } }),
    status: 415,
    error: /Unsupported Content-Encoding: br/,
  },
  {
    name: 'Content-Type application/xml',
    send: () => collect('<event/>', { type: 'application/xml' }),
    status: 415,
    error: /Content-Type must be application\/json/,
  },
  {
    name: 'Content-Type multipart/form-data',
    send: () => collect(evText(), { type: 'multipart/form-data; boundary=x' }),
    status: 415,
    error: /Content-Type/,
  },
  {
    name: 'Content-Type application/jsonx (prefix trick)',
    send: () => collect(evText(), { type: 'application/jsonx' }),
    status: 415,
    error: /Content-Type/,
  },
  {
    name: 'no Content-Type: read as JSON (curl and beacons omit it)',
    send: () => collect(evText(), { type: null }),
    status: 200,
    stored: 1,
  },
  {
    name: 'text/plain JSON from a browser (no preflight)',
    send: () => collect(evText(), { type: 'text/plain;charset=UTF-8' }),
    status: 200,
    stored: 1,
  },
  {
    name: 'bytes that are not UTF-8',
    send: () =>
      collect(Buffer.concat([Buffer.from(evText().slice(0, -1)), Buffer.from(',"x":"\xff\xfe"}', 'latin1')])),
    status: 400,
    error: /not valid UTF-8/,
  },
]

const json: Case[] = [
  {
    name: 'invalid JSON (truncated)',
    send: () => collect(evText().slice(0, -5)),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'trailing garbage after the object',
    send: () => collect(`${evText()} x`),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'single-quoted JSON',
    send: () => collect("{'site_id':'site_a'}"),
    status: 400,
    error: /not valid JSON/,
  },
  {
    name: 'top-level array',
    send: () => collect(`[${evText()}]`),
    status: 422,
    error: /must be a JSON object/,
  },
  {
    name: 'top-level string',
    send: () => collect('"page_view"'),
    status: 422,
    error: /must be a JSON object/,
  },
  { name: 'top-level null', send: () => collect('null'), status: 422, error: /must be a JSON object/ },
  {
    name: 'deep nesting (100 000 levels)',
    send: () => collect(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    status: 400,
    error: /nested too deeply/,
  },
  {
    name: 'deep nesting inside properties',
    send: () => collect(evWith(`"properties":${'{"a":'.repeat(50)}1${'}'.repeat(50)}`)),
    status: 400,
    error: /nested too deeply/,
  },
  {
    name: 'huge array (200 000 numbers) as the event',
    send: () => collect(`[${Array(200_000).fill(1).join(',')}]`),
    status: 422,
    error: /must be a JSON object/,
  },
  {
    name: 'duplicate keys (site_id twice: which one would win?)',
    send: () => collect(evWith('"site_id":"site_b"')),
    status: 400,
    error: /duplicate key "site_id"/,
  },
  {
    name: 'duplicate keys inside properties',
    send: () => collect(evWith('"properties":{"plan":"a","plan":"b"}')),
    status: 400,
    error: /duplicate key "plan"/,
  },
  {
    name: 'lone surrogate in event_type',
    send: () => collect(evText().replace('"page_view"', '"page\\ud800view"')),
    status: 422,
    error: /\$\.event_type: must be valid Unicode/,
  },
  {
    name: 'lone surrogate in a property value',
    send: () => collect(evWith('"properties":{"name":"\\udfff"}')),
    status: 422,
    error: /\$\.properties\.name: must be valid Unicode/,
  },
  {
    name: 'NUL character in session_id',
    send: () => collect(evText().replace('"session_123"', '"session\\u0000123"')),
    status: 422,
    error: /\$\.session_id: must not contain NUL/,
  },
  {
    name: 'NUL character in a property name',
    send: () => collect(evWith('"properties":{"a\\u0000":1}')),
    status: 422,
    error: /must not contain NUL/,
  },
  {
    name: '__proto__ as an event field',
    send: () => collect(evWith('"__proto__":{"polluted":true}')),
    status: 422,
    error: /unknown field "__proto__"/,
  },
  {
    name: '__proto__ as a property name',
    send: () => collect(evWith('"properties":{"__proto__":"x"}')),
    status: 422,
    error: /\$\.properties\.__proto__: is a reserved name/,
  },
  {
    name: 'constructor.prototype in the batch envelope',
    send: () => batch(`{"events":[${evText()}],"constructor":{"prototype":{"polluted":true}}}`),
    status: 422,
    error: /unknown field "constructor"/,
  },
  {
    name: 'timestamp 1e309 (parses as Infinity)',
    send: () => collect(evText().replace(/"timestamp":\d+/, '"timestamp":1e309')),
    status: 422,
    error: /\$\.timestamp: expected integer/,
  },
  {
    name: 'property value -1e309',
    send: () => collect(evWith('"properties":{"amount":-1e309}')),
    status: 422,
    error: /\$\.properties\.amount: expected a string, a finite number/,
  },
  {
    name: 'timestamp 1e300 (finite, absurd)',
    send: () => collect(evText().replace(/"timestamp":\d+/, '"timestamp":1e300')),
    status: 422,
    error: /\$\.timestamp/,
  },
]

const schema: Case[] = [
  {
    name: 'missing site_id',
    send: () => collect(evText({ site_id: undefined })),
    status: 422,
    error: /\$\.site_id: is required/,
  },
  {
    name: 'empty event_type',
    send: () => collect(evText({ event_type: '' })),
    status: 422,
    error: /\$\.event_type/,
  },
  {
    name: 'timestamp as a string',
    send: () => collect(evText({ timestamp: String(T0) })),
    status: 422,
    error: /\$\.timestamp: expected integer/,
  },
  {
    name: 'session_id as a number',
    send: () => collect(evText({ session_id: 42 })),
    status: 422,
    error: /\$\.session_id/,
  },
  {
    name: 'user_id as an object',
    send: () => collect(evText({ user_id: { id: 1 } })),
    status: 422,
    error: /\$\.user_id/,
  },
  {
    name: 'timestamp in seconds',
    send: () => collect(evText({ timestamp: Math.floor(T0 / 1000) })),
    status: 422,
    error: /looks like seconds/,
  },
  {
    name: 'negative timestamp',
    send: () => collect(evText({ timestamp: -1 })),
    status: 422,
    error: /within the last 30 days/,
  },
  {
    name: 'fractional timestamp',
    send: () => collect(evText({ timestamp: T0 + 0.5 })),
    status: 422,
    error: /expected integer/,
  },
  {
    name: 'timestamp 31 days old',
    send: () => collect(evText({ timestamp: T0 - 31 * 86_400_000 })),
    status: 422,
    error: /within the last 30 days/,
  },
  {
    name: 'timestamp 10 minutes ahead',
    send: () => collect(evText({ timestamp: T0 + 600_000 })),
    status: 422,
    error: /more than 5 minutes in the future/,
  },
  {
    name: 'url of 3000 characters',
    send: () => collect(evText({ url: `https://example.com/${'a'.repeat(3000)}` })),
    status: 422,
    error: /\$\.url: expected string length less or equal to 2048/,
  },
  {
    name: 'javascript: url',
    send: () => collect(evText({ url: 'javascript:alert(1)' })),
    status: 422,
    error: /\$\.url: must be an absolute http\(s\) URL/,
  },
  {
    name: 'session_id of 100 000 characters',
    send: () => collect(evText({ session_id: 's'.repeat(100_000) })),
    status: 422,
    error: /\$\.session_id/,
  },
  {
    name: 'properties with 40 keys',
    send: () =>
      collect(evText({ properties: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i])) })),
    status: 422,
    error: /no more than 32 properties/,
  },
  {
    name: 'property value of 600 characters',
    send: () => collect(evText({ properties: { note: 'x'.repeat(600) } })),
    status: 422,
    error: /\$\.properties\.note/,
  },
  {
    name: 'property name of 100 characters',
    send: () => collect(evText({ properties: { ['n'.repeat(100)]: 1 } })),
    status: 422,
    error: /property names must be 1 to 64 characters/,
  },
  {
    name: 'empty property name',
    send: () => collect(evText({ properties: { '': 1 } })),
    status: 422,
    error: /property names/,
  },
  {
    name: 'nested object as a property value',
    send: () => collect(evText({ properties: { user: { admin: true } } })),
    status: 422,
    error: /\$\.properties\.user/,
  },
  {
    name: 'country "USA"',
    send: () => collect(evText({ country: 'USA' })),
    status: 422,
    error: /\$\.country/,
  },
  {
    name: 'camelCase field siteId',
    send: () => collect(evText({ site_id: undefined, siteId: 'site_a' })),
    status: 422,
    error: /did you mean "site_id"/,
  },
  {
    name: "event for another site with this site's key",
    send: () => collect(JSON.stringify(event('site_b'))),
    status: 403,
    error: /not allowed to send events for site site_b/,
  },
  {
    name: 'SQL in every text field is stored as text (control)',
    send: () =>
      collect(
        evText({ event_type: "x'); DROP TABLE events; --", user_id: "' OR 1=1 --", url: "/'; SELECT 1; --" }),
      ),
    status: 200,
    stored: 1,
  },
]

const batches: Case[] = [
  {
    name: 'empty batch',
    send: () => batch('{"events":[]}'),
    status: 422,
    error: /\$\.events must not be empty/,
  },
  {
    name: 'batch of 1001 events (limit 1000)',
    send: () => batch(JSON.stringify({ events: Array(1001).fill(ev()) })),
    status: 413,
    error: /at most 1000/,
  },
  {
    name: 'batch of 300 000 tiny items',
    send: () => batch(`{"events":[${Array(300_000).fill(0).join(',')}]}`),
    status: 413,
    error: /at most 1000/,
  },
  {
    name: 'events is not an array',
    send: () => batch('{"events":{"0":{}}}'),
    status: 422,
    error: /must be an array/,
  },
  { name: 'no events field', send: () => batch('{"event":[]}'), status: 422, error: /unknown field "event"/ },
  {
    name: 'batch body is an array',
    send: () => batch(`[${evText()}]`),
    status: 422,
    error: /must be an object/,
  },
  {
    name: 'one bad event among good ones: the good ones are stored',
    send: () =>
      batch(JSON.stringify({ events: [ev(), ev({ timestamp: 'now' }), ev({ event_type: 'click' })] })),
    status: 200,
    stored: 2,
    check: (b) => expect(b.data.rejected.map((r: { index: number }) => r.index)).toEqual([1]),
  },
  {
    name: 'every event bad: 200 with nothing stored and every index listed',
    send: () => batch(JSON.stringify({ events: [null, 42, 'x', [], ev({ session_id: '' })] })),
    status: 200,
    stored: 0,
    check: (b) => expect(b.data.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4]),
  },
  {
    name: "another site's event among good ones: the whole batch is refused",
    send: () => batch(JSON.stringify({ events: [ev(), event('site_b'), ev()] })),
    status: 403,
    error: /site site_b/,
  },
]

const auth: Case[] = [
  { name: 'no key', send: () => collect(evText(), { key: null }), status: 401, error: /Missing API key/ },
  {
    name: 'Basic instead of Bearer',
    send: () => collect(evText(), { key: null, headers: { authorization: `Basic ${btoa('a:b')}` } }),
    status: 401,
    error: /Malformed Authorization header/,
  },
  {
    name: 'Bearer without a key',
    send: () => collect(evText(), { key: null, headers: { authorization: 'Bearer ' } }),
    status: 401,
    error: /Malformed Authorization header/,
  },
  {
    name: 'two tokens in the header',
    send: () =>
      collect(evText(), { key: null, headers: { authorization: `Bearer ${k.aSecret} ${k.bSecret}` } }),
    status: 401,
    error: /Malformed Authorization header/,
  },
  {
    name: 'key of 10 000 characters',
    send: () => collect(evText(), { key: `sk_${'a'.repeat(10_000)}` }),
    status: 401,
  },
  {
    name: 'unknown key',
    send: () => collect(evText(), { key: 'sk_not_a_real_key_000000000000' }),
    status: 401,
    error: /Invalid API key/,
  },
  {
    name: 'revoked key',
    send: () => collect(evText(), { key: k.revoked }),
    status: 401,
    error: /Invalid API key/,
  },
  {
    name: 'public key of 10 000 characters in the query',
    send: () => request('POST', `/collect?api_key=pk_${'a'.repeat(10_000)}`, evText(), { key: null }),
    status: 401,
  },
  {
    name: 'api_key in the batch body is not a string',
    send: () => batch(JSON.stringify({ events: [ev()], api_key: 12345 }), { key: null }),
    status: 401,
    error: /Missing API key/,
  },
  {
    name: 'wrong kind: secret key in the query string',
    send: () => request('POST', `/collect?api_key=${k.aSecret}`, evText(), { key: null }),
    status: 403,
    error: /secret key must be sent in the Authorization header/,
  },
  {
    name: 'wrong kind: public key reading stats',
    send: () => stats('site_id=site_a', k.aPublic),
    status: 403,
    error: /public key may only send events/,
  },
  {
    name: "another site's public key",
    send: () => collect(evText(), { key: k.bPublic }),
    status: 403,
    error: /not allowed to send events for site site_a/,
  },
  {
    name: "another site's secret key reading stats",
    send: () => stats('site_id=site_a', k.bSecret),
    status: 403,
    error: /not allowed to read site site_a/,
  },
  {
    name: 'the admin token cannot send events',
    send: () => collect(evText(), { key: ADMIN_TOKEN }),
    status: 401,
    error: /Invalid API key/,
  },
]

const statsCases: Case[] = [
  {
    name: 'stats: SQL in site_id (admin token: no such site)',
    send: () => stats(`site_id=${encodeURIComponent("site_a' OR '1'='1")}`, ADMIN_TOKEN),
    status: 404,
    error: /Unknown site/,
  },
  {
    name: 'stats: SQL in site_id (secret key: not its site)',
    send: () => stats(`site_id=${encodeURIComponent("site_a'; DROP TABLE events; --")}`),
    status: 403,
  },
  {
    name: 'stats: SQL in metric',
    send: () => stats(`site_id=site_a&metric=${encodeURIComponent('count(*) FROM events; --')}`),
    status: 422,
    error: /Unknown metric/,
  },
  {
    name: 'stats: SQL in period',
    send: () => stats(`site_id=site_a&period=${encodeURIComponent("24h' OR 1=1")}`),
    status: 422,
    error: /period/,
  },
  {
    name: 'stats: absurd period 99999d',
    send: () => stats('site_id=site_a&period=99999d'),
    status: 422,
    error: /period/,
  },
  {
    name: 'stats: metric of 10 000 characters',
    send: () => stats(`site_id=site_a&metric=${'m'.repeat(10_000)}`),
    status: 422,
  },
  {
    name: 'stats: site_id of 10 000 characters',
    send: () => stats(`site_id=${'s'.repeat(10_000)}`),
    status: 422,
  },
  { name: 'stats: no site_id', send: () => stats('metric=event_count'), status: 422, error: /site_id/ },
  { name: 'stats: site_id as an array', send: () => stats('site_id[]=site_a'), status: 422 },
  { name: 'stats: NUL in site_id', send: () => stats('site_id=site_a%00', ADMIN_TOKEN), status: 404 },
  {
    name: 'stats: broken percent-encoding',
    send: () => stats('site_id=site_a%E0%A4%A', ADMIN_TOKEN),
    status: 404,
  },
  {
    name: 'privacy: SQL as the user id deletes nothing',
    send: () =>
      request('DELETE', `/api/v1/users/${encodeURIComponent("' OR '1'='1")}?site_id=site_a`, undefined),
    status: 200,
    check: (b) => expect(b.data.deleted).toBe(0),
  },
]

const enc = encodeURIComponent
const analytics: Case[] = [
  {
    name: 'breakdown: limit 100 000 (at most 1000)',
    send: () => get('/api/v1/stats/breakdown?site_id=site_a&dimension=url&limit=100000'),
    status: 422,
    error: /less or equal to 1000/,
  },
  {
    name: 'breakdown: limit -1',
    send: () => get('/api/v1/stats/breakdown?site_id=site_a&dimension=url&limit=-1'),
    status: 422,
    error: /greater or equal to 1/,
  },
  {
    name: 'breakdown: offset 10^12',
    send: () => get('/api/v1/stats/breakdown?site_id=site_a&dimension=url&offset=1000000000000'),
    status: 422,
  },
  {
    name: 'breakdown: limit "abc"',
    send: () => get('/api/v1/stats/breakdown?site_id=site_a&dimension=url&limit=abc'),
    status: 422,
  },
  {
    name: 'breakdown: SQL in dimension',
    send: () => get(`/api/v1/stats/breakdown?site_id=site_a&dimension=${enc('url; DROP TABLE events')}`),
    status: 422,
    error: /Unknown dimension/,
  },
  {
    name: 'breakdown: SQL in a property dimension',
    send: () => get(`/api/v1/stats/breakdown?site_id=site_a&dimension=${enc("property:a' OR 1=1")}`),
    status: 422,
  },
  {
    name: 'realtime: limit 10^6 (at most 100)',
    send: () => get('/api/v1/stats/realtime?site_id=site_a&limit=1000000'),
    status: 422,
  },
  { name: 'events: limit 0', send: () => get('/api/v1/events?site_id=site_a&limit=0'), status: 422 },
  {
    name: 'events: SQL in cursor',
    send: () => get(`/api/v1/events?site_id=site_a&cursor=${enc("' OR 1=1 --")}`),
    status: 422,
    error: /Invalid cursor/,
  },
  {
    name: 'events: SQL in a property filter name',
    send: () => get(`/api/v1/events?site_id=site_a&${enc("property.x' OR 1=1--")}=1`),
    status: 422,
    error: /Invalid filter/,
  },
  {
    name: 'events: SQL in a filter value matches nothing',
    send: () => get(`/api/v1/events?site_id=site_a&user_id=${enc("' OR '1'='1")}`),
    status: 200,
    check: (b) => expect(b.data.events).toEqual([]),
  },
  {
    name: 'stats: from after to',
    send: () => stats('site_id=site_a&from=2026-11-20&to=2026-11-01'),
    status: 422,
    error: /from must be before to/,
  },
  {
    name: 'stats: range from year 1 to 9999',
    send: () => stats('site_id=site_a&from=0001-01-01&to=9999-12-31'),
    status: 422,
  },
  { name: 'stats: from=1e309', send: () => stats('site_id=site_a&from=1e309&to=2'), status: 422 },
  {
    name: 'stats: SQL in timezone',
    send: () => stats(`site_id=site_a&timezone=${enc("UTC'; SELECT 1; --")}`),
    status: 422,
    error: /Unknown timezone/,
  },
  {
    name: 'timeseries: minute buckets over 90 days',
    send: () => get('/api/v1/stats/timeseries?site_id=site_a&interval=minute&period=90d'),
    status: 422,
    error: /Too many minute buckets/,
  },
  {
    name: 'timeseries: hour buckets since 2000',
    send: () => get('/api/v1/stats/timeseries?site_id=site_a&interval=hour&from=2000-01-01&to=2026-11-20'),
    status: 422,
  },
  {
    name: 'retention: SQL in interval',
    send: () => get(`/api/v1/retention?site_id=site_a&interval=${enc("day'--")}`),
    status: 422,
  },
  { name: 'export: format "exe"', send: () => get('/api/v1/export?site_id=site_a&format=exe'), status: 422 },
  {
    name: 'funnels: 1000 steps (at most 10)',
    send: () =>
      request(
        'POST',
        '/api/v1/funnels',
        JSON.stringify({ site_id: 'site_a', steps: Array(1000).fill({ event_type: 'x' }) }),
      ),
    status: 422,
  },
  {
    name: 'funnels: SQL in a step matches nothing',
    send: () =>
      request(
        'POST',
        '/api/v1/funnels',
        JSON.stringify({
          site_id: 'site_a',
          steps: [{ event_type: "' OR 1=1 --" }, { event_type: 'page_view' }],
        }),
      ),
    status: 200,
    check: (b) => expect(b.data.steps[0].sessions).toBe(0),
  },
]

const admin: Case[] = [
  {
    name: 'admin: 1 MB body without the token',
    send: () =>
      request('POST', '/api/v1/sites', JSON.stringify({ name: 'x'.repeat(MB - 100) }), { key: null }),
    status: 401,
  },
  {
    name: 'admin: __proto__ in the create-site body',
    send: () =>
      request('POST', '/api/v1/sites', '{"site_id":"site_z","__proto__":{"polluted":true}}', {
        key: ADMIN_TOKEN,
      }),
    status: 422,
  },
  {
    name: 'admin: site_id with SQL',
    send: () =>
      request('POST', '/api/v1/sites', JSON.stringify({ site_id: "x'); DROP TABLE sites; --" }), {
        key: ADMIN_TOKEN,
      }),
    status: 422,
  },
]

export const CATALOGUE = { transport, json, schema, batches, auth, stats: statsCases, analytics, admin }

let expectedStored = 0
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort()

beforeAll(async () => {
  h = await createTestApp()
  const a = await h.site('site_a')
  const b = await h.site('site_b')
  Object.assign(k, {
    aSecret: a.secret_key,
    aPublic: a.public_key,
    bSecret: b.secret_key,
    bPublic: b.public_key,
  })
  const extra = await h.json('POST', '/api/v1/sites/site_a/keys', {
    key: ADMIN_TOKEN,
    body: { kind: 'secret' },
  })
  k.revoked = extra.body.data.key
  await h.json('DELETE', `/api/v1/sites/site_a/keys/${extra.body.data.key_id}`, { key: ADMIN_TOKEN })
})
afterAll(() => h.close())

describe.each(Object.entries(CATALOGUE))('%s', (_group, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await h.app.handle(c.send())
    const text = await res.text()
    expect(res.status).toBe(c.status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = JSON.parse(text)
    if (c.status >= 400) {
      expect(body).toEqual({
        success: false,
        error: expect.any(String),
        status: c.status,
        ...(body.details ? { details: expect.any(Array) } : {}),
      })
      if (c.error) expect(body.error).toMatch(c.error)
    } else {
      expect(body.success).toBe(true)
      if (c.stored !== undefined) {
        expect(body.data.accepted).toBe(c.stored)
        expectedStored += c.stored
      }
    }
    c.check?.(body)
  })
})

describe('stats endpoints: an injection attempt in every query parameter', () => {
  const PAYLOADS = ["' OR '1'='1", '1; DROP TABLE events; --', "x') UNION SELECT * FROM api_keys --"]

  test('never a 5xx; refusals in the envelope; a 200 only where the text is a legitimate filter value', async () => {
    const doc = (await h.json('GET', '/openapi/json')).body as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: any }[] }>
      >
    }
    const outcomes: string[] = []
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/') || path.includes('{') || !ops.get) continue
      const params = (ops.get.parameters ?? []).filter((p) => p.in === 'query')
      const base = new URLSearchParams({ site_id: 'site_a' })
      for (const p of params)
        if (p.required && p.name !== 'site_id')
          base.set(p.name, String(p.schema?.examples?.[0] ?? p.schema?.enum?.[0] ?? 'x'))
      for (const p of params)
        for (const payload of PAYLOADS) {
          const q = new URLSearchParams(base)
          q.set(p.name, payload)
          const res = await h.app.handle(get(`${path}?${q}`))
          expect({ path, param: p.name, status: res.status < 500 }).toEqual({
            path,
            param: p.name,
            status: true,
          })
          const type = res.headers.get('content-type') ?? ''
          if (res.status >= 400 || type.startsWith('application/json')) {
            const body = await res.json()
            expect(body.success).toBe(res.status < 400)
            if (res.status >= 400) expect(body.status).toBe(res.status)
          } else if (type.startsWith('text/event-stream'))
            await res.body?.cancel() // never ends by itself
          else await res.arrayBuffer()
          outcomes.push(`${path} ${p.name} ${res.status}`)
        }
    }
    // Every parameter of every endpoint was tried (the seed endpoint alone has more than ten).
    expect(outcomes.length).toBeGreaterThan(30)
  })
})

describe('after the catalogue', () => {
  test('at least 40 cases', () => {
    expect(Object.values(CATALOGUE).flat().length).toBeGreaterThanOrEqual(40)
  })

  test('the server is healthy', async () => {
    const health = await h.json('GET', '/health')
    expect(health.status).toBe(200)
    expect(health.body.status).toBe('ok')
  })

  test('exactly the valid events were stored, the SQL-looking one as plain text', async () => {
    await h.deps.buffer.flush()
    const [row] = await queryRows<{ n: number }>(h.deps.db.reader, 'SELECT count(*) AS n FROM events')
    expect(row.n).toBe(expectedStored)
    expect(expectedStored).toBe(6)
    const [sql] = await queryRows<{ event_type: string }>(
      h.deps.db.reader,
      'SELECT event_type FROM events WHERE user_id = $1',
      ["' OR 1=1 --"],
    )
    expect(sql.event_type).toBe("x'); DROP TABLE events; --")
    const stats = await h.json('GET', '/api/v1/stats?site_id=site_a&metric=event_count&period=24h', {
      key: k.aSecret,
    })
    expect(stats.body.data.value).toBe(expectedStored)
  })

  test('nothing reached Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
