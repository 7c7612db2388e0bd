// The CLI's data commands (sites, keys, goals, token, backup, restore, compact, check), imported by cli.ts only when
// one of them runs, since they load DuckDB.
import { existsSync } from 'node:fs'
import { RestoreError, restoreBackup } from '../admin/restore'
import type { Config } from '../config'
import { IMPORT_PART_MAX_BYTES } from '../imports'
import type { ImportRecord, ImportResult } from '../imports/model'
import { SOURCE_NAMES } from '../imports/sources'
import type { KeyKind } from '../sites/keys'
import { readKeys, users } from './accounts'
import { annotate } from './annotate'
import { runChecks } from './check'
import { connect, runningServer } from './connect'
import type { CommandFlags } from './flags'
import { goals } from './goals'
import { CliError, EXIT, emit, exitForStatus, table } from './output'
import { importPlausibleExport } from './plausible-export'
import { reportsCommand } from './reports'
import { exportEvents, importFile } from './transfer'

function need(value: string | undefined, what: string): string {
  if (!value) throw new CliError(`missing ${what}; run "pulse help"`, EXIT.usage)
  return value
}

/** Run a data command; resolves with the exit code. */
export async function runCommand(
  command: string,
  args: string[],
  flags: CommandFlags,
  config: Config,
  remote: { url?: string; key?: string } = {},
): Promise<number> {
  const [sub, ...rest] = args
  const json = flags.json === true
  if (command === 'annotate') return annotate((fn) => withOps(config, fn), args, flags, remote, json)
  try {
    return await dispatch(command, sub, rest, flags, config, json)
  } catch (err) {
    if (err instanceof RestoreError)
      throw new CliError(err.message, /already holds/.test(err.message) ? EXIT.conflict : EXIT.failed)
    throw err
  }
}

async function dispatch(
  command: string,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  config: Config,
  json: boolean,
): Promise<number> {
  switch (command) {
    case 'sites':
      return sites(config, sub, rest, flags, json)
    case 'keys':
      return keys(config, sub, rest, flags, json)
    case 'goals':
      return goals((fn) => withOps(config, fn), sub, rest, flags, json)
    case 'users':
      return users((fn) => withOps(config, fn), sub, rest, flags, json)
    case 'reports':
    case 'alerts':
    case 'webhooks':
      return reportsCommand(command, (fn) => withOps(config, fn), sub, rest, flags, json)
    case 'read-keys':
      return readKeys((fn) => withOps(config, fn), sub, rest, flags, json)
    case 'token': {
      if (sub !== 'rotate') throw new CliError('usage: pulse token rotate', EXIT.usage)
      const token = await withOps(config, (ops) => ops.rotateToken())
      emit(json, { admin_token: token }, () => [token])
      return EXIT.ok
    }
    case 'backup': {
      const file = need(sub, 'the backup FILE')
      if (existsSync(file)) throw new CliError(`${file} exists; choose a new file name`, EXIT.conflict)
      const started = performance.now()
      const r = await withOps(config, (ops) => ops.backup(file))
      const seconds = (performance.now() - started) / 1000
      emit(json, { file, events: r.events, bytes: r.bytes, seconds }, () => [
        `backup written to ${file}: ${r.events} events, ${(r.bytes / 1_048_576).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
      ])
      return EXIT.ok
    }
    case 'restore': {
      const file = need(sub, 'the backup FILE')
      if (await runningServer(config.dataDir))
        throw new CliError(
          `a PULSE server is running for ${config.dataDir}; stop it before restoring`,
          EXIT.conflict,
        )
      const info = await restoreBackup(file, config.dataDir, config.dbPath, {
        force: flags.force,
        replayLog: flags['replay-log'],
      })
      emit(json, { file, data_dir: config.dataDir, ...info }, () => [
        `restored ${file} into ${config.dbPath}: ${info.sites} sites, ${info.events} events`,
        ...(info.replay ? [info.replay.summary] : []),
      ])
      return EXIT.ok
    }
    case 'compact': {
      if (await runningServer(config.dataDir))
        throw new CliError(
          `a PULSE server is running for ${config.dataDir}; stop it before compacting`,
          EXIT.conflict,
        )
      if (!existsSync(config.dbPath)) throw new CliError(`No database at ${config.dbPath}`, EXIT.notFound)
      const { compactDatabase } = await import('../db/compact')
      const r = await compactDatabase(config.dbPath)
      const mb = (n: number) => (n / 1_048_576).toFixed(1)
      emit(json, { file: config.dbPath, bytes_before: r.before, bytes_after: r.after }, () => [
        `compacted ${config.dbPath}: ${mb(r.before)} MB → ${mb(r.after)} MB`,
      ])
      return EXIT.ok
    }
    case 'import':
      return importCommand(config, sub, rest, flags, json)
    case 'export': {
      const site = need(flags.site, '--site SITE_ID')
      const started = performance.now()
      const bytes = await withOps(config, (ops) =>
        exportEvents(ops, { siteId: site, format: flags.format, period: flags.period, output: flags.output }),
      )
      // Without --output the export itself is stdout: the summary would corrupt it.
      if (flags.output) {
        const seconds = (performance.now() - started) / 1000
        emit(json, { file: flags.output, bytes, seconds }, () => [
          `exported ${site} to ${flags.output}: ${(bytes / 1_048_576).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
        ])
      }
      return EXIT.ok
    }
    case 'migrate': {
      if (sub !== 'clickhouse') throw new CliError('usage: pulse migrate clickhouse', EXIT.usage)
      const { migrateToClickHouse } = await import('./migrate-clickhouse')
      return migrateToClickHouse(config, json)
    }
    case 'check': {
      const results = await runChecks(config)
      const failed = results.some((r) => r.status === 'fail')
      emit(json, { ok: !failed, checks: results }, () =>
        results.map((r) => `${r.status.toUpperCase().padEnd(5)} ${r.check}: ${r.detail}`),
      )
      return failed ? EXIT.failed : EXIT.ok
    }
    default:
      throw new CliError(`unknown command "${command}"; run "pulse help"`, EXIT.usage)
  }
}

