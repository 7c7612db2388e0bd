// `<dataDir>/server.json`: where the server that owns this data directory listens. The CLI reads it to
// talk to a running server through the admin API instead of opening the database (which only one
// process may do). Removed at exit; a stale file (after kill -9) is recognised by its dead pid.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What the running server publishes. */
export interface ServerFile {
  pid: number
  /** Base URL on the loopback interface (or the bound host). */
  url: string
  version: string
}

const path = (dataDir: string) => join(dataDir, 'server.json')

/** Publish the server's address; the file is removed when the process exits. */
export function writeServerFile(dataDir: string, info: Omit<ServerFile, 'pid'>): void {
  const file = path(dataDir)
  writeFileSync(file, `${JSON.stringify({ pid: process.pid, ...info })}\n`, { mode: 0o600 })
  process.once('exit', () => removeServerFile(dataDir))
}

/**
 * Remove our own server file (a newer server may have replaced it). Never throws: on a data directory
 * that turned read-only the file stays (it names a dead pid, which readers recognise as stale) and the
 * exit code stays what the shutdown decided.
 */
export function removeServerFile(dataDir: string): void {
  try {
    if (readServerFile(dataDir)?.pid === process.pid) rmSync(path(dataDir), { force: true })
  } catch {}
}

/** The published address, if the file exists and its process is alive. */
export function readServerFile(dataDir: string): ServerFile | undefined {
  const file = path(dataDir)
  if (!existsSync(file)) return undefined
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as ServerFile
    process.kill(info.pid, 0)
    return info
  } catch {
    return undefined
  }
}

/** The loopback URL of a server bound to `host` (a wildcard address is reached through loopback). */
export function localUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return `http://127.0.0.1:${port}`
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
