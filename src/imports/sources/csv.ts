// RFC 4180 CSV records, fed one line at a time: a quoted field may hold commas, doubled quotes and line
// breaks, so a record can span lines.

/** Whether `text` has an unclosed quoted field (the record continues on the next line). */
export function isOpenRecord(text: string): boolean {
  let quotes = 0
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++
  return quotes % 2 === 1
}

/** The fields of one complete CSV record (without its line ending). */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = []
  let i = 0
  for (;;) {
    if (text[i] === '"') {
      let value = ''
      i++
      for (;;) {
        const q = text.indexOf('"', i)
        if (q === -1) {
          value += text.slice(i)
          i = text.length
          break
        }
        value += text.slice(i, q)
        if (text[q + 1] === '"') {
          value += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
      fields.push(value)
      const comma = text.indexOf(',', i)
      if (comma === -1) return fields
      i = comma + 1
    } else {
      const comma = text.indexOf(',', i)
      if (comma === -1) {
        fields.push(text.slice(i))
        return fields
      }
      fields.push(text.slice(i, comma))
      i = comma + 1
    }
  }
}