/** Run `fn` with the admin operations, closing them afterwards. */
async function withOps<T>(
  config: Config,
  fn: (ops: Awaited<ReturnType<typeof connect>>) => Promise<T>,
  create = false,
): Promise<T> {
  const ops = await connect(config, { create })
  try {
    return await fn(ops)
  } finally {
    await ops.close()
  }
}

async function sites(
  config: Config,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
) {
  switch (sub) {
    case 'list': {
      const list = await withOps(config, (ops) => ops.listSites())
      emit(json, list, () =>
        table(
          ['SITE_ID', 'NAME', 'DOMAINS', 'CREATED'],
          list.map((s) => [s.site_id, s.name, s.domains.join(',') || '*', s.created_at]),
        ),
      )
      return EXIT.ok
    }
    case 'create': {
      const body = { site_id: rest[0], name: flags.name, domains: flags.domain }
      const site = await withOps(config, (ops) => ops.createSite(body), true)
      emit(json, site, () => [
        `site ${site.site_id} created. Keys (shown only now):`,
        `  public key: ${site.public_key}`,
        `  secret key: ${site.secret_key}`,
      ])
      return EXIT.ok
    }
    case 'delete': {
      const id = need(rest[0], 'SITE_ID')
      if (!flags.yes)
        throw new CliError(
          `deleting ${id} removes its keys, goals and all its events; add --yes to confirm`,
          EXIT.usage,
        )
      await withOps(config, (ops) => ops.deleteSite(id))
      emit(json, { site_id: id, deleted: true }, () => [`site ${id} deleted`])
      return EXIT.ok
    }
    default:
      throw new CliError('usage: pulse sites list|create|delete', EXIT.usage)
  }
}

async function keys(
  config: Config,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
) {
  const site = need(rest[0], 'SITE_ID')
  switch (sub) {
    case 'list': {
      const list = await withOps(config, (ops) => ops.listKeys(site))
      emit(json, list, () =>
        table(
          ['KEY_ID', 'KIND', 'PREFIX', 'CREATED', 'REVOKED'],
          list.map((k) => [k.key_id, k.kind, `${k.key_prefix}…`, k.created_at, k.revoked_at ?? '']),
        ),
      )
      return EXIT.ok
    }
    case 'create': {
      const kind = (flags.kind ?? 'secret') as KeyKind
      if (kind !== 'public' && kind !== 'secret')
        throw new CliError('--kind must be public or secret', EXIT.usage)
      const key = await withOps(config, (ops) => ops.createKey(site, kind))
      emit(json, key, () => [`${kind} key ${key.key_id} for ${site} (shown only now):`, `  ${key.key}`])
      return EXIT.ok
    }
    case 'revoke': {
      const keyId = need(rest[1], 'KEY_ID')
      await withOps(config, (ops) => ops.revokeKey(site, keyId))
      emit(json, { site_id: site, key_id: keyId, revoked: true }, () => [`key ${keyId} revoked`])
      return EXIT.ok
    }
    default:
      throw new CliError('usage: pulse keys list|create|revoke SITE_ID', EXIT.usage)
  }
}

