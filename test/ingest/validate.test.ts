import { describe, expect, test } from 'bun:test'
import { validateEvent } from '../../src/ingest/validate'

const now = Date.UTC(2026, 10, 20, 12)
const opts = { now, maxEventAgeDays: 30 }
const base = { site_id: 'site_abc123', event_type: 'page_view', timestamp: now, session_id: 'session_123' }

function issues(v: unknown, o = opts) {
  const r = validateEvent(v, o)
  return r.ok ? [] : r.issues
}

describe('validateEvent', () => {
  test('accepts the seed event and normalises it', () => {
    const r = validateEvent(
      {
        ...base,
        user_id: 'user_123',
        url: 'https://example.com/products',
        referrer: '',
        country: 'us',
        device_type: 'desktop',
      },
      opts,
    )
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.row.country).toBe('US')
    expect(r.row.referrer).toBeNull()
    expect(r.row.url).toBe('https://example.com/products')
    expect(r.row.properties).toBeNull()
  })

  test('accepts a path as url (the SDK sends /products) and flat properties', () => {
    const r = validateEvent(
      { ...base, url: '/products', properties: { plan: 'premium', n: 2, ok: true, none: null } },
      opts,
    )
    expect(r.ok).toBe(true)
    if (r.ok) expect(JSON.parse(r.row.properties!)).toEqual({ plan: 'premium', n: 2, ok: true, none: null })
  })

  test('names an unknown field and suggests the snake_case one', () => {
    const [issue] = issues({ ...base, siteId: 'x' })
    expect(issue.path).toBe('$.siteId')
    expect(issue.message).toContain('did you mean "site_id"')
  })

  test('reports each missing required field with its path', () => {
    const paths = issues({}).map((i) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining(['$.site_id', '$.event_type', '$.timestamp', '$.session_id']),
    )
  })

  test.each([
    [{ timestamp: 1703001234 }, 'looks like seconds'],
    [{ timestamp: now - 31 * 86_400_000 }, 'within the last 30 days'],
    [{ timestamp: now + 6 * 60_000 }, '5 minutes in the future'],
    [{ timestamp: 1.5 }, 'integer'],
    [{ timestamp: '1703001234567' }, 'integer'],
    [{ country: 'USA' }, 'match'],
    [{ url: 'javascript:alert(1)' }, 'absolute http(s) URL'],
    [{ event_type: '' }, 'length'],
    [{ session_id: 'x'.repeat(129) }, 'length'],
    [{ properties: { nested: { a: 1 } } }, 'expected'],
    [{ properties: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, i])) }, 'properties'],
  ])('rejects %j', (patch, message) => {
    const found = issues({ ...base, ...patch })
    expect(found.length).toBeGreaterThan(0)
    expect(found.map((i) => i.message).join(' ')).toContain(message)
  })

  test('the timestamp window follows PULSE_MAX_EVENT_AGE_DAYS', () => {
    const old = { ...base, timestamp: now - 10 * 86_400_000 }
    expect(validateEvent(old, opts).ok).toBe(true)
    expect(validateEvent(old, { now, maxEventAgeDays: 7 }).ok).toBe(false)
  })

  test('prefixes paths inside a batch', () => {
    const [issue] = issues({ ...base, timestamp: 'x' }, { ...opts, path: '$.events[4]' } as never)
    expect(issue.path).toBe('$.events[4].timestamp')
  })

  test('a non-object is one issue at the root', () => {
    expect(issues([1, 2])).toEqual([{ path: '$', message: 'must be a JSON object' }])
  })
})

describe('clock skew', () => {
  test('a timestamp slightly ahead of the server clock is stored as the receive time', () => {
    const r = validateEvent({ ...base, timestamp: now + 60_000 }, opts)
    expect(r.ok && r.row.ts).toBe(now)
  })
})
