// The lines of an import body, with their byte offsets (part of each line's identity) and numbers; a
// line that is not text (not UTF-8, or holding control bytes) is reported with its number and never
// fails the file.
import type { SourceLine } from './sources/source'

/** A line that cannot be read as text, with why. */
export interface UnreadableLine {
  offset: number
  lineNo: number
  unreadable: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const NL = 0x0a

/**
 * The lines of `body` with their byte offsets from `base`. A body that is all UTF-8 is decoded once; in
 * one that is not, each line is decoded on its own and a line that is not UTF-8 comes back unreadable,
 * with its number, so one stray byte costs its line and never the file.
 */
export function* splitLines(body: string | Uint8Array, base = 0): Generator<SourceLine | UnreadableLine> {
  if (typeof body === 'string') return yield* splitText(body, base)
  let text: string | undefined
  try {
    text = utf8.decode(body)
  } catch {}
  if (text !== undefined) return yield* splitText(text, base)
  let pos = 0
  let lineNo = 1
  while (pos < body.length) {
    let end = body.indexOf(NL, pos)
    if (end === -1) end = body.length
    const offset = base + pos
    try {
      const line = utf8.decode(body.subarray(pos, end))
      yield { text: line.endsWith('\r') ? line.slice(0, -1) : line, offset, lineNo }
    } catch {
      yield { offset, lineNo, unreadable: `not valid UTF-8 (${badByte(body.subarray(pos, end))})` }
    }
    pos = end + 1
    lineNo++
  }
}

function* splitText(text: string, base: number): Generator<SourceLine> {
  let pos = 0
  let offset = base
  let lineNo = 1
  while (pos < text.length) {
    let end = text.indexOf('\n', pos)
    if (end === -1) end = text.length
    const line = text.slice(pos, end)
    yield { text: line.endsWith('\r') ? line.slice(0, -1) : line, offset, lineNo }
    offset += Buffer.byteLength(line) + 1
    pos = end + 1
    lineNo++
  }
}

/** The first byte of `bytes` that starts no valid UTF-8 sequence, described. */
function badByte(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]
    const more =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1
    let ok = more >= 0
    for (let k = 1; ok && k <= more; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80
    if (!ok) return `byte 0x${c.toString(16).padStart(2, '0')} at column ${i + 1}`
    i += more + 1
  }
  return 'an overlong or surrogate sequence'
}

/** C0 control characters other than tab (and DEL): no text log line holds them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/

/** Why a line's text is not a line of a text file, or undefined. */
export function controlIssue(text: string): string | undefined {
  const m = CONTROL.exec(text)
  if (!m) return undefined
  return `control byte 0x${m[0].charCodeAt(0).toString(16).padStart(2, '0')} at column ${m.index + 1}`
}
