// Schemas of the import endpoints: the query of an import, its result, and a recorded import.
import { t } from 'elysia'
import { Int } from '../http/envelope'
import { SOURCE_NAMES } from './sources'

export const ImportQuery = t.Object({
  source: t.Union(
    SOURCE_NAMES.map((s) => t.Literal(s)),
    { description: 'Format of the file (see the README, "Importing")', examples: ['umami'] },
  ),
  site_id: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 64,
      description: 'Site the events go to (required except for source=pulse, whose lines name their site)',
      examples: ['site_abc123'],
    }),
  ),
  file_name: t.Optional(
    t.String({ maxLength: 255, description: 'Name recorded with the import', examples: ['umami.csv'] }),
  ),
  host: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 253,
      pattern: '^[A-Za-z0-9.:-]+$',
      description:
        "The site's own host as the log's visitors saw it: a referrer on it (or on one of the site's domains) is internal navigation, never a source",
      examples: ['example.com'],
    }),
  ),
  timezone: t.Optional(
    t.String({
      minLength: 1,
      maxLength: 64,
      description:
        "IANA time zone of the file's days (source=plausible: the site's time zone at Plausible, where each exported day starts); default UTC",
      examples: ['Europe/Berlin'],
    }),
  ),
  dry_run: t.Optional(t.Boolean({ description: 'Read, validate and count, store nothing', default: false })),
  import_id: t.Optional(
    t.String({
      pattern: '^imp_[A-Za-z0-9]{1,40}$',
      description:
        'Continue this import with the next part of the same file (the CLI sends large files in parts)',
      examples: ['imp_m3x9k2ab7q'],
    }),
  ),
  offset: t.Optional(
    t.Integer({
      minimum: 0,
      description: "Byte offset of this part in the file (part of each line's identity)",
      default: 0,
    }),
  ),
})
export type ImportQuery = typeof ImportQuery.static

/** A line that could not be imported, with the reason. */
export const ImportIssue = t.Object({
  line: Int({ description: 'Line number in the part sent (1-based)', examples: [12] }),
  message: t.String({ examples: ['$.timestamp: expected integer'] }),
})

const count = (description: string) => Int({ description, examples: [0] })

/** Lines that did not become people's page views, by why (docs/imports.md, "What is counted"). */
export const ImportReasons = t.Object(
  {
    bot: count('Stored, flagged with a bot_reason (left out of stats unless include_bots=true)'),
    download: count('Stored as file_download events: a download (.pdf, .zip, .jar …), not a page'),
    static: count('Ignored: an asset or other file that is neither a page nor a download'),
    redirect: count('Ignored: a redirect (3xx other than 304)'),
    client_error: count('Ignored: a client error (4xx)'),
    server_error: count('Ignored: a server error (5xx)'),
    method: count('Ignored: not a GET request'),
    too_old: count('Ignored: a time before 1973, which PULSE cannot store'),
    excluded: count("Ignored: matched one of the site's exclusions"),
    other: count('Ignored: not a request for a path (a log entry of another kind, a proxy request)'),
    invalid: count('Unreadable: not UTF-8, control bytes, cut off, a bad time, or failed validation'),
  },
  { description: "Lines that did not become people's page views, by reason" },
)
export type ImportReasons = typeof ImportReasons.static

export const ImportResult = t.Object({
  import_id: t.String({
    description: 'Id of the import (tags every stored event)',
    examples: ['imp_m3x9k2ab7q'],
  }),
  dry_run: t.Boolean({ examples: [false] }),
  imported: Int({ description: 'Events stored', examples: [1200] }),
  skipped: Int({
    description: 'Duplicates: already stored (a previous import) or repeated in the file',
    examples: [0],
  }),
  invalid: Int({ description: 'Lines that failed to parse or validate', examples: [3] }),
  ignored: Int({
    description:
      'Lines that are not events by design: static files, redirects, failed requests, other methods (see `reasons`)',
    examples: [45],
  }),
  reasons: ImportReasons,
  issues: t.Array(ImportIssue, { description: 'The first invalid lines (at most 20)' }),
})
export type ImportResult = typeof ImportResult.static

export const ImportRecord = t.Object({
  import_id: t.String({ examples: ['imp_m3x9k2ab7q'] }),
  source: t.String({ examples: ['umami'] }),
  site_id: t.String({
    description: 'The site, or * for a PULSE export whose lines name their sites',
    examples: ['site_abc123'],
  }),
  file_name: t.String({ examples: ['umami.csv'] }),
  imported: Int({ examples: [1200] }),
  skipped: Int({ examples: [0] }),
  invalid: Int({ examples: [3] }),
  ignored: Int({ examples: [45] }),
  started_at: t.String({ format: 'date-time', examples: ['2026-12-01T10:00:00.000Z'] }),
  finished_at: t.Union([t.String({ format: 'date-time' }), t.Null()], {
    examples: ['2026-12-01T10:00:03.000Z'],
  }),
})
export type ImportRecord = typeof ImportRecord.static

export const DeletedImport = t.Object({
  import_id: t.String({ examples: ['imp_m3x9k2ab7q'] }),
  deleted_events: Int({ description: 'Events removed', examples: [1200] }),
})
