// The import sources by name: the one list the API's enum, the CLI and the import run read.
import { caddyMapper, combinedMapper } from './access-log'
import { ga4Mapper } from './ga4'
import { pulseMapper } from './pulse'
import type { MapperOptions, SourceMapper } from './source'
import { umamiMapper } from './umami'

/** Every import source: its mapper and whether its file names the site itself. */
export const SOURCES = {
  pulse: { mapper: pulseMapper, siteInFile: true, description: 'PULSE NDJSON export' },
  umami: { mapper: umamiMapper, siteInFile: false, description: "Umami's website_event CSV" },
  ga4: { mapper: ga4Mapper, siteInFile: false, description: 'GA4 BigQuery export as NDJSON' },
  combined: { mapper: combinedMapper, siteInFile: false, description: 'nginx/Apache combined log' },
  caddy: { mapper: caddyMapper, siteInFile: false, description: "Caddy's JSON access log" },
} as const satisfies Record<
  string,
  { mapper: (o: MapperOptions) => SourceMapper; siteInFile: boolean; description: string }
>

/** The name of an import source. */
export type SourceName = keyof typeof SOURCES

/** Source names, for schemas and help. */
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[]
