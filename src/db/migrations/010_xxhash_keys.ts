// Migration 010: the stored keys of events become XXH64 (src/events/keys.ts), hashed in JavaScript by the
// encoder, instead of the MD5 DuckDB computed in SQL (migration 009). DuckDB has no XXH64, so the rows
// already stored get their keys in JavaScript (`fillEventKeys`: the distinct texts only, joined back),
// one step per key column, then `session_hours`, whose session and visitor keys are those of the events,
// is rebuilt from them. Each step commits with its record: a run cut short resumes where it stopped.
// (Until it is done, the database must not be opened by release 009: its reads would mix the keys.)
import { rebuildSessionHours } from '../../events/session-hours'
import { FILL_KEY_STEPS, fillEventKeys } from '../rekey'
import type { CodeMigration } from './index'

export const m010: CodeMigration = {
  name: '010_xxhash_keys.ts',
  steps: FILL_KEY_STEPS + 1,
  async run(conn, steps) {
    if (steps.from < FILL_KEY_STEPS)
      await fillEventKeys(conn, {
        from: steps.from,
        onStep: (next, texts) => steps.done(next, { texts }),
      })
    await conn.run('BEGIN TRANSACTION')
    try {
      await rebuildSessionHours(conn)
      await steps.done(FILL_KEY_STEPS + 1, { rebuilt: 'session_hours' })
      await conn.run('COMMIT')
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined)
      throw err
    }
  },
}
