// PulseReader: the read helpers of PulseClient, one method per analytics endpoint. They need the
// site's secret key (or the admin token); `site_id` defaults to the client's `siteId`.
import {
  type GetQuery,
  type GetResult,
  getData,
  type PostBody,
  type PostResult,
  postData,
  type ReadTarget,
  type Stats,
  type StatsMulti,
  type StatsQuery,
  type StatsSingle,
} from './read.js'

type EventPage = GetResult<'/api/v1/events'>
/** One stored event, as `GET /api/v1/events` returns it. */
export type EventRecord = EventPage['events'][number]

/** Typed reads of the analytics API; each returns the response's `data`. */
export abstract class PulseReader {
  /** Where read requests go and with which key. */
  protected abstract readTarget(): ReadTarget

  /** `GET /api/v1/stats` with `metrics=a,b`: `{period, timezone, from, to, metrics}`. */
  getStats(query: StatsQuery & { metrics: string }): Promise<StatsMulti>
  /** `GET /api/v1/stats` with `metric` (or neither): the seed's `{metric, value, period}`. */
  getStats(query?: StatsQuery & { metrics?: undefined }): Promise<StatsSingle>
  /** `GET /api/v1/stats`: one metric or several, as the query asks. */
  getStats(query?: StatsQuery): Promise<Stats>
  getStats(query?: StatsQuery): Promise<Stats> {
    return getData(this.readTarget(), '/api/v1/stats', query)
  }

  /** `GET /api/v1/stats/timeseries`: a metric per time bucket. */
  getTimeseries(
    query?: GetQuery<'/api/v1/stats/timeseries'>,
  ): Promise<GetResult<'/api/v1/stats/timeseries'>> {
    return getData(this.readTarget(), '/api/v1/stats/timeseries', query)
  }

  /** `GET /api/v1/stats/breakdown`: a metric per value of a dimension (url, referrer, country, …). */
  getBreakdown(query: GetQuery<'/api/v1/stats/breakdown'>): Promise<GetResult<'/api/v1/stats/breakdown'>> {
    return getData(this.readTarget(), '/api/v1/stats/breakdown', query)
  }

  /** `GET /api/v1/stats/realtime`: the last five minutes. */
  getRealtime(query?: GetQuery<'/api/v1/stats/realtime'>): Promise<GetResult<'/api/v1/stats/realtime'>> {
    return getData(this.readTarget(), '/api/v1/stats/realtime', query)
  }

  /** `POST /api/v1/funnels`: conversion through 2–10 steps. */
  getFunnel(body: PostBody<'/api/v1/funnels'>): Promise<PostResult<'/api/v1/funnels'>> {
    return postData(this.readTarget(), '/api/v1/funnels', body)
  }

  /** `GET /api/v1/retention`: cohorts of visitors by first visit. */
  getRetention(query?: GetQuery<'/api/v1/retention'>): Promise<GetResult<'/api/v1/retention'>> {
    return getData(this.readTarget(), '/api/v1/retention', query)
  }

  /** `GET /api/v1/events`: one page of raw events, newest first, with `next_cursor`. */
  getEvents(query?: GetQuery<'/api/v1/events'>): Promise<GetResult<'/api/v1/events'>> {
    return getData(this.readTarget(), '/api/v1/events', query)
  }

  /** Every event matching `query`, page by page (follows `next_cursor`). */
  async *iterateEvents(query?: GetQuery<'/api/v1/events'>): AsyncGenerator<EventRecord> {
    let cursor: string | undefined
    do {
      const page: EventPage = await this.getEvents({ ...query, cursor })
      yield* page.events
      cursor = page.next_cursor ?? undefined
    } while (cursor)
  }
}
