// The email of an invitation, for servers with SMTP configured: the same one-time link the API answers
// with, so mailing it is a convenience, never the only way in. The link is the secret: it goes in the
// message and nowhere else (not in the audit log, not in the deliveries table).
import type { AccountRouteDeps } from './deps'
import type { SiteRole } from './permissions'

/** An email to send (the reports module's mailer sends it; injected through the routes' deps). */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/** The invitation email for `email`: who invites, to what, the link and when it expires. */
export function invitationMail(input: {
  email: string
  url: string
  siteId: string | null
  role: string | null
  owner: boolean
  expiresAt: number
}): OutgoingMail {
  const what = input.owner ? 'an owner of this PULSE server' : `${input.role} of the site ${input.siteId}`
  const until = new Date(input.expiresAt).toUTCString()
  const text = [
    `You are invited to PULSE as ${what}.`,
    '',
    'Open this link to choose a password (it works once):',
    input.url,
    '',
    `The link expires ${until}. If you did not expect this, ignore this message.`,
  ].join('\n')
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<p>You are invited to PULSE as ${escapeHtml(what)}.</p>
<p><a href="${escapeHtml(input.url)}">Choose a password</a> (the link works once).</p>
<p style="color:#666">The link expires ${escapeHtml(until)}. If you did not expect this, ignore this message.</p>
</body></html>`
  return { to: input.email, subject: 'Your invitation to PULSE', text, html }
}

/** Mail an invitation's link when asked; the reason when it could not be sent (audited, without the link). */
export async function mailInvitation(
  deps: AccountRouteDeps,
  record: { email: string; siteId: string | null; role: SiteRole | null; owner: boolean; expiresAt: number },
  url: string,
): Promise<{ error?: string }> {
  let error: string | undefined
  if (!deps.sendMail) error = 'Email is not configured (PULSE_SMTP_HOST, PULSE_SMTP_FROM): pass the link on'
  else
    try {
      await deps.sendMail(invitationMail({ ...record, url }))
    } catch (err) {
      error = (err as Error).message.slice(0, 500)
    }
  await deps.audit.record({
    actor: 'server',
    action: 'invitation.email',
    siteId: record.siteId,
    target: record.email,
    outcome: error === undefined ? 'ok' : 'refused',
  })
  return { error }
}
