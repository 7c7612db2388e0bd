// The folder-level import graph of src/: which folder takes values from which (type-only imports are left
// out: they vanish at run time and tie no initialisation order). Used by the cycle test.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const SRC = resolve(import.meta.dir, '../../src')

/** Every .ts file under src/, except the generated SDK types and the browser bundles' sources. */
function listFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** The folder a file belongs to: its first path part under src/ (a file at the top is its own room). */
export function folderOf(file: string): string {
  const rel = relative(SRC, file)
  const first = rel.split('/')[0] ?? rel
  return rel.includes('/') ? first : first.replace(/\.ts$/, '')
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]/gm

/** Whether an import's clause takes any value (not only `type` names). */
function takesValue(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword) return false
  const braces = clause.match(/\{([^}]*)\}/)
  const outside = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,/g, '')
    .trim()
  if (outside.length > 0) return true
  if (!braces) return true
  const names = (braces[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return names.some((n) => !n.startsWith('type '))
}

/** Edges folder → folder (value imports only), each with one example import for the message. */
export function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>()
  for (const file of listFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(IMPORT)) {
      if (!takesValue(m[2], m[3] ?? '')) continue
      const target = resolve(dirname(file), m[4] ?? '')
      const from = folderOf(file)
      const to = folderOf(target)
      if (from === to) continue
      const row = edges.get(from) ?? new Map<string, string>()
      edges.set(from, row)
      if (!row.has(to)) row.set(to, `${relative(SRC, file)} → ${m[4]}`)
    }
  }
  return edges
}

/** Strongly connected folder groups of more than one folder (Tarjan). */
export function folderCycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  let next = 0
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    on.add(v)
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w === undefined) break
        on.delete(w)
        group.push(w)
      } while (w !== v)
      if (group.length > 1) out.push(group.sort())
    }
  }
  for (const v of nodes) if (!index.has(v)) visit(v)
  return out
}

if (import.meta.main) {
  const edges = folderEdges()
  const cycles = folderCycles(edges)
  for (const c of cycles) {
    console.log(`cycle of ${c.length}: ${c.join(', ')}`)
    for (const a of c)
      for (const [b, ex] of edges.get(a) ?? []) if (c.includes(b)) console.log(`  ${a} → ${b}: ${ex}`)
  }
  if (cycles.length === 0) console.log('no folder cycles')
}
