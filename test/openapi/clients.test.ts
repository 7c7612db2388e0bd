// Generated clients, as a user would make them from /openapi/json with the generators' own CLIs:
// openapi-typescript + openapi-fetch, @hey-api/openapi-ts and oazapfts (docs/clients.md has the
// commands). Each is generated once into a temporary directory; a program in that client's own calling
// style calls every operation of the document (written from client-calls.ts) and reads a field of each
// answer into a variable of its exact type, with no cast; all three compile under `tsc --strict`, then
// each runs against its own real server process and must read the same values.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../helpers/server'
import { CALLS, type Call } from './client-calls'

type Json = any
const ROOT = join(import.meta.dir, '../..')
const BIN = join(ROOT, 'node_modules/.bin')
const ADMIN = 'clients-admin-token-0123456789'
const GENERATORS = ['openapi-fetch', 'hey-api', 'oazapfts'] as const
type Generator = (typeof GENERATORS)[number]
let dir: string
let doc: Json
const servers: Partial<Record<Generator, RunningServer>> = {}
const dataDirs: string[] = []

/** Run a generator's CLI; throws with its output when it fails. */
async function run(cmd: string[]) {
  const proc = Bun.spawn(cmd, {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  if ((await proc.exited) !== 0)
    throw new Error(
      `${cmd[0]} failed:\n${await new Response(proc.stdout).text()}\n${await new Response(proc.stderr).text()}`,
    )
}

/** A server of its own for each generator's program (each creates the same site and first account). */
function start(g: Generator): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `pulse-clients-${g}-`))
  dataDirs.push(dataDir)
  return startServer({
    PULSE_DATA_DIR: dataDir,
    PULSE_ADMIN_TOKEN: ADMIN,
    PULSE_IP_RATE_LIMIT_PER_MINUTE: '1000000',
    PULSE_BOT_BURST_PER_MINUTE: '0',
  }).then((s) => {
    servers[g] = s
    return s
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pulse-clients-'))
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  const starting = GENERATORS.map(start)
  // The clients are generated from the first server's document while the others start.
  const generating = starting[0].then(async (first) => {
    const text = await (await fetch(`${first.url}/openapi/json`)).text()
    writeFileSync(join(dir, 'openapi.json'), text)
    doc = JSON.parse(text)
    // The commands of docs/clients.md.
    await Promise.all([
      run([join(BIN, 'openapi-typescript'), 'openapi.json', '-o', 'openapi-typescript.d.ts']),
      run([join(BIN, 'openapi-ts'), '-i', 'openapi.json', '-o', 'hey', '-c', '@hey-api/client-fetch']),
      run([join(BIN, 'oazapfts'), 'openapi.json', 'oazapfts.ts', '--argumentStyle=object']),
    ])
    const oazapftsArgs = argumentNames(readFileSync(join(dir, 'oazapfts.ts'), 'utf8'))
    for (const g of GENERATORS) writeFileSync(join(dir, `use-${g}.ts`), program(g, oazapftsArgs))
  })
  await Promise.all([...starting, generating])
}, 120_000)
afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.stop('SIGKILL')))
  for (const d of [dir, ...dataDirs]) rmSync(d, { recursive: true, force: true })
})

/** The operation with id `id`: method, path and what it answers. */
function operation(id: string): { method: string; path: string; op: Json } {
  for (const [path, item] of Object.entries(doc.paths) as [string, Json][])
    for (const [method, op] of Object.entries(item) as [string, Json][])
      if (op.operationId === id) return { method, path, op }
  throw new Error(`no operation ${id}`)
}

/** oazapfts (object style) names each function's arguments: `{ siteId, createGoalBody }`. */
function argumentNames(source: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const m of source.matchAll(/export function (\w+)\(\{ ([^}]*) \}/g))
    out[m[1]] = m[2].split(',').map((s) => s.trim())
  return out
}

/** A value as code: `$name` → `ids.name`, `@now-N` → `Date.now() - N`. */
function code(value: unknown): string {
  return JSON.stringify(value)
    .replace(/"\$(\w+)"/g, 'ids.$1')
    .replace(/"@now-(\d+)"/g, '(Date.now() - $1)')
}

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())

