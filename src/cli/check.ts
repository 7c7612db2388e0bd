// `pulse check`: is this configuration ready to run? Checks the data directory, the admin token, the
// port and the database (schema version, and a full read so DuckDB verifies every block checksum).
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { inspectBackup, readLogContents } from '../admin/restore'
import { adminTokenFile } from '../admin/token'
import type { Config } from '../config'
import { describeDbError } from '../db/failure'
import { runningServer } from './connect'

/** One check's outcome. */
export interface CheckResult {
  check: string
  status: 'ok' | 'warn' | 'fail'
  detail: string
}

const writable = (p: string) => {
  try {
    accessSync(p, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Whether `host:port` can be bound now. */
function portFree(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message))
    s.listen(port, host, () => s.close(() => resolve(undefined)))
  })
}

/** Run every check (configuration errors are reported before this by the caller). */
export async function runChecks(config: Config): Promise<CheckResult[]> {
  const out: CheckResult[] = [
    { check: 'configuration', status: 'ok', detail: 'environment and flags are valid' },
  ]
  const add = (check: string, status: CheckResult['status'], detail: string) =>
    out.push({ check, status, detail })

  const dir = config.dataDir
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) add('data directory', 'fail', `${dir} is not a directory`)
    else if (!writable(dir)) add('data directory', 'fail', `${dir} is not writable by this user`)
    else add('data directory', 'ok', dir)
  } else if (writable(existsSync(dirname(dir)) ? dirname(dir) : '/nonexistent'))
    add('data directory', 'warn', `${dir} does not exist yet; it will be created at start`)
  else add('data directory', 'fail', `${dir} does not exist and cannot be created`)

  const tokenFile = adminTokenFile(dir)
  if (config.adminToken) add('admin token', 'ok', 'from PULSE_ADMIN_TOKEN')
  else if (existsSync(tokenFile)) {
    const mode = statSync(tokenFile).mode & 0o777
    if (mode & 0o077)
      add(
        'admin token',
        'warn',
        `${tokenFile} is readable by others (mode ${mode.toString(8)}); chmod 600 it`,
      )
    else add('admin token', 'ok', tokenFile)
  } else add('admin token', 'ok', `none yet; generated into ${tokenFile} at first start`)

  const server = await runningServer(dir)
  if (server) {
    add('port', 'ok', `PULSE is running at ${server} for this data directory`)
    add('database', 'ok', `open in the running server (stop it to verify the file itself)`)
    return out
  }
  const busy = await portFree(config.host, config.port)
  if (busy) add('port', 'fail', `${config.host}:${config.port} cannot be bound (${busy})`)
  else add('port', 'ok', `${config.host}:${config.port} is free`)

  if (!existsSync(config.dbPath))
    add('database', 'ok', `none yet; created at ${config.dbPath} at first start`)
  else {
    try {
      const info = await inspectBackup(config.dbPath)
      add(
        'database',
        'ok',
        `schema ${info.schemaVersion}, ${info.sites} sites, ${info.events} events, every block read`,
      )
    } catch (err) {
      const msg = (err as Error).message
      if (describeDbError(err) === 'the database file is damaged')
        add(
          'database',
          'fail',
          `the database file ${config.dbPath} is damaged (${msg.split('\n')[0]}); nothing was changed. Recover with: pulse restore BACKUP_FILE --data-dir ${dir} --replay-log (keeps the damaged file aside and the write-ahead log, whose newer events the next start writes)`,
        )
      else add('database', 'fail', msg)
    }
  }
  const log = readLogContents(join(dir, 'ingest-log'))
  if (log.segments > 0)
    add(
      'write-ahead log',
      'ok',
      log.records === 0
        ? `${log.segments} segment(s), no readable records`
        : `${log.segments} segment(s): ${log.events} events in ${log.records} records, positions ${log.firstSeq}–${log.lastSeq}; those not yet in the database are written at start`,
    )
  return out
}
