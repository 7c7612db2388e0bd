// The time of a site's first stored event: where the `all` period starts.
import type { ReadOptions } from '../plan'
import { Params } from './params'

/** `SELECT min(ts) AS first` over the site's events (bots too: `all` means everything stored). */
export function buildFirstEvent(siteId: string, opts: ReadOptions = {}) {
  const p = new Params(opts.dialect)
  return { sql: `SELECT min(ts) AS first FROM events WHERE site_id = ${p.add(siteId)}`, params: p.values }
}
