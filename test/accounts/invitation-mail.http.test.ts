// Invitations by mail, when SMTP is configured: the link is also sent (received by a real SMTP server,
// `smtp-server`, and parsed with `mailparser`), it is the one the API answered and it works; a wrong
// SMTP password or no SMTP at all still answers the working link, with the reason it was not mailed.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { ADMIN_TOKEN, createTestApp, type TestApp } from '../helpers/app'
import { startSmtp } from '../reports/helpers'

const PASSWORD = 'correct horse battery staple'
let smtp: Awaited<ReturnType<typeof startSmtp>>
const apps: TestApp[] = []

async function app(env: Record<string, string>): Promise<TestApp> {
  const h = await createTestApp(env)
  await h.site('site_a', ['a.example'])
  apps.push(h)
  return h
}

const invite = (h: TestApp, email: string, send_email?: boolean) =>
  h.json('POST', '/api/v1/invitations', {
    key: ADMIN_TOKEN,
    body: { email, site_id: 'site_a', role: 'viewer', send_email },
  })

beforeAll(async () => {
  smtp = await startSmtp()
})
afterAll(async () => {
  for (const h of apps) await h.close()
  await smtp.close()
})

describe('invitation mail', () => {
  test('with SMTP, the link the API answers is mailed and works; without send_email nothing is sent', async () => {
    const h = await app(smtp.env())
    const quiet = await invite(h, 'nomail@x.io')
    expect(quiet.body.data.emailed).toBe(false)
    expect(quiet.body.data.email_error).toBeNull()
    const res = await invite(h, 'ana@x.io', true)
    expect(res.status).toBe(201)
    expect(res.body.data.emailed).toBe(true)
    expect(smtp.mails).toHaveLength(1)
    const mail = smtp.mails[0]
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('ana@x.io')
    expect(mail.text).toContain(res.body.data.url)
    expect(mail.html || '').toContain(res.body.data.url)
    const token = String(mail.text).match(/\/invite\/(inv_[\w-]+)/)?.[1]
    const accepted = await h.json('POST', `/api/v1/invitations/${token}/accept`, {
      body: { password: PASSWORD },
    })
    expect(accepted.status).toBe(201)
    // The audit log says it was mailed, never with the link.
    const audit = JSON.stringify((await h.json('GET', '/api/v1/audit', { key: ADMIN_TOKEN })).body)
    expect(audit).toContain('invitation.email')
    expect(audit).not.toContain(String(token))
  })

  test('a refused SMTP login or no SMTP: the link still answers and works, with the reason', async () => {
    const wrong = await app(smtp.env('wrong-password'))
    const res = await invite(wrong, 'bo@x.io', true)
    expect(res.status).toBe(201)
    expect(res.body.data.emailed).toBe(false)
    expect(res.body.data.email_error).toContain('SMTP login refused')
    expect(res.body.data.email_error).not.toContain('wrong-password')
    const none = await app({})
    const plain = await invite(none, 'cy@x.io', true)
    expect(plain.body.data.emailed).toBe(false)
    expect(plain.body.data.email_error).toContain('not configured')
    for (const [h, r] of [
      [wrong, res],
      [none, plain],
    ] as const)
      expect(
        (
          await h.json('POST', `/api/v1/invitations/${r.body.data.token}/accept`, {
            body: { password: PASSWORD },
          })
        ).status,
      ).toBe(201)
  })
})
