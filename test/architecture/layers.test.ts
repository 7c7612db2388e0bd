// ARCHITECTURE.md's layer table holds: every folder (or top-level file) of src/ is in exactly one row, and
// every value import goes from a row to a row below it.
import { describe, expect, test } from 'bun:test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { folderEdges } from './folder-graph'

const ROOT = join(import.meta.dir, '../..')

/** Rows of the layer table, bottom first: the folder names each row lists in backticks. */
function layerRows(): string[][] {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8')
  const start = text.indexOf('| layer | folders | owns |')
  const rows: string[][] = []
  for (const line of text.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break
    const cell = line.split('|')[2] ?? ''
    rows.push(
      [...cell.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').replace(/\/$/, '').replace(/\.ts$/, '')),
    )
  }
  return rows
}

/** The rooms of src/: folders, and top-level .ts files (declaration files aside). */
function rooms(): string[] {
  return readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory() || (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts')))
    .map((d) => d.name.replace(/\.ts$/, ''))
}

describe('the layer table of ARCHITECTURE.md', () => {
  const rows = layerRows()
  const rank = new Map<string, number>()
  rows.forEach((names, i) => {
    for (const n of names) rank.set(n, i)
  })

  test('names every folder and top-level file of src/ once', () => {
    expect(rows.length).toBeGreaterThan(5)
    expect(rooms().filter((r) => !rank.has(r))).toEqual([])
    // `cli/` and `cli.ts` are one room; a name in two rows is not.
    const all = rows.flatMap((names) => [...new Set(names)])
    expect(all.length).toBe(new Set(all).size)
  })

  test('every value import goes to a lower row', () => {
    const upward: string[] = []
    for (const [from, to] of folderEdges())
      for (const [target, example] of to)
        if ((rank.get(target) ?? -1) >= (rank.get(from) ?? -1))
          upward.push(`${from} → ${target} (${example})`)
    expect(upward).toEqual([])
  })
})
