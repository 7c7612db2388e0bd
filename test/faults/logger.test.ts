// Warnings and errors are rate-limited per cause: the first line of a cause at once, repeats within the
// interval counted, the next line after it carrying the count; other causes and info lines pass.
import { expect, test } from 'bun:test'
import { createLogger } from '../../src/logger'

test('one line per cause per interval, with the count of those held back', () => {
  const lines: Record<string, unknown>[] = []
  let now = 0
  const log = createLogger('info', {
    intervalMs: 10_000,
    now: () => now,
    write: (l) => lines.push(JSON.parse(l)),
  })
  for (let i = 0; i < 500; i++) log.error('flush failed', { cause: 'the disk is full', rows: i })
  log.error('flush failed', { cause: 'the data directory is read-only' })
  log.info('progress', { n: 1 })
  log.info('progress', { n: 2 })
  expect(lines.map((l) => l.cause ?? l.msg)).toEqual([
    'the disk is full',
    'the data directory is read-only',
    'progress',
    'progress',
  ])
  now = 10_001
  log.error('flush failed', { cause: 'the disk is full' })
  expect(lines.at(-1)).toMatchObject({ cause: 'the disk is full', repeated: 499 })
})
