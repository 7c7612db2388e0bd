// Rotating the admin token kept in `<dataDir>/admin-token` (generated at first start). A token given
// in PULSE_ADMIN_TOKEN is the operator's to change there, so it is never rotated here.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConflictError } from '../errors'
import { randomId } from '../sites/keys'

/** The file holding the generated admin token. */
export const adminTokenFile = (dataDir: string) => join(dataDir, 'admin-token')

/**
 * Write a new admin token to the data directory (mode 0600, atomically) and return it. `current` is
 * the token in use; when it is not the one in the file, it came from PULSE_ADMIN_TOKEN: a ConflictError.
 */
export function rotateAdminToken(dataDir: string, current: string | undefined): string {
  const file = adminTokenFile(dataDir)
  const stored = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined
  if (current !== undefined && stored !== current)
    throw new ConflictError('The admin token comes from PULSE_ADMIN_TOKEN; change it there and restart')
  const token = randomId('adm_', 24)
  writeFileSync(`${file}.new`, `${token}\n`, { mode: 0o600 })
  renameSync(`${file}.new`, file)
  return token
}
