// The bare-Bun ceiling, run as its own process: a `Bun.serve` handler that only reads and JSON-parses the
// body and answers like PULSE does (`{success:true,data:{accepted:N}}`). No routing framework, no
// validation, no storage. Prints `listening <port>`.
const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  async fetch(req) {
    const body = JSON.parse(await req.text()) as { events?: unknown[] }
    const accepted = Array.isArray(body.events) ? body.events.length : 1
    return Response.json({ success: true, data: { accepted } })
  },
})
process.stdout.write(`listening ${server.port}\n`)
process.on('SIGTERM', () => {
  server.stop(true)
  process.exit(0)
})
