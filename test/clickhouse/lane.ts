// The ClickHouse test lane: the same tests run against ClickHouse's real engine, in process through chDB
// (`npm run setup:chdb`), via `@clickhouse/client`'s chDB connection. Without chDB the lane's tests are
// skipped with the reason printed: never counted as passed. Every app of the lane gets a database of its
// own in the one chDB engine a process may hold.
import { chdbInstalled } from '../../src/events/clickhouse/client'

/** Whether the lane can run here. */
export const CHDB = chdbInstalled()

/** Why the lane does not run, printed once per file that has it. */
export const NO_CHDB_REASON = 'ClickHouse lane skipped: chDB is not installed (run `npm run setup:chdb`)'

let databases = 0

/** Environment of a test app whose events live in a fresh database of the in-process ClickHouse. */
export function clickhouseEnv(): Record<string, string> {
  return {
    PULSE_CLICKHOUSE_URL: 'chdb::memory:',
    PULSE_CLICKHOUSE_DATABASE: `pulse_t${process.pid}_${++databases}`,
  }
}

/** Print the skip reason when the lane cannot run (call at the top of a lane's file). */
export function announceLane(): void {
  if (!CHDB) console.warn(NO_CHDB_REASON)
}

/**
 * The environment that puts a suite's app on the engine of this run: `PULSE_TEST_ENGINE=clickhouse` runs the
 * oracle suites on chDB (`.ci/run` does, after `npm run setup:chdb`); otherwise DuckDB, as always.
 */
export function laneEnv(): Record<string, string> {
  if (process.env.PULSE_TEST_ENGINE !== 'clickhouse') return {}
  if (!CHDB) throw new Error(NO_CHDB_REASON.replace('skipped', 'cannot run'))
  return clickhouseEnv()
}
