// `npm run build`: the single-file binary `dist/pulse`. Bundles the tracker and dashboard ahead of time,
// writes a small generated entry point that embeds them, the Scalar API-docs bundle and DuckDB's native
// library, and compiles it with `bun build --compile` (Bun runtime included). The binary gives itself the
// worker pool it needs (cli/thread-pool.ts) before anything else. Usage:
//   bun src/binary/build.ts [--target bun-linux-x64|bun-linux-arm64] [--outfile dist/pulse]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bundleScript } from '../compat/scripts'
import { bundleDashboard } from '../dashboard/build'
import { bundleTracker, TRACKER_EXTRAS_ENTRY } from '../tracker/build'

const ROOT = resolve(import.meta.dir, '../..')

/** The `@duckdb/node-bindings-*` package of each target; every other platform's package is left out. */
const BINDINGS: Record<string, string> = {
  'bun-linux-x64': '@duckdb/node-bindings-linux-x64',
  'bun-linux-arm64': '@duckdb/node-bindings-linux-arm64',
}
const ALL_BINDINGS = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm64',
  'linux-arm64-musl',
  'linux-x64',
  'linux-x64-musl',
  'win32-x64',
  'win32-arm64',
].map((p) => `@duckdb/node-bindings-${p}`)

/**
 * A copy of the library without its debugging symbols when `strip` is installed (~11 MB smaller; the
 * dynamic symbol table stays), else the library itself.
 */
function stripped(lib: string, workDir: string): string {
  const out = join(workDir, 'libduckdb.so')
  const r = Bun.spawnSync(['strip', '--strip-unneeded', '-o', out, lib], {
    stdout: 'ignore',
    stderr: 'ignore',
  })
  return r.exitCode === 0 ? out : lib
}

/** Options of `buildBinary`. */
export interface BuildOptions {
  target?: string
  outfile?: string
  /** Where the generated entry point and bundles go. */
  workDir?: string
  /**
   * Packages left out of the binary (measurements only: `test/bench/binary-clickhouse.ts` builds one
   * without `@clickhouse/client` to weigh what ClickHouse support costs).
   */
  leaveOut?: string[]
}

/** Build the binary; returns its path. Throws with the compiler's output when it fails. */
export async function buildBinary({
  target = 'bun-linux-x64',
  outfile = join(ROOT, 'dist/pulse'),
  workDir = join(ROOT, 'dist/build'),
  leaveOut = [],
}: BuildOptions = {}): Promise<string> {
  const bindings = BINDINGS[target]
  if (!bindings) throw new Error(`Unsupported target ${target} (one of ${Object.keys(BINDINGS).join(', ')})`)
  const libduckdb = join(dirname(Bun.resolveSync(`${bindings}/package.json`, ROOT)), 'libduckdb.so')
  const scalar = join(
    dirname(Bun.resolveSync('@scalar/api-reference/package.json', ROOT)),
    'dist/browser/standalone.js',
  )
  const geoDb = join(
    dirname(Bun.resolveSync('@ip-location-db/geo-whois-asn-country-mmdb/package.json', ROOT)),
    'geo-whois-asn-country.mmdb',
  )
  mkdirSync(workDir, { recursive: true })
  const [tracker, dashboard, extras, plausible, umami] = await Promise.all([
    bundleTracker(),
    bundleDashboard(),
    bundleTracker(TRACKER_EXTRAS_ENTRY),
    bundleScript('plausible'),
    bundleScript('umami'),
  ])
  writeFileSync(join(workDir, 'tracker.js'), tracker)
  writeFileSync(join(workDir, 'scripts.json'), JSON.stringify({ extras, plausible, umami }))
  writeFileSync(join(workDir, 'dashboard.js'), dashboard.js)
  writeFileSync(join(workDir, 'dashboard.css'), dashboard.css)
  const src = (p: string) => JSON.stringify(join(ROOT, 'src', p))
  // The CLI (and with it DuckDB) is imported only once the library is loaded. No top-level await:
  // `--bytecode` (parsing at build time: ~100–200 ms less per start) needs a CommonJS-compatible entry.
  writeFileSync(
    join(workDir, 'main.ts'),
    `import lib from ${JSON.stringify(stripped(libduckdb, workDir))} with { type: 'file' }
import scalarPath from ${JSON.stringify(scalar)} with { type: 'file' }
import geoDbPath from ${JSON.stringify(geoDb)} with { type: 'file' }
import trackerJs from './tracker.js' with { type: 'text' }
import scripts from './scripts.json'
import dashboardJs from './dashboard.js' with { type: 'text' }
import dashboardCss from './dashboard.css' with { type: 'text' }
import { loadEmbeddedLibrary } from ${src('binary/native.ts')}
import { ensureThreadPool } from ${src('cli/thread-pool.ts')}
import { registerPrebuilt } from ${src('prebuilt.ts')}
// First of all: start again with a big enough worker pool if the environment does not give one.
ensureThreadPool([process.execPath], process.argv.slice(2))
registerPrebuilt({ trackerJs, scripts, dashboardJs, dashboardCss, scalarPath, geoDbPath })
// help, version and health never touch DuckDB: they skip loading it (a HEALTHCHECK runs every few seconds).
const light = ['help', 'version', 'health', '--help', '-h', '--version', '-v'].includes(process.argv[2] ?? '')
;(light ? Promise.resolve() : loadEmbeddedLibrary(lib))
  .then(() => import(${src('cli.ts')}))
  .then(({ runCli }) => runCli(process.argv.slice(2)))
  .then((code) => { process.exitCode = code })
  .catch((err) => { console.error(\`pulse: \${err?.message ?? err}\`); process.exit(1) })
`,
  )
  mkdirSync(dirname(outfile), { recursive: true })
  const external = [...ALL_BINDINGS.filter((b) => b !== bindings), ...leaveOut].flatMap((b) => [
    '--external',
    b,
  ])
  const proc = Bun.spawnSync(
    [
      process.execPath,
      'build',
      '--compile',
      `--target=${target}`,
      '--minify-whitespace',
      '--minify-syntax',
      '--bytecode',
      ...external,
      join(workDir, 'main.ts'),
      '--outfile',
      outfile,
    ],
    { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' },
  )
  if (proc.exitCode !== 0)
    throw new Error(`bun build --compile failed:\n${proc.stdout.toString()}\n${proc.stderr.toString()}`)
  return outfile
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { target: { type: 'string' }, outfile: { type: 'string' } },
  })
  const started = performance.now()
  const out = await buildBinary({ target: values.target, outfile: values.outfile && resolve(values.outfile) })
  const size = Bun.file(out).size
  console.log(
    `built ${out} (${(size / 1_048_576).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}
