// The admin's SQL box: the schema (tables and columns, read through /api/v1/sql itself), a query box
// and the result as a table. Every cell is inserted as text.
import type { ApiClient } from './api'
import { h, replace } from './dom'
import { createPanel, errorMessage } from './panel'

const SCHEMA_SQL =
  "SELECT table_name, string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) AS columns FROM information_schema.columns WHERE table_schema = 'main' GROUP BY 1 ORDER BY 1"
const EXAMPLE = 'SELECT event_type, count(*) AS events\nFROM events\nGROUP BY 1\nORDER BY 2 DESC\nLIMIT 20'

/** The SQL console panel (admin only). */
export function createSqlPanel(api: ApiClient) {
  const panel = createPanel('sql-console', 'SQL (read-only)', 'sql-console')
  const schema = h('ul', 'muted sql-schema')
  const input = h('textarea', {
    class: 'sql-input',
    attrs: { id: 'sql-input', rows: '6', spellcheck: 'false' },
  })
  input.value = EXAMPLE
  const run = h('button', { attrs: { type: 'button', id: 'sql-run' } }, 'Run')
  const result = h('div', { class: 'sql-result', attrs: { id: 'sql-result' } })

  const query = (sql: string) => api.post('/api/v1/sql', { query: sql, max_rows: 1000 })

  async function execute() {
    replace(result, h('p', 'muted', 'Running…'))
    try {
      const data = await query(input.value)
      const head = h('tr', {}, ...data.columns.map((c) => h('th', { attrs: { title: c.type } }, c.name)))
      const rows = data.rows.map((r) =>
        h(
          'tr',
          {},
          ...r.map((v) =>
            h('td', {}, v === null ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
          ),
        ),
      )
      replace(
        result,
        h('table', 'sql-table', h('thead', {}, head), h('tbody', {}, ...rows)),
        h(
          'p',
          'muted',
          `${data.rows.length} row${data.rows.length === 1 ? '' : 's'}${data.truncated ? ' (cut at 1000)' : ''}`,
        ),
      )
    } catch (err) {
      replace(result, h('p', 'error', errorMessage(err)))
    }
  }
  run.addEventListener('click', () => void execute())
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void execute()
  })

  panel.show(
    schema,
    input,
    h('div', 'sql-actions', run, h('span', 'muted', ' Ctrl+Enter · one SELECT · admin only')),
    result,
  )
  query(SCHEMA_SQL).then(
    (data) =>
      replace(
        schema,
        ...data.rows.map(([table, columns]) =>
          h('li', {}, h('strong', {}, String(table)), ` (${String(columns)})`),
        ),
      ),
    (err) => replace(schema, h('li', 'error', errorMessage(err))),
  )
  return panel
}
