// Writing a file and knowing it is all there: `writev` (and `write`) may store fewer bytes than asked
// without an error (a file system that fills up mid-call does), so every write here checks its count,
// finishes a short write with the rest, treats a write that stores nothing as "the disk is full", and
// checks the file's size at the end. A file that could not be written whole is removed, so a failed
// attempt never keeps the space it took.
import { type FileHandle, open, rm } from 'node:fs/promises'

/** One gathering write at `position`; returns the bytes stored (may be fewer than given). */
export type WriteVector = (file: FileHandle, chunks: Uint8Array[], position: number) => Promise<number>

/** Options of `writeFileFully`. */
export interface WriteFullyOptions {
  /** fsync before closing (a file that must survive a crash). */
  sync?: boolean
  /** The gathering write (a test injects a short one; the default is `FileHandle.writev`). */
  writev?: WriteVector
}

const writevAll: WriteVector = async (file, chunks, position) =>
  (await file.writev(chunks, position)).bytesWritten

/** Most buffers per `writev` call (the system's IOV_MAX is 1024). */
const IOV_MAX = 1024

/** The error a write that stores nothing stands for. */
export function diskFull(detail: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${detail}`), { code: 'ENOSPC' })
}

/**
 * Create `path` (it must not exist) holding `chunks` in order, all of them, or throw and leave no file.
 * Returns the bytes written.
 */
export async function writeFileFully(
  path: string,
  chunks: readonly Uint8Array[],
  opts: WriteFullyOptions = {},
): Promise<number> {
  const writev = opts.writev ?? writevAll
  const file = await open(path, 'wx', 0o600)
  let position = 0
  try {
    for (let i = 0; i < chunks.length; i += IOV_MAX) {
      const group = chunks.slice(i, i + IOV_MAX)
      const want = group.reduce((n, c) => n + c.byteLength, 0)
      const got = await writev(file, group, position)
      position += got
      if (got < want) position = await finishShortWrite(file, group, got, position)
    }
    const size = (await file.stat()).size
    if (size !== position) throw diskFull(`${path} holds ${size} of ${position} bytes`)
    if (opts.sync) await file.sync()
  } catch (err) {
    await file.close().catch(() => undefined)
    await rm(path, { force: true }).catch(() => undefined)
    throw err
  }
  await file.close()
  return position
}

/** Write what a short gathering write left of `group` (it stored `done` bytes), buffer by buffer. */
async function finishShortWrite(
  file: FileHandle,
  group: readonly Uint8Array[],
  done: number,
  position: number,
): Promise<number> {
  let skip = done
  for (const c of group) {
    if (skip >= c.byteLength) {
      skip -= c.byteLength
      continue
    }
    let off = skip
    skip = 0
    while (off < c.byteLength) {
      const { bytesWritten } = await file.write(c, off, c.byteLength - off, position)
      if (bytesWritten <= 0) throw diskFull(`a write stored 0 of ${c.byteLength - off} bytes`)
      off += bytesWritten
      position += bytesWritten
    }
  }
  return position
}
