// The import sources by name: the one list the API's enum, the CLI and the import run read.
import { caddyMapper, combinedMapper, w3cMapper } from './access-log'
import { ga4Mapper } from './ga4'
import { plausibleMapper } from './plausible'
import { pulseMapper } from './pulse'
import type { MapperOptions, SourceMapper } from './source'
import { umamiMapper } from './umami'

/**
 * Every import source: its mapper, whether its file names the site itself, and whether its events go
 * through enrichment (a PULSE export is already enriched: it is imported as it was exported).
 */
export const SOURCES = {
  pulse: { mapper: pulseMapper, siteInFile: true, enrich: false, description: 'PULSE NDJSON export' },
  umami: { mapper: umamiMapper, siteInFile: false, enrich: true, description: "Umami's website_event CSV" },
  ga4: { mapper: ga4Mapper, siteInFile: false, enrich: true, description: 'GA4 BigQuery export as NDJSON' },
  combined: {
    mapper: combinedMapper,
    siteInFile: false,
    enrich: true,
    description: 'nginx/Apache combined log',
  },
  caddy: { mapper: caddyMapper, siteInFile: false, enrich: true, description: "Caddy's JSON access log" },
  w3c: {
    mapper: w3cMapper,
    siteInFile: false,
    enrich: true,
    description: 'W3C extended log (IIS), with its #Fields directive',
  },
  plausible: {
    mapper: plausibleMapper,
    siteInFile: false,
    enrich: true,
    description: "Plausible's CSV export (its tables one after another, each with its header)",
  },
} as const satisfies Record<
  string,
  { mapper: (o: MapperOptions) => SourceMapper; siteInFile: boolean; enrich: boolean; description: string }
>

/** The name of an import source. */
export type SourceName = keyof typeof SOURCES

/** Source names, for schemas and help. */
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[]
