// Real file systems made for a fault test: a tmpfs of a given size, or an ext4 image on a loop device
// (both need root; `diskSupport` says why not where they cannot be made). Every mount is undone by
// `dispose()`, which the tests call in `finally`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A mounted file system for one test. */
export interface TestDisk {
  kind: DiskKind
  dir: string
  /**
   * Make the mount read-only the way real disks do: ext4 is mounted `errors=remount-ro` and told to
   * report a file-system error (`trigger_fs_error`), so the kernel switches it to read-only with files
   * open for writing. A tmpfs cannot switch while files are open for writing (the kernel refuses).
   */
  breakReadOnly(): void
  /** Make it writable again (ext4: unmount, e2fsck, mount, as an operator would). */
  repair(): void
  dispose(): void
}

export type DiskKind = 'tmpfs' | 'ext4'

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim()

/** Which kinds of disk can be made here; the reason is printed for a skipped kind. */
export function diskSupport(): Record<DiskKind, string | true> {
  const probe = (kind: DiskKind): string | true => {
    if (process.getuid?.() !== 0) return 'not root'
    try {
      makeDisk(kind, 8).dispose()
      return true
    } catch (err) {
      return (err as Error).message.split('\n')[0]
    }
  }
  return { tmpfs: probe('tmpfs'), ext4: probe('ext4') }
}

/** Mount a new file system of `mb` MiB on a fresh directory. */
export function makeDisk(kind: DiskKind, mb: number): TestDisk {
  const dir = mkdtempSync(join(tmpdir(), `pulse-${kind}-`))
  let image: string | undefined
  let loop: string | undefined
  const undo = () => {
    try {
      run('umount', [dir])
    } catch {
      try {
        run('umount', ['-l', dir])
      } catch {}
    }
    if (loop)
      try {
        run('losetup', ['-d', loop])
      } catch {}
    if (image) rmSync(image, { force: true })
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    if (kind === 'tmpfs') run('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir])
    else {
      image = `${dir}.img`
      run('truncate', ['-s', `${mb}M`, image])
      run('mkfs.ext4', ['-q', '-F', '-m', '0', image])
      loop = run('losetup', ['-f', '--show', image])
      run('mount', ['-o', 'errors=remount-ro', loop, dir])
    }
  } catch (err) {
    undo()
    throw err
  }
  return {
    kind,
    dir,
    breakReadOnly() {
      if (kind === 'tmpfs') run('mount', ['-o', 'remount,ro', dir])
      else writeFileSync(`/sys/fs/ext4/${(loop as string).replace('/dev/', '')}/trigger_fs_error`, 'test\n')
    },
    repair() {
      if (kind === 'tmpfs') {
        run('mount', ['-o', 'remount,rw', dir])
        return
      }
      run('umount', [dir])
      try {
        run('e2fsck', ['-f', '-y', image as string])
      } catch {} // exit 1: errors corrected
      run('mount', ['-o', 'errors=remount-ro', loop as string, dir])
    },
    dispose: undo,
  }
}

/**
 * Fill the file system of `dir` to the last byte, the first `freeableMb` MiB in a file of their own;
 * returns a function that deletes that file (frees about `freeableMb` MiB) and one that frees everything.
 */
export function fillDisk(dir: string, freeableMb: number): { freeSome(): void; freeAll(): void } {
  const files: string[] = []
  const put = (name: string, bytes: number) => {
    const p = join(dir, name)
    files.push(p)
    try {
      writeFileSync(p, new Uint8Array(bytes))
      return true
    } catch {
      return false
    }
  }
  put('filler-freeable', freeableMb * 1024 * 1024)
  const st = statfsSync(dir)
  put('filler-rest', Math.max(0, Number(st.bavail) * Number(st.bsize) - 4096))
  for (let i = 0; i < 256 && put(`filler-${i}`, 4096); i++);
  return {
    freeSome: () => rmSync(files[0], { force: true }),
    freeAll: () => {
      for (const f of files) rmSync(f, { force: true })
    },
  }
}
