// Runs the ClickHouse migrations (schema.ts) that the database has not recorded yet, in order. Each
// statement is idempotent, so a run interrupted half-way, or two nodes starting at once, end in the same
// schema; a database migrated by a newer release is refused rather than written with an older schema.
import type { ClickHouseClient } from '@clickhouse/client'
import { CLICKHOUSE_MIGRATIONS, MIGRATIONS_DDL } from './schema'

/** Apply what is missing; returns the versions applied now. */
export async function migrateClickHouse(
  client: ClickHouseClient,
  migrations = CLICKHOUSE_MIGRATIONS,
): Promise<number[]> {
  await client.command({ query: MIGRATIONS_DDL })
  const rs = await client.query({
    query: 'SELECT max(version) AS v FROM pulse_migrations',
    format: 'JSONEachRow',
  })
  const current = Number((await rs.json<{ v: number }>())[0]?.v ?? 0)
  const latest = migrations[migrations.length - 1]?.version ?? 0
  if (current > latest)
    throw new Error(
      `the ClickHouse database is at migration ${current}, newer than this release knows (${latest}): upgrade PULSE`,
    )
  const applied: number[] = []
  for (const m of migrations) {
    if (m.version <= current) continue
    for (const query of m.statements) await client.command({ query })
    await client.insert({
      table: 'pulse_migrations',
      values: [{ version: m.version, name: m.name }],
      format: 'JSONEachRow',
    })
    applied.push(m.version)
  }
  return applied
}
