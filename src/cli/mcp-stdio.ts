// `pulse mcp`: the MCP server over stdio, for editors and desktop assistants. Tool calls go to the server
// that owns the data directory when one is running (over HTTP, its keys and limits), else to the app
// opened here in process on the same data directory. stdout carries only the protocol; logs go to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { systemClock } from '../clock'
import type { Config } from '../config'
import { isAdminToken } from '../http/auth'
import { createLogger } from '../logger'
import { createMcpServer, loadTools } from '../mcp/server'
import { resolveAdminToken } from '../serve'
import { runningServer } from './connect'

/** Options of `runMcpStdio`. */
export interface McpStdioOptions {
  /** The key tool calls use (PULSE_MCP_KEY): a secret key or the admin token; default the admin token. */
  key?: string
}

/** Serve MCP on stdin/stdout until stdin closes; resolves then, after closing what it opened. */
export async function runMcpStdio(config: Config, { key }: McpStdioOptions = {}): Promise<void> {
  const admin = resolveAdminToken(config).token
  const callerKey = key || admin
  let handle: (request: Request) => Promise<Response>
  let close = async () => {}
  const url = await runningServer(config.dataDir)
  if (url) {
    handle = async (request) => {
      const u = new URL(request.url)
      return fetch(`${url}${u.pathname}${u.search}`, {
        method: request.method,
        headers: request.headers,
        body: request.method === 'GET' ? undefined : await request.text(),
      })
    }
  } else {
    const { createServices } = await import('../services')
    const { createApp } = await import('../app')
    const services = await createServices(
      { ...config, adminToken: admin },
      { clock: systemClock, logger: createLogger(config.logLevel) },
    )
    const app = createApp(services)
    handle = (request) => app.handle(request)
    close = async () => {
      await services.close()
    }
  }
  const server = createMcpServer(await loadTools(handle), {
    handle,
    key: callerKey,
    admin: isAdminToken(callerKey, admin),
  })
  const transport = new StdioServerTransport()
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve()
    process.stdin.once('end', () => resolve())
  })
  await server.connect(transport)
  await closed
  await server.close().catch(() => undefined)
  await close()
}
