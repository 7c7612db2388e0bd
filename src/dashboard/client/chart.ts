// The timeseries chart: visitors and page views over the period with uPlot, themed from the CSS
// variables (light or dark), with values shown on hover and resized with its container.
import uPlot from 'uplot'
import { h } from './dom'
import { formatNumber } from './format'
import type { Interval } from './periods'

/** One series to plot: its label and one value per time point. */
export interface ChartSeries {
  label: string
  values: number[]
  /** A dashed line (the compared period overlaid). */
  dash?: boolean
}

/** A marker on the time axis: an annotation, its text shown on hover. */
export interface ChartMarker {
  at: number
  text: string
}

/**
 * Place a marker element over the plot at each marker's time. A marker inside the last bucket (after its
 * start, which is the last point) is drawn at that point.
 */
function placeMarkers(u: uPlot, layer: HTMLElement, markers: ChartMarker[]): void {
  const xs = u.data[0] as number[]
  const min = xs[0] ?? 0
  const max = xs[xs.length - 1] ?? 0
  const step = xs.length > 1 ? xs[xs.length - 1]! - xs[xs.length - 2]! : 0
  layer.replaceChildren(
    ...markers
      .filter((m) => m.at >= min && m.at < max + step)
      .map((m) => {
        const el = h('span', {
          class: 'annotation-marker',
          attrs: { title: m.text, 'data-at': String(m.at), tabindex: '0' },
        })
        el.style.left = `${u.bbox.left / devicePixelRatio + u.valToPos(Math.min(m.at, max), 'x')}px`
        el.style.top = `${u.bbox.top / devicePixelRatio}px`
        el.style.height = `${u.bbox.height / devicePixelRatio}px`
        return el
      }),
  )
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888'
}

function timeLabel(ms: number, interval: Interval): string {
  const d = new Date(ms)
  if (interval === 'minute' || interval === 'hour')
    return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
  if (interval === 'month') return d.toLocaleDateString(undefined, { year: 'numeric', month: 'long' })
  return d.toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  })
}

/** A mounted chart; `destroy` frees it and its listeners. */
export interface MountedChart {
  destroy(): void
}

/** Draw the series over `times` (epoch ms) into `host`. */
export function mountChart(
  host: HTMLElement,
  times: number[],
  series: ChartSeries[],
  interval: Interval,
  markers: ChartMarker[] = [],
): MountedChart {
  const colors = [cssVar('--accent'), cssVar('--accent2'), cssVar('--muted')]
  const layer = h('div', { class: 'annotation-layer', attrs: { 'aria-label': 'Annotations' } })
  const grid = { stroke: cssVar('--grid'), width: 1 }
  const axis = { stroke: cssVar('--muted'), grid, ticks: grid }
  const width = () => Math.max(260, host.clientWidth)
  const height = () => (window.innerWidth < 640 ? 200 : 260)
  const opts: uPlot.Options = {
    width: width(),
    height: height(),
    ms: 1,
    cursor: { points: { size: 7 }, drag: { x: false, y: false } },
    legend: { live: true },
    scales: { y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
    axes: [
      { ...axis },
      {
        ...axis,
        size: 48,
        values: (_u, ticks) => ticks.map((v) => (Number.isInteger(v) ? formatNumber(v) : '')),
      },
    ],
    series: [
      { label: 'Time', value: (_u, v) => (v === null || v === undefined ? '—' : timeLabel(v, interval)) },
      ...series.map((s, i) => ({
        label: s.label,
        stroke: colors[i % colors.length],
        width: 2,
        dash: s.dash ? [6, 4] : undefined,
        fill: i === 0 ? `${colors[0]}22` : undefined,
        points: { show: times.length <= 60 },
        value: (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : formatNumber(v)),
      })),
    ],
  }
  opts.hooks = { draw: [(u) => placeMarkers(u, layer, markers)] }
  const wrap = h('div', 'chart')
  host.replaceChildren(wrap)
  const plot = new uPlot(opts, [times, ...series.map((s) => s.values)] as uPlot.AlignedData, wrap)
  wrap.append(layer)
  const ro = new ResizeObserver(() => plot.setSize({ width: width(), height: height() }))
  ro.observe(host)
  return {
    destroy() {
      ro.disconnect()
      plot.destroy()
    },
  }
}
