// Admin routes of imports: run one (the file, or one part of it, as the request body), list them, delete
// one with its events. Admin token only; the CLI's `pulse import` uses them, in-process when it opened
// the database itself.
import { Elysia, t } from 'elysia'
import type { Config } from '../config'
import { readBodyBytes } from '../http/body'
import { errors, ok } from '../http/envelope'
import { AppError } from '../http/errors'
import { parseTimezone } from '../stats/time/zone'
import { DeletedImport, ImportQuery, ImportRecord, ImportResult } from './model'
import { deleteImport, getImport, listImports } from './repo'
import { type ImportDeps, ImportError, newImportId, runImport } from './run'

/**
 * Largest part this route reads. Admin only, so it may exceed PULSE_MAX_BODY_BYTES; over HTTP, the
 * server's own request limit (PULSE_MAX_BODY_BYTES + 1 MiB) bounds it first, and the CLI's in-process
 * path sends parts of this size.
 */
export const IMPORT_PART_MAX_BYTES = 32 * 1_048_576

const detail = (summary: string, description: string) => ({
  summary,
  description,
  tags: ['Admin'],
  security: [{ bearerAuth: [] }],
})

/** The imports plugin under /api/v1/admin/imports. */
export function importRoutes(deps: ImportDeps & { config: Config }) {
  return new Elysia({ name: 'imports', prefix: '/api/v1/admin/imports' })
    .model({ ImportQuery, ImportResult, ImportRecord, DeletedImport })
    .post(
      '',
      async ({ query, request }) => {
        // Bytes, decoded line by line: a line that is not UTF-8 is reported, never fails the file.
        const body = await readBodyBytes(request, IMPORT_PART_MAX_BYTES)
        if (query.import_id && !query.dry_run && !(await getImport(deps.db, query.import_id)))
          throw new AppError(404, `Unknown import: ${query.import_id}`)
        try {
          const result = await runImport(
            deps,
            {
              importId: query.import_id ?? newImportId(deps.clock()),
              source: query.source,
              siteId: query.site_id,
              fileName: query.file_name ?? '(request body)',
              dryRun: query.dry_run === true,
              offset: query.offset ?? 0,
              host: query.host,
              timezone: parseTimezone(query.timezone),
            },
            body,
          )
          return ok(result)
        } catch (err) {
          if (err instanceof ImportError) throw new AppError(422, err.message)
          throw err
        }
      },
      {
        query: 'ImportQuery',
        detail: detail(
          'Import events from a file',
          `The body is the file as text (at most PULSE_MAX_BODY_BYTES + 1 MiB, the server's request limit; \`pulse import\` sends larger files in parts, each with the first part's \`import_id\` and its byte \`offset\`). Every line goes through the validation and enrichment of live events (with the line's own address, User-Agent and time), without the age limit; a line that is not UTF-8 or holds control bytes is counted invalid with its number, and reasons counts every line that did not become a person's page view; events already stored (same site and event id, derived from the source row) are skipped, so importing a file again stores nothing twice. Stored events carry the import's id. See the README, "Importing", for each source's mapping.`,
        ),
        response: {
          200: t.Object({ success: t.Literal(true), data: ImportResult }),
          ...errors(400, 401, 404, 413, 422),
        },
      },
    )
    .get('', async () => ok(await listImports(deps.db)), {
      detail: detail('List imports', 'Every import, newest first, with its counts.'),
      response: { 200: t.Object({ success: t.Literal(true), data: t.Array(ImportRecord) }), ...errors(401) },
    })
    .delete(
      '/:import_id',
      async ({ params }) => {
        if (!(await getImport(deps.db, params.import_id)))
          throw new AppError(404, `Unknown import: ${params.import_id}`)
        // Rows still in the ingest buffer are live events, never an import's: no flush needed.
        const deleted = await deleteImport(deps.db, deps.events.store, params.import_id)
        return ok({ import_id: params.import_id, deleted_events: deleted })
      },
      {
        params: t.Object({ import_id: t.String({ maxLength: 64 }) }),
        detail: detail('Delete an import', 'Deletes every event the import stored, and its record.'),
        response: { 200: t.Object({ success: t.Literal(true), data: DeletedImport }), ...errors(401, 404) },
      },
    )
}
