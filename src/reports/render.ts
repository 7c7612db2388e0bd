// A digest as an email: a plain-text part, an HTML part with a small inline SVG chart of visitors, and
// the unsubscribe link in both. Every value is escaped: page URLs and sources are visitor-supplied text.
import type { DigestData, TopRow } from './digest'

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const LABELS: Record<keyof DigestData['metrics'], string> = {
  visitors: 'Visitors',
  page_views: 'Page views',
  bounce_rate: 'Bounce rate',
  avg_session_duration: 'Visit duration',
  conversions: 'Conversions',
}

/** A metric's value as shown: percent for the bounce rate, minutes and seconds for durations. */
export function formatValue(metric: string, v: number): string {
  if (metric === 'bounce_rate') return `${v}%`
  if (metric === 'avg_session_duration') {
    const s = Math.round(v)
    return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`
  }
  return v.toLocaleString('en-US')
}

/** "+12.5%", "-3%", "new" (nothing before), "±0%". */
export function formatChange(c: number | null): string {
  if (c === null) return 'new'
  if (c === 0) return '±0%'
  return `${c > 0 ? '+' : ''}${c}%`
}

/** A small bar chart of the series as an inline SVG (no script, no external resource). */
export function chartSvg(points: { time: string; value: number }[], width = 560, height = 120): string {
  const max = Math.max(1, ...points.map((p) => p.value))
  const n = Math.max(1, points.length)
  const slot = width / n
  const bars = points
    .map((p, i) => {
      const h = Math.round((p.value / max) * (height - 20))
      return `<rect x="${(i * slot + slot * 0.1).toFixed(1)}" y="${height - h}" width="${(slot * 0.8).toFixed(1)}" height="${h}" fill="#4f46e5"><title>${esc(p.time)}: ${p.value}</title></rect>`
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Visitors over the period"><text x="0" y="12" font-size="11" fill="#6b7280">max ${max}</text>${bars}</svg>`
}

const rowLabel = (r: TopRow) => (r.key === null || r.key === '' ? '(none)' : r.key)

/** The subject line. */
export function digestSubject(d: DigestData): string {
  const kind = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' }[d.frequency]
  return `${kind} report for ${d.site_id}: ${d.period.label}`
}

/** The plain-text part. */
export function digestText(d: DigestData, unsubscribeUrl: string): string {
  const lines = [digestSubject(d), `Period: ${d.period.label} (${d.timezone})`, '']
  for (const m of Object.keys(LABELS) as (keyof typeof LABELS)[])
    lines.push(
      `${LABELS[m].padEnd(16)}${formatValue(m, d.metrics[m]).padStart(10)}  ${formatChange(d.changes[m])}`,
    )
  const list = (title: string, rows: TopRow[]) => {
    lines.push('', `${title}:`)
    if (rows.length === 0) lines.push('  (none)')
    for (const r of rows) lines.push(`  ${r.value.toString().padStart(8)}  ${rowLabel(r)}`)
  }
  if (d.goals.length > 0) {
    lines.push('', 'Goals:')
    for (const g of d.goals)
      lines.push(`  ${String(g.conversions).padStart(8)}  ${g.goal}  ${formatChange(g.change)}`)
  }
  list('Top pages', d.top_pages)
  list('Top sources', d.top_sources)
  list('Top countries', d.top_countries)
  lines.push('', `Unsubscribe: ${unsubscribeUrl}`, '')
  return lines.join('\n')
}

/** The HTML part. */
export function digestHtml(d: DigestData, unsubscribeUrl: string): string {
  const cells = (Object.keys(LABELS) as (keyof typeof LABELS)[])
    .map(
      (m) =>
        `<td style="padding:8px 12px"><div style="color:#6b7280;font-size:12px">${LABELS[m]}</div><div style="font-size:20px;font-weight:600" data-metric="${m}">${esc(formatValue(m, d.metrics[m]))}</div><div style="font-size:12px" data-change="${m}">${esc(formatChange(d.changes[m]))}</div></td>`,
    )
    .join('')
  const table = (title: string, rows: TopRow[], id: string) =>
    `<h3 style="margin:16px 0 4px">${title}</h3><table id="${id}" style="border-collapse:collapse;width:100%">${
      rows.length === 0
        ? '<tr><td style="color:#6b7280">(none)</td></tr>'
        : rows
            .map(
              (r) =>
                `<tr><td style="padding:2px 0">${esc(rowLabel(r))}</td><td style="text-align:right">${r.value}</td></tr>`,
            )
            .join('')
    }</table>`
  const goals =
    d.goals.length === 0
      ? ''
      : `<h3 style="margin:16px 0 4px">Goals</h3><table id="goals" style="border-collapse:collapse;width:100%">${d.goals
          .map(
            (g) =>
              `<tr><td>${esc(g.goal)}</td><td style="text-align:right">${g.conversions}</td><td style="text-align:right">${esc(formatChange(g.change))}</td></tr>`,
          )
          .join('')}</table>`
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(digestSubject(d))}</title></head>
<body style="font-family:system-ui,sans-serif;color:#111827;max-width:600px;margin:0 auto;padding:16px">
<h2 style="margin:0 0 4px">${esc(d.site_id)}</h2><div style="color:#6b7280">${esc(d.period.label)} (${esc(d.timezone)})</div>
<table style="margin:12px 0;border-collapse:collapse"><tr>${cells}</tr></table>
${chartSvg(d.series)}
${goals}${table('Top pages', d.top_pages, 'pages')}${table('Top sources', d.top_sources, 'sources')}${table('Top countries', d.top_countries, 'countries')}
<p style="color:#6b7280;font-size:12px;margin-top:24px">You get this report from PULSE. <a href="${esc(unsubscribeUrl)}">Unsubscribe</a></p>
</body></html>`
}
