// The drop-in scripts (Plausible's /js/script*.js, Umami's /script.js) and their serving: each is bundled
// once per process with Bun.build from client/ (the binary embeds them, built by `npm run build`), kept in memory with its gzip form and ETag, like
// /tracker.js. A Plausible file-name variant is the same bundle wrapped with the extensions it selects.
import { join } from 'node:path'
import { prebuilt } from '../prebuilt'

/** A bundled script, ready to serve. */
export interface ScriptAsset {
  js: string
  gzip: Uint8Array<ArrayBuffer>
  etag: string
}

const bundles = new Map<string, Promise<string>>()
const assets = new Map<string, ScriptAsset>()

/** Bundle `client/<name>.ts` as a minified IIFE (once; a failed build is retried on the next call). */
export function bundleScript(name: string): Promise<string> {
  let p = bundles.get(name)
  // The binary carries the bundles made at build time (it has no source to bundle).
  const built = prebuilt()?.scripts?.[name]
  if (!p && built !== undefined) {
    p = Promise.resolve(built)
    bundles.set(name, p)
  }
  if (!p) {
    p = Bun.build({
      entrypoints: [join(import.meta.dir, 'client', `${name}.ts`)],
      target: 'browser',
      format: 'iife',
      minify: true,
    }).then(async (r) => {
      if (!r.success)
        throw new Error(
          `${name} script build failed: ${r.logs.map((l) => String(l.message ?? l)).join('; ')}`,
        )
      return r.outputs[0].text()
    })
    p.catch(() => bundles.delete(name))
    bundles.set(name, p)
  }
  return p
}

/** The asset of `js` under `key`, made once (gzip and ETag). */
export function assetOf(key: string, js: string): ScriptAsset {
  let a = assets.get(key)
  if (!a || a.js !== js) {
    a = { js, gzip: Bun.gzipSync(js, { level: 9 }), etag: `"${Bun.hash(js).toString(36)}"` }
    assets.set(key, a)
  }
  return a
}

const HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'public, max-age=3600',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'cross-origin',
  vary: 'Accept-Encoding',
}

/** Serve a script: 304 for a matching ETag, gzip when accepted. */
export function scriptResponse(request: Request, asset: ScriptAsset): Response {
  const headers: Record<string, string> = { ...HEADERS, etag: asset.etag }
  if (request.headers.get('if-none-match') === asset.etag) return new Response(null, { status: 304, headers })
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
    return new Response(asset.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } })
  return new Response(asset.js, { headers })
}

/** The OpenAPI `responses` of a script route. */
export const SCRIPT_RESPONSES = {
  200: {
    description: 'The script (minified JavaScript)',
    content: { 'text/javascript': { schema: { type: 'string' } as { type: 'string' } } },
  },
  304: { description: 'Not modified (the ETag matches)' },
}
