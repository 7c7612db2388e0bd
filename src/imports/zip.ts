// The files of a ZIP archive (PKWARE APPNOTE: the end-of-central-directory record, the central directory,
// each entry's local header), stored or deflated, read whole from memory: `pulse import` reads a
// Plausible export as it is downloaded. No ZIP64, no encryption: a file that needs them is refused with
// a clear message. Sizes are bounded by the caller (the archive) and here (each entry).
import { inflateRawSync } from 'node:zlib'

/** One file of an archive. */
export interface ZipEntry {
  name: string
  data: Uint8Array
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** Largest unpacked entry read (a Plausible table of several years is far smaller). */
export const ZIP_ENTRY_MAX_BYTES = 512 * 1_048_576

/** Whether `bytes` starts like a ZIP archive. */
export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Every file entry of the archive `bytes` (directories left out), in the central directory's order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 64 KiB).
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i
      break
    }
  if (end === -1) throw new Error('not a ZIP archive (no end of central directory)')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 archives are not supported')
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new Error('damaged ZIP archive (central directory)')
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const packed = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
    if (name.endsWith('/')) continue
    if (flags & 1) throw new Error(`${name}: encrypted ZIP entries are not supported`)
    if (size > ZIP_ENTRY_MAX_BYTES)
      throw new Error(`${name}: larger than ${ZIP_ENTRY_MAX_BYTES} bytes unpacked`)
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new Error(`${name}: damaged ZIP archive (local header)`)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const raw = bytes.subarray(start, start + packed)
    if (raw.length !== packed) throw new Error(`${name}: damaged ZIP archive (cut off)`)
    let data: Uint8Array
    if (method === 0) data = raw
    else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: ZIP_ENTRY_MAX_BYTES })
    else throw new Error(`${name}: compression method ${method} is not supported (only stored and deflate)`)
    if (data.length !== size) throw new Error(`${name}: damaged ZIP archive (size)`)
    entries.push({ name, data })
  }
  return entries
}
