import { Elysia } from 'elysia'
import { readJsonBody } from '../../src/http/body'

const V = process.env.VARIANT
const answer = (accepted: number) => Response.json({ success: true, data: { accepted } })
let port = 0
if (V === 'elysia') {
  const app = new Elysia()
    .post('/collect', async ({ request }) => {
      const b = JSON.parse(await request.text())
      return { success: true, data: { accepted: 1 } }
    })
    .post('/collect/batch', async ({ request }) => {
      const b = JSON.parse(await request.text())
      return { success: true, data: { accepted: b.events.length } }
    })
    .listen({ port: 0, hostname: '127.0.0.1' })
  port = app.server!.port!
} else {
  const s = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      let b: any
      if (V === 'text') b = JSON.parse(await req.text())
      else if (V === 'pulse') b = await readJsonBody(req, 1_048_576)
      else if (V === 'stream') {
        const r = req.body!.getReader()
        const chunks: Uint8Array[] = []
        for (;;) {
          const { done, value } = await r.read()
          if (done) break
          chunks.push(value)
        }
        b = JSON.parse(new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)))
      } else if (V === 'ab') b = JSON.parse(new TextDecoder().decode(await req.arrayBuffer()))
      return answer(Array.isArray(b.events) ? b.events.length : 1)
    },
  })
  port = s.port!
}
process.stdout.write(`listening ${port}\n`)
process.on('SIGTERM', () => process.exit(0))
