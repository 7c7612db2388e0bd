// Start-up of the ClickHouse engine: open the client (client.ts), apply the migrations (migrate.ts) and
// build the store with this node's identity. The identity must survive restarts (the rows carry it with
// their log position): `PULSE_NODE_ID`, else one generated once and kept in the data directory.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../../config'
import type { Database } from '../../db/open'
import type { Logger } from '../../logger'
import { openClickHouse } from './client'
import { migrateClickHouse } from './migrate'
import { ClickHouseEventStore } from './store'

/** This node's identity: configured, else kept in `<data>/node-id` (an in-memory database gets a fresh one). */
export function resolveNodeId(config: Pick<Config, 'nodeId' | 'dataDir' | 'dbPath'>): string {
  if (config.nodeId) return config.nodeId
  if (config.dbPath === ':memory:') return `mem-${randomUUID().slice(0, 8)}`
  const file = join(config.dataDir, 'node-id')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const id = `node-${randomUUID().slice(0, 8)}`
  mkdirSync(config.dataDir, { recursive: true })
  writeFileSync(file, `${id}\n`, { mode: 0o600, flag: 'wx' })
  return id
}

/** Open, migrate and wrap ClickHouse as the event store (`config.clickhouse` must be set). */
export async function openClickHouseStore(
  config: Config,
  meta: Database,
  logger: Logger,
): Promise<ClickHouseEventStore> {
  if (!config.clickhouse) throw new Error('PULSE_CLICKHOUSE_URL is not set')
  const client = await openClickHouse(config.clickhouse)
  try {
    const applied = await migrateClickHouse(client)
    if (applied.length > 0) logger.info('ClickHouse migrated', { versions: applied })
  } catch (err) {
    await client.close()
    throw err
  }
  return new ClickHouseEventStore(client, meta, {
    node: resolveNodeId(config),
    queryTimeoutMs: config.queryTimeoutMs,
    readConcurrency: config.readConcurrency,
    logger,
  })
}
