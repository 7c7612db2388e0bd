// Deleting a site takes its reports with it: no digest, alert rule or webhook of a deleted site is left
// to send, and a new site with the same id starts with none.
import { afterAll, beforeAll, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'

let h: TestApp
beforeAll(async () => {
  h = await createTestApp()
  await h.site('gone')
})
afterAll(() => h.close())

test('a deleted site leaves no digests, alert rules, webhooks or deliveries behind', async () => {
  const digest = await h.json('POST', '/api/v1/sites/gone/digests', {
    key: ADMIN_TOKEN,
    body: { email: 'owner@example.com', frequency: 'daily', hour: 9, timezone: 'UTC' },
  })
  expect(digest.status).toBe(201)
  const count = async (table: string) => {
    const r = await h.deps.db.reader.runAndReadAll(
      `SELECT count(*)::INTEGER FROM ${table} WHERE site_id = 'gone'`,
    )
    return Number(r.getRows()[0][0])
  }
  expect(await count('digests')).toBe(1)
  expect((await h.json('DELETE', '/api/v1/sites/gone', { key: ADMIN_TOKEN })).status).toBe(200)
  for (const table of ['digests', 'alert_rules', 'webhooks', 'deliveries']) expect(await count(table)).toBe(0)
  await h.site('gone')
  const list = await h.json('GET', '/api/v1/sites/gone/digests', { key: ADMIN_TOKEN })
  expect(list.status).toBe(200)
  expect(list.body.data).toEqual([])
})
