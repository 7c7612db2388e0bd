// The reports' stats client passes a busy or unavailable answer on as one (429/503 with its Retry-After),
// so a scrape of /metrics during a slow flush is a 503 a scraper retries, not a 500; other refusals stay
// plain errors (a failed delivery attempt).
import { expect, test } from 'bun:test'
import { AppError } from '../../src/http/errors'
import { statsClient } from '../../src/reports/stats-client'

const answer =
  (status: number, headers: Record<string, string> = {}) =>
  async () =>
    new Response(JSON.stringify({ success: false, error: 'The database is busy', status }), {
      status,
      headers,
    })

test('503 and 429 are passed on with their Retry-After; a 400 stays an error', async () => {
  for (const [status, retry] of [
    [503, '2'],
    [429, '7'],
  ] as const) {
    const err = await statsClient(answer(status, { 'retry-after': retry }), 'token')(
      '/api/v1/stats',
      {},
    ).catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(status)
    expect((err as AppError).headers).toEqual({ 'retry-after': retry })
  }
  const plain = await statsClient(answer(400), 'token')('/api/v1/stats', {}).catch((e) => e)
  expect(plain).not.toBeInstanceOf(AppError)
  expect(String(plain)).toContain('answered 400')
})
