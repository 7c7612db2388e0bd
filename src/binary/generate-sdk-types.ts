// Developer script: regenerate src/sdk/src/openapi-types.ts (the SDK's wire types) from the server's own
// OpenAPI document, so the SDK is typed from the published contract. test/sdk/openapi-drift.test.ts
// fails when the checked-in file differs from what this produces.
// Run: `bun src/binary/generate-sdk-types.ts` after changing an API schema.
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import { createApp } from '../app'
import { manualClock } from '../clock'
import { loadConfig } from '../config'
import { createLogger } from '../logger'
import { createServices } from '../services'

/** The checked-in generated file. */
export const SDK_TYPES_FILE = join(import.meta.dir, '../sdk/src/openapi-types.ts')

const HEADER = `// GENERATED from the server's /openapi/json by src/binary/generate-sdk-types.ts: do not edit.
// Regenerate with \`bun src/binary/generate-sdk-types.ts\`; test/sdk/openapi-drift.test.ts checks it.
`

/** The live OpenAPI document of a fresh in-memory app. */
export async function liveSpec(): Promise<unknown> {
  const config = loadConfig({
    PULSE_ADMIN_TOKEN: 'generate-sdk-types-token',
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
    return await res.json()
  } finally {
    await deps.close()
  }
}

/** TypeScript source of the SDK's wire types for an OpenAPI document. */
export async function generateSdkTypes(spec: unknown): Promise<string> {
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0], { alphabetize: true })
  return HEADER + astToString(ast)
}

if (import.meta.main) {
  await Bun.write(SDK_TYPES_FILE, await generateSdkTypes(await liveSpec()))
  console.log(`wrote ${SDK_TYPES_FILE}`)
}
