// Builds the ingest enrichment pipeline from configuration: the User-Agent parser and its cache, the
// offline GeoIP database, the daily visitor salts (from the database), and the bot burst rule.
import type { Config } from '../../config'
import type { Database } from '../../db/open'
import type { HealthState } from '../../health/state'
import type { Logger } from '../../logger'
import { BurstRule } from './bots'
import { BoundedCache } from './cache'
import { defaultGeoDbPath, GeoLookup } from './geo'
import { defaultSteps, Enricher, type EnrichStep, type SessionState } from './pipeline'
import { VisitorSalts } from './salts'
import { AgentParser } from './user-agent'
import { VisitorIds } from './visitor'

/** The enricher and the parts tests and health look at. */
export interface Enrichment {
  enricher: Enricher
  salts: VisitorSalts
  agents: AgentParser
  burst: BurstRule
  visitors: VisitorIds
  geo: GeoLookup | undefined
  /** Sessions remembered (visitor id across midnight, source for later pages). */
  sessions: BoundedCache<string, SessionState>
}

/** Open the GeoIP database (undefined, with a warning, when it cannot be read). */
function openGeo(config: Config, logger: Logger): GeoLookup | undefined {
  const path = config.geoIpDb ?? defaultGeoDbPath()
  if (!path) {
    logger.warn('no GeoIP database: countries are not filled from the IP')
    return undefined
  }
  try {
    return new GeoLookup(path)
  } catch (err) {
    if (config.geoIpDb) throw new Error(`PULSE_GEOIP_DB ${path} cannot be read: ${(err as Error).message}`)
    logger.warn('GeoIP database cannot be read: countries are not filled from the IP', {
      error: (err as Error).message,
    })
    return undefined
  }
}

/** Build the enrichment pipeline (`first` steps, then the default ones); loads (or makes) today's visitor salt. */
export async function createEnrichment(
  config: Config,
  db: Database,
  now: number,
  logger: Logger,
  /** Steps run before the default ones (the site exclusions of src/sites/exclusions.ts). */
  first: { name: string; run: EnrichStep }[] = [],
): Promise<Enrichment> {
  const agents = new AgentParser()
  const geo = openGeo(config, logger)
  // Read the file off the start-up path; a lookup before it is done reads it itself.
  geo?.warm().catch((err: Error) =>
    logger.warn('GeoIP database cannot be read: countries are not filled from the IP', {
      error: err.message,
    }),
  )
  const salts = await VisitorSalts.open(db, now, logger)
  const visitors = new VisitorIds(salts)
  const burst = new BurstRule({ perMinute: config.botBurstPerMinute })
  const sessions = new BoundedCache<string, SessionState>({ capacity: 200_000 })
  const enricher = new Enricher([...first, ...defaultSteps({ agents, geo, visitors, burst, sessions })])
  return { enricher, salts, agents, burst, visitors, geo, sessions }
}

/**
 * Read the GeoIP file now, without blocking the event loop (after start-up: a lookup before it is done
 * reads the file itself); an unreadable file is a warning, and countries are then not filled.
 */
export function warmEnrichment(e: Enrichment, logger: Logger): void {
  e.geo?.warm().catch((err: Error) =>
    logger.warn('GeoIP database cannot be read: countries are not filled from the IP', {
      error: err.message,
    }),
  )
}

/** The enrichment's part of the admin health details: counts since start and cache sizes. */
export function enrichmentHealth(e: Enrichment): HealthState {
  const c = e.enricher.counts
  return {
    status: 'ok',
    details: {
      enrichment: {
        events: c.events,
        bots: { ...c.bots },
        dropped: { ...c.dropped },
        user_agent_cache: {
          size: e.agents.cache.size,
          hits: e.agents.cache.hits,
          misses: e.agents.cache.misses,
        },
        sessions_tracked: e.sessions.size,
        burst_visitors_tracked: e.burst.size,
        geoip: e.geo !== undefined,
      },
    },
  }
}
