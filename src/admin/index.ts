// Admin routes for operating the server: a streamed online backup and admin-token rotation.
// Admin token only; the CLI uses them when a server owns the data directory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Elysia, t } from 'elysia'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/open'
import type { EventBuffer } from '../events/buffer'
import { envelope, errorDocs, errors, ok } from '../http/envelope'
import { writeBackup } from './backup'
import { rotateAdminToken } from './token'

const detail = (summary: string, description: string) => ({
  summary,
  description,
  tags: ['Admin'],
  security: [{ bearerAuth: [] }],
})

export const RotatedToken = t.Object({
  admin_token: t.String({ description: 'The new admin token; the old one stops working now' }),
})

/** Stream a file and delete it (and its directory) once sent or abandoned. */
function streamAndRemove(path: string, dir: string): ReadableStream<Uint8Array> {
  const reader = Bun.file(path).stream().getReader()
  const remove = () => rmSync(dir, { recursive: true, force: true })
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          remove()
          controller.close()
        } else controller.enqueue(value)
      } catch (err) {
        remove()
        controller.error(err)
      }
    },
    cancel() {
      reader.cancel().catch(() => undefined)
      remove()
    },
  })
}

/** What the admin routes need (a part of the app's dependencies). */
export interface AdminDeps {
  config: Config
  clock: Clock
  db: Database
  buffer: EventBuffer
}

/** The admin plugin under /api/v1/admin. */
export function adminRoutes(deps: AdminDeps) {
  return new Elysia({ name: 'admin', prefix: '/api/v1/admin' })
    .model({ RotatedToken })
    .get(
      '/backup',
      async () => {
        // Written to a private directory first: the file must be complete and consistent before a byte is sent.
        const dir = mkdtempSync(join(tmpdir(), 'pulse-backup-'))
        const stamp = new Date(deps.clock()).toISOString().replace(/[-:]/g, '').slice(0, 15)
        try {
          const result = await writeBackup(deps, join(dir, 'backup.duckdb'))
          return new Response(streamAndRemove(result.path, dir), {
            headers: {
              'content-type': 'application/octet-stream',
              'content-length': String(result.bytes),
              'content-disposition': `attachment; filename="pulse-${stamp}.duckdb"`,
              'x-pulse-backup-events': String(result.events),
              'cache-control': 'no-store',
            },
          })
        } catch (err) {
          rmSync(dir, { recursive: true, force: true })
          throw err
        }
      },
      {
        detail: {
          ...detail(
            'Download an online backup',
            'A consistent copy of the whole database (a DuckDB file) taken while ingest continues: it holds every event acknowledged before the request, and events acknowledged during the backup stay stored in the live database. Restore it with `pulse restore FILE` into an empty data directory.',
          ),
          responses: {
            200: {
              description: 'The backup file; header `X-Pulse-Backup-Events` gives its event count',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            },
            // Documented by hand (like /api/v1/export): a file response has no `response` schema.
            ...errorDocs(401),
          },
        },
      },
    )
    .post(
      '/token/rotate',
      ({ set }) => {
        const token = rotateAdminToken(deps.config.dataDir, deps.config.adminToken)
        // Every route reads the token from the shared config at request time, so this takes effect at once.
        deps.config.adminToken = token
        set.status = 200
        return ok({ admin_token: token })
      },
      {
        detail: detail(
          'Rotate the admin token',
          'Replaces the admin token kept in the data directory (`admin-token`) and returns the new one; the old token is refused from now on. 409 when the token comes from `PULSE_ADMIN_TOKEN`.',
        ),
        response: { 200: envelope(RotatedToken), ...errors(401, 409) },
      },
    )
}
