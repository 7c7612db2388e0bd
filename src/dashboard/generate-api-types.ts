// Developer script: regenerate client/api-types.ts (the dashboard's API types) from the app's own
// OpenAPI document, so the dashboard is typed from the published contract and nothing else.
// Run: `bun src/dashboard/generate-api-types.ts` after changing an API schema.
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import { createApp } from '../app'
import { manualClock } from '../clock'
import { loadConfig } from '../config'
import { createLogger } from '../logger'
import { createServices } from '../services'

/** The target file of the generated types. */
export const API_TYPES_FILE = join(import.meta.dir, 'client', 'api-types.ts')

const HEADER = `// GENERATED from the app's /openapi/json by src/dashboard/generate-api-types.ts: do not edit.
// The dashboard's only view of the API: every request and response it handles is typed from here.
`

/** Fetch the live OpenAPI document of a fresh in-memory app and turn it into TypeScript source. */
export async function generateApiTypes(): Promise<string> {
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: 'generate-types-token-000',
    PULSE_DB_PATH: ':memory:',
    PULSE_LOG_LEVEL: 'silent',
  })
  const deps = await createServices(config, {
    clock: manualClock(0),
    logger: createLogger('silent'),
    autoFlush: false,
  })
  try {
    const res = await createApp(deps).handle(new Request('http://localhost/openapi/json'))
    const spec = await res.json()
    const ast = await openapiTS(spec, { alphabetize: true })
    return formatSource(HEADER + astToString(ast))
  } finally {
    await deps.close()
  }
}

/** Format with the repository's Biome settings, so the checked-in file passes `biome check`. */
function formatSource(source: string): string {
  const biome = join(import.meta.dir, '..', '..', 'node_modules', '.bin', 'biome')
  const out = Bun.spawnSync([biome, 'format', `--stdin-file-path=${API_TYPES_FILE}`], {
    stdin: new TextEncoder().encode(source),
  })
  if (out.exitCode !== 0) throw new Error(`biome format failed: ${out.stderr.toString()}`)
  return out.stdout.toString()
}

if (import.meta.main) {
  await Bun.write(API_TYPES_FILE, await generateApiTypes())
  console.log(`wrote ${API_TYPES_FILE}`)
}
