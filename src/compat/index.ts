// Drop-in endpoints for sites tagged for other tools: Plausible (`POST /api/event`, `/js/script*.js`)
// and Umami (`POST /api/send`, `/script.js`). Each maps its payload to PULSE events and stores them
// through ingest's own steps; see docs/compat.md.
import { Elysia } from 'elysia'
import type { IngestDeps } from '../ingest/ingestor'
import { plausibleRoutes } from './plausible'
import { umamiRoutes } from './umami'

/** The compatibility plugin. */
export function compatRoutes(deps: IngestDeps) {
  return new Elysia({ name: 'compat' }).use(plausibleRoutes(deps)).use(umamiRoutes(deps))
}