/**
 * Bytes per part of an imported file: under the server's request limit (PULSE_MAX_BODY_BYTES + 1 MiB,
 * assuming the server has the same setting), or large parts in-process, where no request limit applies.
 */
export function importPartBytes(via: 'server' | 'database', maxBodyBytes: number): number {
  return via === 'server' ? maxBodyBytes + 1_048_576 - 65_536 : IMPORT_PART_MAX_BYTES
}

async function importCommand(
  config: Config,
  sub: string | undefined,
  rest: string[],
  flags: CommandFlags,
  json: boolean,
) {
  const file = need(sub, 'the FILE to import (or list, delete IMPORT_ID)')
  if (file === 'list') {
    const list = await withOps(config, async (ops) => {
      const res = await ops.request('GET', '/api/v1/admin/imports')
      if (!res.ok) throw new CliError(`listing imports: answered ${res.status}`, exitForStatus(res.status))
      return ((await res.json()) as { data: ImportRecord[] }).data
    })
    emit(json, list, () =>
      table(
        ['IMPORT_ID', 'SOURCE', 'SITE', 'FILE', 'IMPORTED', 'SKIPPED', 'INVALID', 'IGNORED', 'STARTED'],
        list.map((r) => [
          r.import_id,
          r.source,
          r.site_id,
          r.file_name,
          ...[r.imported, r.skipped, r.invalid, r.ignored].map(String),
          r.started_at,
        ]),
      ),
    )
    return EXIT.ok
  }
  if (file === 'delete') {
    const id = need(rest[0], 'IMPORT_ID')
    const res = await withOps(config, async (ops) => {
      const r = await ops.request('DELETE', `/api/v1/admin/imports/${encodeURIComponent(id)}`)
      const body = (await r.json()) as { data?: { deleted_events: number }; error?: string }
      if (!r.ok) throw new CliError(body.error ?? `answered ${r.status}`, exitForStatus(r.status))
      return body.data as { deleted_events: number }
    })
    emit(json, { import_id: id, ...res }, () => [
      `import ${id} deleted: ${res.deleted_events} events removed`,
    ])
    return EXIT.ok
  }
  const source = flags.source ?? 'pulse'
  if (!(SOURCE_NAMES as string[]).includes(source))
    throw new CliError(`--source must be one of ${SOURCE_NAMES.join(', ')}`, EXIT.usage)
  if (!existsSync(file)) throw new CliError(`No such file: ${file}`, EXIT.notFound)
  const started = performance.now()
  const r = await withOps(config, (ops) =>
    source === 'plausible'
      ? importPlausibleExport(ops, file, {
          siteId: flags.site,
          timezone: flags.timezone,
          dryRun: flags['dry-run'] === true,
          partBytes: importPartBytes(ops.via, config.maxBodyBytes),
        })
      : importFile(ops, file, {
          source,
          siteId: flags.site,
          dryRun: flags['dry-run'] === true,
          // `--host` is the server's address; the log's own host is given as `--domain`.
          host: flags.domain?.[0],
          partBytes: importPartBytes(ops.via, config.maxBodyBytes),
        }),
  )
  const seconds = (performance.now() - started) / 1000
  emit(json, { file, ...r, seconds }, () => [
    `${r.dry_run ? 'dry run (nothing stored): ' : ''}${file} → ${r.import_id}: ${r.imported} imported, ${r.skipped} skipped (duplicates), ${r.invalid} invalid, ${r.ignored} ignored in ${seconds.toFixed(1)} s`,
    ...reasonLines(r.reasons),
    ...r.issues.slice(0, 10).map((i) => `  line ${i.line}: ${i.message}`),
  ])
  return r.invalid > 0 && r.imported === 0 && r.skipped === 0 ? EXIT.failed : EXIT.ok
}

/** The non-zero reasons of an import, one line: `  not page views: 120 static, 40 bot (stored, flagged) …`. */
function reasonLines(reasons: ImportResult['reasons'] | undefined): string[] {
  const stored = new Set(['bot', 'download'])
  const parts = Object.entries(reasons ?? {})
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k.replace('_', ' ')}${stored.has(k) ? ' (stored)' : ''}`)
  return parts.length > 0 ? [`  not page views: ${parts.join(', ')}`] : []
}