/** The call of `c` in `g`'s style: an expression giving the client's result `r`. */
function callExpression(g: Generator, c: Call, oazapftsArgs: Record<string, string[]>): string {
  const { method, path } = operation(c.op)
  const headers = `hdr(${JSON.stringify(c.caller ?? 'admin')}, ${JSON.stringify(c.extraHeaders ?? {})})`
  const textBody = typeof c.body === 'string'
  const parseAs = g === 'hey-api' && fileLike(c.op) ? 'blob' : c.as
  if (g === 'openapi-fetch') {
    const params = [c.path && `path: ${code(c.path)}`, c.query && `query: ${code(c.query)}`].filter(Boolean)
    const opts = [
      params.length ? `params: { ${params.join(', ')} }` : '',
      c.body !== undefined ? `body: ${code(c.body)}` : '',
      // A text body goes as it is, not through JSON.stringify.
      textBody ? 'bodySerializer: (b: string) => b' : '',
      `headers: ${textBody ? `{ ...${headers}, 'content-type': 'text/plain' }` : headers}`,
      parseAs ? `parseAs: '${parseAs}'` : '',
    ].filter(Boolean)
    return `await c.${method.toUpperCase()}('${path}', { ${opts.join(', ')} })`
  }
  if (g === 'hey-api') {
    const opts = [
      'client',
      c.path && `path: ${code(c.path)}`,
      c.query && `query: ${code(c.query)}`,
      c.body !== undefined && `body: ${code(c.body)}`,
      `headers: ${headers}`,
      parseAs && parseAs !== 'stream' && `parseAs: '${parseAs}'`,
    ].filter(Boolean)
    return `await hey.${c.op}({ ${opts.join(', ')} })`
  }
  const names = oazapftsArgs[c.op] ?? []
  const { op } = operation(c.op)
  const paramNames = new Set<string>((op.parameters ?? []).map((p: Json) => p.name))
  const arg = (name: string) => names.find((n) => n === camel(name) || n === `$${camel(name)}`) ?? name
  const fields = Object.entries({ ...c.path, ...c.query }).map(([k, v]) => `${arg(k)}: ${code(v)}`)
  const bodyName = names.find((n) => ![...paramNames].some((p) => n === camel(p) || n === `$${camel(p)}`))
  if (c.body !== undefined) fields.push(`${bodyName}: ${code(c.body)}`)
  const opts = `{ headers: ${headers}${parseAs === 'stream' ? ', signal: AbortSignal.timeout(300)' : ''} }`
  const call = names.length ? `oaz.${c.op}({ ${fields.join(', ')} }, ${opts})` : `oaz.${c.op}(${opts})`
  // oazapfts reads the whole body of the never-ending stream: it is cut off after 300 ms.
  return parseAs === 'stream' ? `await ${call}.catch((e: unknown) => e)` : `await ${call}`
}

/** @hey-api/openapi-ts types some text answers as files (`Blob | File`): scripts among them. */
function fileLike(id: string): boolean {
  const { op } = operation(id)
  const types = Object.values(op.responses).flatMap((r: Json) => Object.keys(r.content ?? {}))
  return types.includes('text/javascript')
}

/** The statements of one call: send, check the status, read the field, keep ids. */
function statements(g: Generator, c: Call, oazapftsArgs: Record<string, string[]>): string {
  const { op } = operation(c.op)
  const expected = c.status ?? Number(Object.keys(op.responses).find((s) => s.startsWith('2')))
  const status = {
    oazapfts: 'r.status',
    'hey-api': 'r.response?.status',
    'openapi-fetch': 'r.response.status',
  }[g]
  const lines = [`const r = ${callExpression(g, c, oazapftsArgs)}`]
  if (c.as === 'stream') {
    // The live stream never ends: the call is answered once its first event (or its headers) arrive.
    if (g === 'openapi-fetch') lines.push('await r.response.body?.cancel()')
    else if (g === 'hey-api') lines.push('for await (const e of r.stream) if (e) break')
    lines.push(`out.${c.op} = 'called'`)
    return `{\n  ${lines.join('\n  ')}\n}`
  }
  lines.push(`if (${status} !== ${expected}) throw new Error('${c.op}: ' + ${status})`)
  if (c.status !== undefined) {
    // An expected refusal: the error envelope is read.
    lines.push(
      g === 'oazapfts' ? 'const e = r.data' : `if (r.error === undefined) throw new Error('${c.op}')`,
    )
    lines.push(
      `const v: string = noAny(${g === 'oazapfts' ? 'e' : 'r.error'}.error)`,
      `out.${c.op} = ${status}`,
    )
    return `{\n  ${lines.join('\n  ')}\n}`
  }
  if (g !== 'oazapfts') lines.push(`if (r.data === undefined) throw new Error('${c.op}: no data')`)
  const envelope = !c.raw && !c.as
  lines.push(`const d = r.data${envelope ? '.data' : ''}`)
  const [expr, type, out] =
    c.readFor?.[g] ??
    c.read ??
    (c.as === 'blob' || (g === 'hey-api' && fileLike(c.op))
      ? ['d', 'Blob', 'v.size > 0']
      : c.as
        ? ['d', 'string', 'v.length > 0']
        : ['d', 'unknown'])
  lines.push(`const v: ${type} = noAny(${expr})`, `out.${c.op} = ${out ?? 'v'}`)
  for (const [name, field] of Object.entries(c.keep ?? {})) {
    if (field === 'SET_COOKIE')
      lines.push(
        `ids.${name} = (${g === 'oazapfts' ? 'r.headers' : 'r.response.headers'}.get('set-cookie') ?? '').split(';')[0]`,
      )
    else if (field === 'UNSUBSCRIBE_TOKEN')
      lines.push(`ids.${name} = decodeURIComponent(/unsubscribe\\?token=([^"&<\\s]+)/.exec(v)?.[1] ?? '')`)
    else lines.push(`ids.${name} = d.${field}`)
  }
  return `{\n  ${lines.join('\n  ')}\n}`
}

