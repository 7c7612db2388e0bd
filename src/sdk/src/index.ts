// @pulse/sdk: send events to PULSE (batched, retried, acknowledged) and read its stats.
export {
  PulseClient,
  type PulseClientOptions,
  type TrackResult,
  type ValidationReport,
} from './client.js'
export { type FieldIssue, PulseError, type PulseErrorKind } from './errors.js'
export type { PropertyValue, TrackEventInput, WireEvent } from './event.js'
export type { components, operations, paths } from './openapi-types.js'
export type {
  ExtraQuery,
  GetQuery,
  GetResult,
  PostBody,
  PostResult,
  Stats,
  StatsMulti,
  StatsQuery,
  StatsSingle,
} from './read.js'
export { type EventRecord, PulseReader } from './reader.js'
export type { FetchLike, RetryInfo } from './transport.js'
