// `pulse migrate clickhouse`: copy this data directory's events from its DuckDB file into the ClickHouse of
// PULSE_CLICKHOUSE_URL (src/events/clickhouse/copy.ts says how it stays resumable and idempotent), with a
// progress bar, then check the counts per site and day. DuckDB is opened read-only: nothing in it changes,
// whatever happens to the run. The server must be stopped (it holds the file, and would write meanwhile).
import { existsSync } from 'node:fs'
import type { Config } from '../config'
import { MIGRATIONS } from '../db/migrations'
import { createInstance } from '../db/open'
import { queryRows } from '../db/rows'
import { openClickHouse } from '../events/clickhouse/client'
import { type CopyReport, copyEventsToClickHouse } from '../events/clickhouse/copy'
import { migrateClickHouse } from '../events/clickhouse/migrate'
import { resolveNodeId } from '../events/clickhouse/open'
import { runningServer } from './connect'
import { CliError, EXIT, emit } from './output'
import { progressBar } from './progress'

const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/** Run `pulse migrate clickhouse`; resolves with the exit code. */
export async function migrateToClickHouse(config: Config, json: boolean): Promise<number> {
  if (!config.clickhouse)
    throw new CliError('set PULSE_CLICKHOUSE_URL (and user, password, database) to the target', EXIT.usage)
  if (!existsSync(config.dbPath)) throw new CliError(`no database at ${config.dbPath}`, EXIT.notFound)
  const url = await runningServer(config.dataDir)
  if (url)
    throw new CliError(
      `a PULSE server is running for ${config.dataDir} (${url}); stop it first`,
      EXIT.conflict,
    )
  let instance: Awaited<ReturnType<typeof createInstance>>
  try {
    instance = await createInstance(config.dbPath, { access_mode: 'READ_ONLY' })
  } catch (err) {
    throw new CliError(`cannot open ${config.dbPath} read-only: ${(err as Error).message}`, EXIT.unavailable)
  }
  const duck = await instance.connect()
  const ch = await openClickHouse(config.clickhouse)
  try {
    // DuckDB is not migrated here (read-only): a file of an older release is started once first.
    const [v] = await queryRows<{ v: number }>(duck, 'SELECT max(version) AS v FROM schema_migrations')
    const latest = Math.max(...MIGRATIONS.map((m) => Number(m.name.slice(0, 3))))
    if (Number(v?.v ?? 0) !== latest)
      throw new CliError(
        `${config.dbPath} is at schema ${v?.v ?? 0}, this release's is ${latest}: start this release on it once (without PULSE_CLICKHOUSE_URL), stop it, then migrate`,
        EXIT.conflict,
      )
    await migrateClickHouse(ch)
    const bar = progressBar('migrate', { unit: 'events' })
    let report: CopyReport
    try {
      report = await copyEventsToClickHouse(duck, ch, {
        node: resolveNodeId(config),
        onProgress: (done, total) => bar.update(done, `of ${total}`),
      })
    } finally {
      bar.end()
    }
    const ok = report.mismatched.length === 0
    emit(json, { ok, ...report, days: report.days.length }, () => [
      `${report.events} events in ${report.days.length} site-days: ${report.daysCopied} copied now (${report.rowsSent} rows sent), ${report.daysSkipped} already there`,
      `log position ${report.position} recorded for this node`,
      ok ? 'counts per site and day: all equal' : `counts differ on ${report.mismatched.length} site-days:`,
      ...report.mismatched
        .slice(0, 20)
        .map((d) => `  ${d.siteId} ${dayText(d.day)}: DuckDB ${d.duckdb}, ClickHouse ${d.clickhouse}`),
    ])
    return ok ? EXIT.ok : EXIT.failed
  } finally {
    await ch.close()
    duck.closeSync()
    instance.closeSync()
  }
}
