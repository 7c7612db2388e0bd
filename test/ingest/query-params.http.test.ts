// Unknown query parameters on the ingest endpoints (issue 9, defect 9): a client sending `?dry_run=true`
// gets a 422 naming it, and nothing is stored. `api_key` is the one parameter they take.
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { queryRows } from '../../src/db/rows'
import { createTestApp, event, type TestApp } from '../helpers/app'

let h: TestApp
let keys: { public_key: string; secret_key: string }

beforeEach(async () => {
  h = await createTestApp()
  keys = await h.site('site_a')
})
afterEach(() => h.close())

async function stored(): Promise<number> {
  await h.deps.buffer.flush()
  const [row] = await queryRows<{ n: number }>(h.deps.db.reader, 'SELECT count(*)::INTEGER AS n FROM events')
  return row.n
}

test('unknown query parameters on /collect and /collect/batch are a 422 naming them; nothing is stored', async () => {
  const one = await h.json('POST', '/collect?dryrun=true', { key: keys.secret_key, body: event('site_a') })
  expect(one.status).toBe(422)
  expect(one.body).toMatchObject({ success: false, status: 422 })
  expect(one.body.error).toContain('"dryrun"')
  expect(one.body.error).toContain('allowed are api_key, dry_run')
  expect(one.body.details).toEqual([{ path: '$.dryrun', message: expect.stringContaining('api_key') }])

  const batch = await h.json('POST', `/collect/batch?api_key=${keys.public_key}&validate=1&debug`, {
    body: { events: [event('site_a')] },
  })
  expect(batch.status).toBe(422)
  expect(batch.body.error).toContain('"validate", "debug"')
  expect(batch.body.details.map((d: { path: string }) => d.path)).toEqual(['$.validate', '$.debug'])
  expect(await stored()).toBe(0)

  // The parameters they take still work (dry_run: see test/devtools/dry-run.http.test.ts).
  const ok = await h.json('POST', `/collect?api_key=${keys.public_key}`, { body: event('site_a') })
  expect(ok.status).toBe(200)
  expect(await stored()).toBe(1)
})
