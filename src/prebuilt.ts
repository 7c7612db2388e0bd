// Assets built ahead of time. From a checkout, the tracker and dashboard are bundled from source when
// the server starts and the API-docs UI is read from node_modules; the compiled binary has neither, so
// its entry point registers the bundles made by `npm run build` here before anything is served.

/** What `npm run build` embeds in the binary. */
export interface PrebuiltAssets {
  /** The minified tracker script. */
  trackerJs: string
  /** The tracker's extras bundle and the drop-in scripts (src/compat/client/), by bundle name. */
  scripts?: Record<string, string>
  /** The dashboard's script and stylesheet. */
  dashboardJs: string
  dashboardCss: string
  /** Path (inside the binary) of the Scalar API-reference bundle. */
  scalarPath: string
  /** Path (inside the binary) of the shipped CC0 GeoIP country database. */
  geoDbPath?: string
}

let assets: PrebuiltAssets | undefined

/** Register the embedded assets; called once by the binary's entry point. */
export function registerPrebuilt(a: PrebuiltAssets): void {
  assets = a
}

/** The embedded assets, or undefined when running from a checkout. */
export function prebuilt(): PrebuiltAssets | undefined {
  return assets
}
