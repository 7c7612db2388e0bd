// The published document in strict tools: Redocly's recommended ruleset, @readme/openapi-parser, and
// Ajv (JSON Schema 2020-12, strict) over every schema; plus the properties generators rely on.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { compileErrors, validate } from '@readme/openapi-parser'
import { createConfig, lintFromString } from '@redocly/openapi-core'
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
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config })
    const found = problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`)
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([])
    expect(found).toEqual(ACCEPTED_WARNINGS)
  }, 30_000)

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
