// Bundles the browser tracker (client/tracker.ts) with Bun.build into one minified IIFE, once per
// process, kept in memory with its gzip form and ETag: `npm start` needs no separate build step.
import { join } from 'node:path'
import { prebuilt } from '../prebuilt'

/** The bundled tracker, ready to serve. */
export interface TrackerAsset {
  js: string
  gzip: Uint8Array<ArrayBuffer>
  etag: string
}

const ENTRY = join(import.meta.dir, 'client', 'tracker.ts')
/** The entry of the extras bundle (auto-capture, web vitals). */
export const TRACKER_EXTRAS_ENTRY = join(import.meta.dir, 'client', 'extras.ts')

let cached: Promise<TrackerAsset> | undefined
let extras: Promise<TrackerAsset> | undefined

/** The extras bundle (auto-capture and web vitals), built on first use like the tracker. */
export function extrasAsset(): Promise<TrackerAsset> {
  const built = prebuilt()?.scripts?.extras
  extras ??= (built !== undefined ? Promise.resolve(built) : bundleTracker(TRACKER_EXTRAS_ENTRY))
    .then(assetOf)
    .catch((err) => {
      extras = undefined
      throw err
    })
  return extras
}

const assetOf = (js: string): TrackerAsset => ({
  js,
  gzip: Bun.gzipSync(js, { level: 9 }),
  etag: `"${Bun.hash(js).toString(36)}"`,
})

/** The tracker bundle, built on first use and then served from memory. A failed build is retried. */
export function trackerAsset(): Promise<TrackerAsset> {
  cached ??= buildTracker().catch((err) => {
    cached = undefined
    throw err
  })
  return cached
}

/** The tracker as a ready asset: the bundle embedded in the binary, or a fresh build from source. */
async function buildTracker(): Promise<TrackerAsset> {
  return assetOf(prebuilt()?.trackerJs ?? (await bundleTracker()))
}

/** Run Bun.build on the tracker entry point: a classic script (IIFE), so it works in any `<script>`. */
export async function bundleTracker(entry = ENTRY): Promise<string> {
  const result = await Bun.build({ entrypoints: [entry], target: 'browser', format: 'iife', minify: true })
  if (!result.success) {
    const why = result.logs.map((l) => String(l.message ?? l)).join('; ')
    throw new Error(`Tracker build failed: ${why}`)
  }
  return result.outputs[0].text()
}
