// `pulse annotate "v2.3 released" [--site SITE_ID] [--at WHEN] [--url URL --key SECRET_KEY]`: mark a
// moment on a site's chart, typically from a CI deploy step. With `--url` (or PULSE_URL) it posts to that
// server with the site's secret key (`--key` or PULSE_KEY); otherwise it goes through the local data
// directory's admin operations (the running server, or the database opened here). Without `--site`, a
// data directory with exactly one site annotates that one.
import type { Annotation, CreateAnnotationBody } from '../annotations/model'
import type { AdminOps } from './admin-ops'
import type { CommandFlags } from './flags'
import { CliError, EXIT, emit, exitForStatus } from './output'

type WithOps = <T>(fn: (ops: AdminOps) => Promise<T>) => Promise<T>

const USAGE =
  'usage: pulse annotate TEXT [--site SITE_ID] [--at EPOCH_MS|ISO_8601] [--url URL --key SECRET_KEY]'

/** The annotation through a remote server's API with a site key. */
async function remote(
  url: string,
  key: string | undefined,
  site: string | undefined,
  body: CreateAnnotationBody,
) {
  if (!site) throw new CliError(`--site is required with --url; ${USAGE}`, EXIT.usage)
  if (!key) throw new CliError(`--key (or PULSE_KEY) is required with --url; ${USAGE}`, EXIT.usage)
  const res = await fetch(`${url.replace(/\/+$/, '')}/api/v1/sites/${encodeURIComponent(site)}/annotations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const answer = (await res.json().catch(() => ({}))) as { data?: Annotation; error?: string }
  if (!res.ok || !answer.data)
    throw new CliError(answer.error ?? `server answered ${res.status}`, exitForStatus(res.status))
  return answer.data
}

/** Run `pulse annotate`; resolves with the exit code. */
export async function annotate(
  withOps: WithOps,
  args: string[],
  flags: CommandFlags,
  env: { url?: string; key?: string },
  json: boolean,
): Promise<number> {
  const text = args.join(' ').trim()
  if (!text) throw new CliError(`missing TEXT; ${USAGE}`, EXIT.usage)
  const at = flags.at === undefined ? undefined : /^\d+$/.test(flags.at) ? Number(flags.at) : flags.at
  const body: CreateAnnotationBody = at === undefined ? { text } : { text, at }
  const url = flags.url ?? env.url
  const made = url
    ? await remote(url, flags.key ?? env.key, flags.site, body)
    : await withOps(async (ops) => {
        let site = flags.site
        if (!site) {
          const sites = await ops.listSites()
          if (sites.length !== 1)
            throw new CliError(
              `--site is required (the data directory has ${sites.length} sites)`,
              EXIT.usage,
            )
          site = sites[0]!.site_id
        }
        return ops.createAnnotation(site, body)
      })
  emit(json, made, () => [`annotated ${made.site_id} at ${made.at}: ${made.text} (${made.annotation_id})`])
  return EXIT.ok
}
