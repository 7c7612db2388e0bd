// The goals (site metadata in DuckDB, src/goals/) mirrored into ClickHouse, where the stats SQL joins them
// (`FROM goals`). Each change writes the whole set once more under a new version in ONE insert, and the
// `goals` view shows the newest version only, so a read sees the old set or the new one, never a mix or an
// empty table. Before each read the DuckDB set is compared with the one last mirrored (a small query).
// Older versions are dropped by an asynchronous mutation. With several nodes the newest writer wins
// (site metadata is per node until it is shared: issue 20, part 4).
import type { ClickHouseClient } from '@clickhouse/client'
import type { Database } from '../../db/open'
import { queryRows } from '../../db/rows'

/** The mirrored columns, as in DuckDB's `goals` (migration 007). */
const COLUMNS = [
  'goal_id',
  'site_id',
  'name',
  'kind',
  'event_type',
  'page_path',
  'page_like',
  'property_key',
  'property_value',
] as const

/** DDL of the versioned rows and of the view the stats SQL reads. */
export const GOALS_DDL = [
  `CREATE TABLE IF NOT EXISTS goal_rows (version UInt64, ${COLUMNS.map((c) => `${c} ${c === 'goal_id' || c === 'site_id' || c === 'name' || c === 'kind' ? 'String' : 'Nullable(String)'}`).join(', ')}) ENGINE = MergeTree ORDER BY (version, site_id)`,
  // The empty goal_id marks a version with no goals at all.
  `CREATE VIEW IF NOT EXISTS goals AS SELECT ${COLUMNS.join(', ')} FROM goal_rows WHERE version = (SELECT max(version) FROM goal_rows) AND goal_id != ''`,
]

/** Keeps ClickHouse's goals equal to DuckDB's. */
export class GoalMirror {
  private mirrored: string | undefined
  private syncing: Promise<void> | undefined
  private lastVersion = 0

  constructor(
    private readonly client: ClickHouseClient,
    private readonly meta: Database,
  ) {}

  /** Mirror DuckDB's goals if they changed since the last call. */
  async sync(): Promise<void> {
    while (this.syncing) await this.syncing
    const rows = await queryRows<Record<string, string | null>>(
      this.meta.reader,
      `SELECT ${COLUMNS.join(', ')} FROM goals ORDER BY goal_id`,
    )
    const text = JSON.stringify(rows)
    if (text === this.mirrored) return
    this.syncing = this.write(rows, text).finally(() => {
      this.syncing = undefined
    })
    await this.syncing
  }

  private async write(rows: Record<string, string | null>[], text: string): Promise<void> {
    const version = Math.max(Date.now() * 1000, this.lastVersion + 1)
    this.lastVersion = version
    const marker = Object.fromEntries(
      COLUMNS.map((c) => [c, c === 'kind' || c === 'name' || c === 'site_id' || c === 'goal_id' ? '' : null]),
    )
    await this.client.insert({
      table: 'goal_rows',
      values: [marker, ...rows].map((r) => ({ version, ...r })),
      format: 'JSONEachRow',
      clickhouse_settings: { insert_deduplication_token: `goals/${version}` },
    })
    this.mirrored = text
    await this.client.command({ query: `ALTER TABLE goal_rows DELETE WHERE version < ${version}` })
  }
}
