// The `pulse` command line (the compiled binary's entry point; from a checkout `bun src/cli.ts …` or
// `npm run pulse -- …`): parse arguments, build the configuration from the environment plus flags,
// and run one command. Returns the exit code; see cli/output.ts for the codes.
import { parseArgs } from 'node:util'
import { localUrl } from './admin/server-file'
import { helpText } from './cli/help'
import { CliError, EXIT, emit } from './cli/output'
import { ensureThreadPool } from './cli/thread-pool'
import { type Config, ConfigError, loadConfig } from './config'
import { VERSION } from './version'

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  json: { type: 'boolean' },
  name: { type: 'string' },
  domain: { type: 'string', multiple: true },
  kind: { type: 'string' },
  event: { type: 'string' },
  page: { type: 'string' },
  property: { type: 'string' },
  force: { type: 'boolean' },
  'replay-log': { type: 'boolean' },
  yes: { type: 'boolean' },
  source: { type: 'string' },
  site: { type: 'string' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  period: { type: 'string' },
  output: { type: 'string', short: 'o' },
  at: { type: 'string' },
  url: { type: 'string' },
  key: { type: 'string' },
  owner: { type: 'boolean' },
  role: { type: 'string' },
  filter: { type: 'string', multiple: true },
  'min-visitors': { type: 'string' },
  expires: { type: 'string' },
  'send-email': { type: 'boolean' },
  email: { type: 'string' },
  frequency: { type: 'string' },
  hour: { type: 'string' },
  timezone: { type: 'string' },
  threshold: { type: 'string' },
  window: { type: 'string' },
  goal: { type: 'string' },
  webhook: { type: 'string' },
  'quiet-minutes': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** The environment with the command-line flags applied (flags win). */
function envWithFlags(
  env: Record<string, string | undefined>,
  flags: Flags,
): Record<string, string | undefined> {
  return {
    ...env,
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
    ...(flags['data-dir'] !== undefined ? { PULSE_DATA_DIR: flags['data-dir'] } : {}),
  }
}

/** Run the CLI with `argv` (without the program name); resolves with the exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let flags: Flags
  let args: string[]
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    flags = parsed.values
    args = parsed.positionals
  } catch (err) {
    process.stderr.write(`pulse: ${(err as Error).message}\nRun "pulse help" for usage.\n`)
    return EXIT.usage
  }
  try {
    return await run(args, flags, envWithFlags(env, flags))
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`pulse: ${err.message}\n`)
      return err.code
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`pulse: invalid configuration: ${err.message}\n`)
      return EXIT.usage
    }
    process.stderr.write(`pulse: ${(err as Error).message}\n`)
    return EXIT.failed
  }
}

async function run(args: string[], flags: Flags, env: Record<string, string | undefined>): Promise<number> {
  const [command = 'serve', ...rest] = args
  const json = flags.json === true
  if (flags.help || command === 'help') {
    process.stdout.write(helpText())
    return EXIT.ok
  }
  if (flags.version || command === 'version') {
    emit(json, { version: VERSION, bun: Bun.version }, () => [`pulse ${VERSION} (bun ${Bun.version})`])
    return EXIT.ok
  }
  if (command === 'health') return health(loadConfig(env), json)
  // Everything below needs DuckDB: imported only now, so help, version and health start without it.
  if (command === 'serve') {
    const { serve } = await import('./serve')
    await serve(env)
    return EXIT.ok
  }
  if (command === 'dev') {
    const { runDev } = await import('./cli/dev')
    // Listening for the signals before the banner is printed: a signal sent on reading it stops cleanly.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    const dev = await runDev(env, { dataDir: flags['data-dir'], quiet: flags.quiet })
    await stopped
    await dev.stop()
    return EXIT.ok
  }
  if (command === 'mcp') {
    // MCP over stdio: stdout is the protocol's, so nothing else may be printed there.
    const { runMcpStdio } = await import('./cli/mcp-stdio')
    await runMcpStdio(loadConfig(env), { key: env.PULSE_MCP_KEY })
    return EXIT.ok
  }
  const { runCommand } = await import('./cli/commands')
  return runCommand(command, rest, flags, loadConfig(env), { url: env.PULSE_URL, key: env.PULSE_KEY })
}

/** `pulse health`: exit 0 when the server at --host/--port answers /health with status ok (a container HEALTHCHECK). */
async function health(config: Config, json: boolean): Promise<number> {
  const url = `${localUrl(config.host, config.port)}/health`
  const body = await fetch(url, { signal: AbortSignal.timeout(5000) })
    .then((r) => r.json() as Promise<{ status?: string }>)
    .catch((err: Error) => ({ status: 'unreachable', error: err.message }))
  emit(json, body, () => [`${body.status}: ${url}`])
  return body.status === 'ok' ? EXIT.ok : EXIT.failed
}

if (import.meta.main) {
  // From a checkout: start again as `bun [its flags] src/cli.ts …` when the worker pool is too small.
  ensureThreadPool([process.execPath, ...process.execArgv, process.argv[1]], process.argv.slice(2))
  runCli(process.argv.slice(2)).then((code) => (process.exitCode = code))
}
