// The part of a row that enrichment may fill: the event fields appended for issue 11, all optional text.
import type { EventRow } from '../../events/fields'

/** The enrichable fields of a row (keys of `EventRow`). */
export type Enrichment = Pick<
  EventRow,
  | 'browser'
  | 'browserVersion'
  | 'os'
  | 'osVersion'
  | 'botReason'
  | 'region'
  | 'city'
  | 'visitorId'
  | 'source'
  | 'utmSource'
  | 'utmMedium'
  | 'utmCampaign'
  | 'utmTerm'
  | 'utmContent'
  | 'channel'
>

/** Every enrichable field empty: spread into a row built by hand (tests, benchmarks, old log records). */
export const NO_ENRICHMENT: Readonly<Enrichment> = Object.freeze({
  browser: null,
  browserVersion: null,
  os: null,
  osVersion: null,
  botReason: null,
  region: null,
  city: null,
  visitorId: null,
  source: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  channel: null,
})
