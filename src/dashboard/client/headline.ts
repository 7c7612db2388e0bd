// The headline figures: visitors, sessions, page views, bounce rate and average session duration,
// each with its change against the previous period when comparison is on.
import type { StatsMulti } from '../../sdk/src/read'
import { h } from './dom'
import { formatChange, formatDuration, formatNumber, formatPercent } from './format'
import { HEADLINE_METRICS } from './queries'

/** The headline data as the stats API returns it for `metrics=…&compare=previous_period`. */
export type HeadlineData = Pick<StatsMulti, 'metrics' | 'previous' | 'changes'>
type MetricName = keyof NonNullable<HeadlineData['metrics']>

function format(kind: string, v: number): string {
  if (kind === 'percent') return formatPercent(v)
  if (kind === 'duration') return formatDuration(v)
  return formatNumber(v)
}

/** Render the five figure cards. */
export function renderHeadline(data: HeadlineData, compare: boolean): HTMLElement[] {
  return HEADLINE_METRICS.map((m) => {
    const name: MetricName = m.name
    const value = Number(data.metrics?.[name] ?? 0)
    const card = h(
      'div',
      { class: 'card metric', attrs: { 'data-metric': m.name, 'data-value': String(value) } },
      h('div', 'metric-label', m.label),
      h('div', 'metric-value', format(m.format, value)),
    )
    const change = data.changes?.[name]
    if (compare && data.changes && change !== undefined) {
      const prev = Number(data.previous?.metrics[name] ?? 0)
      const better = 'lowerIsBetter' in m ? -1 : 1
      const dir =
        change === null ? 'good' : change * better > 0 ? 'good' : change * better < 0 ? 'bad' : 'flat'
      card.append(
        h(
          'div',
          {
            class: `metric-change ${dir}`,
            attrs: {
              'data-change': change === null ? 'null' : String(change),
              title: 'Change against the previous period',
            },
          },
          formatChange(change),
          h('span', 'metric-previous', `vs ${format(m.format, prev)}`),
        ),
      )
    } else card.append(h('div', 'metric-change'))
    return card
  })
}
