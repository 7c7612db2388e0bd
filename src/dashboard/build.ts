// Bundles the dashboard's browser code (TypeScript, CSS and uPlot) with Bun.build, once per process,
// kept in memory: `npm start` from a fresh clone needs no separate build step and no CDN.
import { join } from 'node:path'
import { prebuilt } from '../prebuilt'

/** The bundled dashboard: one ES module, one stylesheet, and a content hash for cache busting. */
export interface DashboardAssets {
  js: string
  css: string
  version: string
}

const ENTRY = join(import.meta.dir, 'client', 'main.ts')

let cached: Promise<DashboardAssets> | undefined

/** The dashboard bundle, built on first use and then served from memory. A failed build is retried. */
export function dashboardAssets(): Promise<DashboardAssets> {
  cached ??= buildDashboard().catch((err) => {
    cached = undefined
    throw err
  })
  return cached
}

/** The dashboard as ready assets: the bundle embedded in the binary, or a fresh build from source. */
async function buildDashboard(): Promise<DashboardAssets> {
  const embedded = prebuilt()
  const { js, css } = embedded
    ? { js: embedded.dashboardJs, css: embedded.dashboardCss }
    : await bundleDashboard()
  return { js, css, version: Bun.hash(js + css).toString(36) }
}

/** Run Bun.build on the dashboard entry point and collect its JS and CSS outputs. */
export async function bundleDashboard(): Promise<{ js: string; css: string }> {
  const result = await Bun.build({ entrypoints: [ENTRY], target: 'browser', format: 'esm', minify: true })
  if (!result.success) {
    const why = result.logs.map((l) => String(l.message ?? l)).join('; ')
    throw new Error(`Dashboard build failed: ${why}`)
  }
  let js = ''
  let css = ''
  for (const out of result.outputs) {
    if (out.path.endsWith('.css')) css += await out.text()
    else if (out.kind === 'entry-point') js = await out.text()
  }
  return { js, css }
}