const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

/** The program for generator `g`: `run(baseUrl, admin)` calls every operation and returns what it read. */
function program(g: Generator, oazapftsArgs: Record<string, string[]>): string {
  const setup = {
    'openapi-fetch': `import createClient from 'openapi-fetch'
import type { paths } from './openapi-typescript'`,
    'hey-api': `import { createClient } from './hey/client'
import * as hey from './hey/sdk.gen'`,
    oazapfts: `import * as oaz from './oazapfts'`,
  }[g]
  const client = {
    // The property filters are one form-exploded object parameter (`?property.plan=pro`); openapi-fetch
    // serialises objects as deepObject unless told (docs/clients.md).
    'openapi-fetch':
      "const c = createClient<paths>({ baseUrl, querySerializer: { object: { style: 'form', explode: true } } })",
    'hey-api': 'const client = createClient({ baseUrl })',
    oazapfts: 'oaz.defaults.baseUrl = baseUrl',
  }[g]
  return `${setup}
/** Refuses the top type that turns checking off (every read below would compile with it). */
function noAny<T>(v: T & (0 extends 1 & T ? never : unknown)): T {
  return v
}
export async function run(baseUrl: string, admin: string): Promise<Record<string, unknown>> {
  ${client}
  const ids: Record<string, string> = {}
  const out: Record<string, unknown> = {}
  const hdr = (who: string, extra: Record<string, string>): Record<string, string> => ({
    'user-agent': '${UA}',
    ...(who === 'admin' ? { authorization: 'Bearer ' + admin } : {}),
    ...(who === 'sk' ? { authorization: 'Bearer ' + ids.sk } : {}),
    ...(who === 'cookie' ? { cookie: ids.cookie, origin: baseUrl } : {}),
    ...extra,
  })
${CALLS.map((c) => statements(g, c, oazapftsArgs)).join('\n')}
  return out
}
`
}

describe('generated clients', () => {
  test('the programs call every operation of the document, with no casts', () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, Json>).map((op) => op.operationId as string),
    )
    expect(ids.filter((id) => !CALLS.some((c) => c.op === id))).toEqual([])
    for (const g of GENERATORS) {
      const text = readFileSync(join(dir, `use-${g}.ts`), 'utf8')
      expect({ g, casts: text.replace(/^import .*$/gm, '').match(/\bas\s+\w|\bany\b|\w!\./g) }).toEqual({
        g,
        casts: null,
      })
    }
  })

  test('all three compile under tsc --strict', () => {
    const out = Bun.spawnSync(
      [
        join(BIN, 'tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'esnext',
        '--moduleResolution',
        'bundler',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom,dom.iterable,dom.asynciterable',
        '--types',
        'node',
        ...GENERATORS.map((g) => `use-${g}.ts`),
      ],
      { cwd: dir },
    )
    expect(`${out.stdout}${out.stderr}`).toBe('')
  }, 120_000)

  test('each program runs against the real server and reads the same values', async () => {
    const reads = await Promise.all(
      GENERATORS.map(async (g) => (await import(join(dir, `use-${g}.ts`))).run(servers[g]?.url, ADMIN)),
    )
    const [first, ...rest] = reads
    for (const [i, r] of rest.entries())
      expect({ generator: GENERATORS[i + 1], reads: r }).toEqual({
        generator: GENERATORS[i + 1],
        reads: first,
      })
    // What follows from the calls themselves (ingest counts, a funnel of the two sessions, one import).
    expect(first).toMatchObject({
      collectEvent: 1,
      collectBatch: 2,
      getStats: 2,
      getBreakdown: 1,
      getFunnel: [2, 1],
      listEvents: 2,
      runSql: ['one'],
      callMcp: '2.0',
      createImport: 1,
      deleteImport: 1,
      eraseUser: 1,
      rotateAdminToken: 409,
      listReadKeys: [{ country: 'DE' }],
      deleteSite: true,
    })
  }, 120_000)
})
