import { describe, expect, test } from 'bun:test'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { ConfigError, loadConfig } from '../../src/config'

describe('loadConfig', () => {
  test('defaults match the table in docs/configuration.md', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.host).toBe('0.0.0.0')
    expect(c.dataDir).toBe(resolve('./data'))
    expect(c.dbPath).toBe(resolve('./data/pulse.duckdb'))
    expect(c.flushIntervalMs).toBe(1000)
    expect(c.maxEventAgeDays).toBe(30)
    expect(c.adminToken).toBeUndefined()
    expect(c.queryTimeoutMs).toBe(10_000)
    expect(c.readConcurrency).toBe(3)
    expect(c.readConcurrencyPerKey).toBe(2)
    expect(c.readQueuePerKey).toBe(32)
    expect(c.threadPoolSize).toBe(availableParallelism())
    expect(loadConfig({ UV_THREADPOOL_SIZE: '8' }).threadPoolSize).toBe(8)
    expect(c.maxBufferBytes).toBe(32 * 1_048_576)
    expect(loadConfig({ PULSE_MAX_BUFFER_MB: '256' }).maxBufferBytes).toBe(256 * 1_048_576)
    expect(c.workerNice).toBe(10)
  })

  test('reads values from the given environment', () => {
    const c = loadConfig({
      PORT: '8080',
      PULSE_DATA_DIR: '/tmp/x',
      PULSE_RATE_LIMIT_PER_MINUTE: '5',
      PULSE_DURABILITY: 'none',
    })
    expect(c.port).toBe(8080)
    expect(c.dbPath).toBe('/tmp/x/pulse.duckdb')
    expect(c.rateLimitPerMinute).toBe(5)
    expect(c.durability).toBe('none')
  })

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PULSE_FLUSH_INTERVAL_MS', '-1'],
    ['PULSE_MAX_BUFFER_MB', '0'],
    ['PULSE_WORKER_NICE', '20'],
    ['PULSE_MAX_EVENT_AGE_DAYS', '1.5'],
    ['PULSE_DURABILITY', 'sometimes'],
    ['PULSE_ADMIN_TOKEN', 'short'],
    ['PULSE_QUERY_TIMEOUT_MS', '0'],
    ['PULSE_READ_CONCURRENCY', 'many'],
    ['PULSE_READ_CONCURRENCY_PER_KEY', '0'],
    ['PULSE_READ_QUEUE_PER_KEY', '-1'],
  ])('a bad %s stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })

  test('buffer limit below the flush size is refused', () => {
    expect(() => loadConfig({ PULSE_FLUSH_MAX_ROWS: '1000', PULSE_MAX_BUFFER_ROWS: '10' })).toThrow(
      'PULSE_MAX_BUFFER_ROWS',
    )
  })

  test('a per-key read limit above the overall one is refused', () => {
    expect(() => loadConfig({ PULSE_READ_CONCURRENCY: '2', PULSE_READ_CONCURRENCY_PER_KEY: '3' })).toThrow(
      'PULSE_READ_CONCURRENCY_PER_KEY',
    )
  })
})
