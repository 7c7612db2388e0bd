// CSV lines written before the stored keys travelled in the CSV (write-ahead-log records of version 3: the
// event fields only) brought up to today's lines by appending each row's keys, computed from the row's own
// text. Only old logs need it (a release upgraded with events still unapplied), so it favours plain code
// over speed. The dialect is src/events/csv.ts's: `"` quotes with `""` inside, NULL an empty unquoted field.
import { EVENT_FIELDS } from './fields'
import { textKey } from './keys'

const column = (name: string) => EVENT_FIELDS.findIndex((f) => f.column === name)
const SESSION = column('session_id')
const USER = column('user_id')
const URL = column('url')
const VISITOR = column('visitor_id')

/** The fields of the CSV line of `text` starting at `from`: values (null for NULL) and the offset after its `\n`. */
function parseLine(text: string, from: number): { values: (string | null)[]; next: number } {
  const values: (string | null)[] = []
  let i = from
  for (;;) {
    let value: string | null
    if (text[i] === '"') {
      let v = ''
      i++
      for (;;) {
        const q = text.indexOf('"', i)
        if (q < 0) throw new Error('csv: unterminated quote')
        v += text.slice(i, q)
        if (text[q + 1] === '"') {
          v += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
      value = v
    } else {
      let j = i
      while (j < text.length && text[j] !== ',' && text[j] !== '\n') j++
      value = j === i ? null : text.slice(i, j)
      i = j
    }
    values.push(value)
    if (text[i] === ',') i++
    else return { values, next: i + 1 }
  }
}

/** `csv` (lines of the event fields only) with each line's stored keys appended, as today's writer expects. */
export function appendKeysToCsv(csv: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(csv)
  let out = ''
  let at = 0
  while (at < text.length) {
    const { values, next } = parseLine(text, at)
    const key = (v: string | null) => (v === null ? '' : String(textKey(v)))
    const person = values[USER] ?? values[VISITOR] ?? values[SESSION]
    out += `${text.slice(at, next - 1)},${key(values[SESSION])},${key(person)},${key(values[URL])}\n`
    at = next
  }
  return new TextEncoder().encode(out)
}
