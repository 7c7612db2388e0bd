// The folders of src/ form layers: no folder (or top-level file) takes a value from another that, through
// any chain of value imports, takes one back. A cycle means neither can be read, tested or replaced alone.
import { describe, expect, test } from 'bun:test'
import { folderCycles, folderEdges } from './folder-graph'

describe('folder-level imports of src/', () => {
  test('contain no cycle', () => {
    const edges = folderEdges()
    const described = folderCycles(edges).map((group) =>
      group
        .flatMap((a) =>
          [...(edges.get(a) ?? [])]
            .filter(([b]) => group.includes(b))
            .map(([b, ex]) => `${a} → ${b} (${ex})`),
        )
        .join('; '),
    )
    expect(described).toEqual([])
  })

  test('the checker sees a cycle when there is one', () => {
    const edges = new Map([
      ['a', new Map([['b', 'a.ts → ./b']])],
      ['b', new Map([['c', 'b.ts → ./c']])],
      ['c', new Map([['a', 'c.ts → ./a']])],
      ['d', new Map([['a', 'd.ts → ./a']])],
    ])
    expect(folderCycles(edges)).toEqual([['a', 'b', 'c']])
  })

  test('the graph holds the known layering: events below ingest and stats', () => {
    const edges = folderEdges()
    expect(edges.get('ingest')?.has('events')).toBe(true)
    expect(edges.get('stats')?.has('events')).toBe(true)
    expect(edges.get('events')?.has('ingest') ?? false).toBe(false)
    expect(edges.get('events')?.has('stats') ?? false).toBe(false)
  })
})
