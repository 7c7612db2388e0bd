// The SDK's wire types are generated from the server's OpenAPI document and checked in; this fails
// when the live spec has moved on. Fix: `bun src/binary/generate-sdk-types.ts`.
import { describe, expect, test } from 'bun:test'
import { generateSdkTypes, liveSpec, SDK_TYPES_FILE } from '../../src/binary/generate-sdk-types'

describe('SDK types', () => {
  test('src/sdk/src/openapi-types.ts matches the live /openapi/json', async () => {
    const fresh = await generateSdkTypes(await liveSpec())
    const checkedIn = await Bun.file(SDK_TYPES_FILE).text()
    if (fresh !== checkedIn)
      throw new Error(
        'src/sdk/src/openapi-types.ts is out of date with the server API: run `bun src/binary/generate-sdk-types.ts`',
      )
    expect(checkedIn).toContain('"/collect/batch"')
  })
})
