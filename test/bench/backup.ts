// Backup and restore throughput: N generated events (PULSE_BENCH_EVENTS, default 2 million) in an
// on-disk database; times `writeBackup` (flush + snapshot copy into a new file) and `restoreBackup`
// (check every block, copy into an empty data directory). Usage: bun test/bench/backup.ts
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeBackup } from '../../src/admin/backup'
import { restoreBackup } from '../../src/admin/restore'
import { systemClock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { fillEventKeys, withPendingKeys } from '../../src/db/rekey'
import { createLogger } from '../../src/logger'
import { createServices } from '../../src/services'

const n = Number(process.env.PULSE_BENCH_EVENTS ?? 2_000_000)
const root = mkdtempSync(join(tmpdir(), 'pulse-bench-backup-'))
const dir = join(root, 'src')
const config = loadConfig({
  PULSE_DATA_DIR: dir,
  PULSE_ADMIN_TOKEN: 'bench-admin-token-0123',
  PULSE_LOG_LEVEL: 'warn',
})
const services = await createServices(config, {
  clock: systemClock,
  logger: createLogger('warn'),
  autoFlush: false,
})
const now = Date.now()
const rows = `SELECT
  'site_' || (i % 20), CASE WHEN i % 5 = 0 THEN 'click' ELSE 'page_view' END, ${now} - (i * 7919) % 2592000000,
  's' || (i % 300000), CASE WHEN i % 3 = 0 THEN 'u' || (i % 50000) END, '/p' || (i % 500),
  CASE WHEN i % 4 = 0 THEN 'https://google.com/' END, 'desktop', 'US', '{"plan":"pro"}', 'e' || i, ${now}, NULL
  FROM range(${n}) t(i)`
await services.db.writer.run(
  `INSERT INTO events BY NAME ${withPendingKeys(rows, 'site_id, event_type, ts, session_id, user_id, url, referrer, device_type, country, properties, event_id, received_at, visitor_id')}`,
)
await fillEventKeys(services.db.writer, { pendingOnly: true })
await services.db.writer.run('CHECKPOINT')
const mb = (b: number) => (b / 1_048_576).toFixed(0)

const file = join(root, 'backup.duckdb')
const b = await writeBackup(services, file)
console.log(
  `backup:  ${b.events} events, ${mb(b.bytes)} MB in ${(b.ms / 1000).toFixed(2)} s = ${Math.round(b.events / (b.ms / 1000)).toLocaleString()} events/s`,
)
await services.close()
const t0 = performance.now()
const target = join(root, 'restored')
const info = await restoreBackup(file, target, join(target, 'pulse.duckdb'))
const s = (performance.now() - t0) / 1000
console.log(
  `restore: ${info.events} events in ${s.toFixed(2)} s = ${Math.round(info.events / s).toLocaleString()} events/s (checks every block, then copies)`,
)
rmSync(root, { recursive: true, force: true })
