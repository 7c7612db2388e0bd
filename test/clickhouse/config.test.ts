// PULSE_CLICKHOUSE_* and PULSE_NODE_ID: unset leaves DuckDB alone; set, they are validated with messages
// that name the variable; a ClickHouse that cannot be reached at start-up is named with its address and
// the network's reason (a real connection refused by a closed local port; no chDB needed).
import { describe, expect, test } from 'bun:test'
import { createServer } from 'node:net'
import { ConfigError, loadConfig } from '../../src/config'
import { createTestApp } from '../helpers/app'

/** A local port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as { port: number }).port
  await new Promise((resolve) => s.close(resolve))
  return port
}

describe('ClickHouse configuration', () => {
  test('without PULSE_CLICKHOUSE_URL nothing changes', () => {
    expect(loadConfig({}).clickhouse).toBeUndefined()
    expect(loadConfig({}).nodeId).toBeUndefined()
  })

  test('an HTTP URL or chdb:<dir>, with user, password and database (default pulse)', () => {
    expect(loadConfig({ PULSE_CLICKHOUSE_URL: 'http://ch:8123' }).clickhouse).toEqual({
      url: 'http://ch:8123',
      user: undefined,
      password: undefined,
      database: 'pulse',
    })
    expect(
      loadConfig({
        PULSE_CLICKHOUSE_URL: 'chdb:./data/ch',
        PULSE_CLICKHOUSE_USER: 'u',
        PULSE_CLICKHOUSE_PASSWORD: 'p w',
        PULSE_CLICKHOUSE_DATABASE: 'analytics_1',
      }).clickhouse,
    ).toEqual({ url: 'chdb:./data/ch', user: 'u', password: 'p w', database: 'analytics_1' })
  })

  test('bad values are refused, naming the variable', () => {
    expect(() => loadConfig({ PULSE_CLICKHOUSE_URL: 'ftp://x' })).toThrow(ConfigError)
    expect(() => loadConfig({ PULSE_CLICKHOUSE_URL: 'ftp://x' })).toThrow('PULSE_CLICKHOUSE_URL')
    expect(() =>
      loadConfig({ PULSE_CLICKHOUSE_URL: 'http://x', PULSE_CLICKHOUSE_DATABASE: 'a; DROP' }),
    ).toThrow('PULSE_CLICKHOUSE_DATABASE')
    expect(() => loadConfig({ PULSE_NODE_ID: 'a/b' })).toThrow('PULSE_NODE_ID')
    expect(loadConfig({ PULSE_NODE_ID: 'node-1' }).nodeId).toBe('node-1')
  })

  test('a ClickHouse that cannot be reached at start-up is named, with the reason, and no credentials', async () => {
    const port = await closedPort()
    await expect(
      createTestApp({
        PULSE_CLICKHOUSE_URL: `http://pulse:s3cret@127.0.0.1:${port}`,
        PULSE_CLICKHOUSE_PASSWORD: 'other',
      }),
    ).rejects.toThrow(
      new RegExp(
        `^ClickHouse at http://127\\.0\\.0\\.1:${port} \\(PULSE_CLICKHOUSE_URL\\) cannot be reached \\(.*ECONNREFUSED`,
      ),
    )
  })
})
