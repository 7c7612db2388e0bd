// The session id: kept in sessionStorage (one per tab) as `id|lastSeen`, renewed after 30 minutes
// without an event. Falls back to memory when storage is blocked (sandboxed frames, strict privacy modes).
import { randomId } from './ids'

const KEY = 'pulse_session'
const IDLE_MS = 30 * 60_000
let memory = ''

/** The current session id; starts a new session when the last event is older than 30 minutes. */
export function sessionId(now: number): string {
  let saved = memory
  try {
    saved = sessionStorage.getItem(KEY) || saved
  } catch {}
  let [id, last] = saved.split('|')
  if (!id || !(now - Number(last) < IDLE_MS)) id = randomId()
  memory = `${id}|${now}`
  try {
    sessionStorage.setItem(KEY, memory)
  } catch {}
  return id
}
