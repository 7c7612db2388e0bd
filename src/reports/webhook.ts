// Webhook deliveries: the JSON body (PULSE's own, or the Slack or Discord preset) POSTed with its
// signature. Webhook URLs can be secrets themselves (Slack's are): errors name the webhook id, never it.
import { signPayload } from './signature'

/** A webhook as the sender needs it. */
export interface WebhookTarget {
  webhook_id: string
  url: string
  format: 'json' | 'slack' | 'discord'
  secret: string
}

/** A message for a webhook: `title` and `text` feed the presets; `data` is PULSE's JSON payload. */
export interface WebhookMessage {
  type: string
  site_id: string
  title: string
  text: string
  data: Record<string, unknown>
}

/** The body to send for `format`. */
export function webhookBody(format: WebhookTarget['format'], m: WebhookMessage): string {
  if (format === 'slack') return JSON.stringify({ text: `*${m.title}*\n${m.text}` })
  if (format === 'discord') return JSON.stringify({ content: `**${m.title}**\n${m.text}`.slice(0, 2000) })
  return JSON.stringify({ type: m.type, site_id: m.site_id, title: m.title, text: m.text, ...m.data })
}

/** POST `body` signed; throws with the status or the network error (the URL left out). */
export async function postWebhook(
  hook: WebhookTarget,
  body: string,
  opts: { deliveryId: string; nowMs: number; timeoutMs?: number },
): Promise<void> {
  const ts = Math.floor(opts.nowMs / 1000)
  let res: Response
  try {
    res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'PULSE-Webhook/1',
        'x-pulse-delivery': opts.deliveryId,
        'x-pulse-timestamp': String(ts),
        'x-pulse-signature': signPayload(hook.secret, ts, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    })
  } catch (err) {
    const msg = (err as Error).message.split(hook.url).join('<url>')
    throw new Error(`webhook ${hook.webhook_id} unreachable: ${msg}`)
  }
  await res.body?.cancel().catch(() => undefined)
  if (res.status < 200 || res.status >= 300)
    throw new Error(`webhook ${hook.webhook_id} answered HTTP ${res.status}`)
}
