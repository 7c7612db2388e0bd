// The published document in strict tools: Redocly's recommended ruleset (its CLI, as a user runs it),
// @readme/openapi-parser, and Ajv (JSON Schema 2020-12, strict) over every schema; plus the properties
// generators rely on.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileErrors, validate } from '@readme/openapi-parser'
import { createTestApp, type TestApp } from '../helpers/app'
import { schemaChecker, schemasOf } from './schema-check'

let h: TestApp
let doc: any
let text: string
beforeAll(async () => {
  h = await createTestApp()
  text = await (await h.request('GET', '/openapi/json')).text()
  doc = JSON.parse(text)
})
afterAll(() => h.close())

/**
 * Warnings kept on purpose, each with its reason: none. (The fixed script URLs — `/tracker.js`, its
 * extras, Umami's `/script.js` — once had no 4XX answer; every route now declares the 413 of the
 * server's request limit, which they too give to a body over it.)
 */
const ACCEPTED_WARNINGS: string[] = []

describe('strict validators', () => {
  test("Redocly's recommended ruleset: no errors, and only the warnings accepted above", async () => {
    // The CLI (`redocly lint --extends=recommended`): its rules are newer than the library's
    // `@redocly/openapi-core` 1.x, which misses `no-unsafe-markdown` in code spans.
    const dir = mkdtempSync(join(tmpdir(), 'pulse-redocly-'))
    try {
      writeFileSync(join(dir, 'openapi.json'), text)
      const bin = join(import.meta.dir, '../../node_modules/.bin/redocly')
      const proc = Bun.spawn([bin, 'lint', 'openapi.json', '--extends=recommended', '--format=json'], {
        cwd: dir,
        env: {
          ...process.env,
          NO_COLOR: '1',
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        },
        stdout: 'pipe',
        stderr: 'pipe',
      })
      const out = await new Response(proc.stdout).text()
      await proc.exited
      const report = JSON.parse(out) as {
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[]
      }
      const errors = report.problems.filter((p) => p.severity === 'error')
      expect(errors.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([])
      expect(report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`)).toEqual(
        ACCEPTED_WARNINGS,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  test('@readme/openapi-parser validates it', async () => {
    const result = await validate(structuredClone(doc))
    if (!result.valid) throw new Error(compileErrors(result))
    expect(result.valid).toBe(true)
  })

  test('Ajv 2020-12 (strict) compiles every schema; no $id anywhere; only known formats', () => {
    const { compile } = schemaChecker(doc)
    const failures: string[] = []
    const all = schemasOf(doc)
    for (const [label, schema] of all)
      try {
        compile(schema)
      } catch (err) {
        failures.push(`${label}: ${err}`)
      }
    expect(failures).toEqual([])
    expect(all.length).toBeGreaterThan(100)
    expect(text).not.toContain('"$id"')
    expect(text).not.toContain('"patternProperties"')
    const formats = new Set([...text.matchAll(/"format":\s*"([^"]+)"/g)].map((m) => m[1]))
    expect([...formats].filter((f) => !['date-time', 'binary', 'date', 'uri', 'email'].includes(f))).toEqual(
      [],
    )
  })

  test('operation ids read well, servers point at this server, every example fits its schema', () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    )
    // Elysia's own ids (`getApiV1SitesBySite_id`) mean a route is missing from operation-ids.ts.
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]*$/.test(id) || /Api|By/.test(id))).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }])
    const { compile, errorsText } = schemaChecker(doc)
    const bad: string[] = []
    for (const [label, schema] of schemasOf(doc))
      for (const example of schema?.examples ?? []) {
        const fn = compile(schema)
        if (!fn(example)) bad.push(`${label}: ${errorsText(fn)}`)
      }
    expect(bad).toEqual([])
  })
})
