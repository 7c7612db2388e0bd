// Outgoing email over SMTP with nodemailer, configured from the environment (`config.smtp`). The
// transport never logs (nodemailer's logger and debug are off): its log lines would carry the password.
import nodemailer from 'nodemailer'
import type { SmtpConfig } from '../config'

/** An email to send. */
export interface Mail {
  to: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
  /** A stable Message-ID: a resend after a crash mid-send carries the same one, so clients can fold it. */
  messageId?: string
}

/** Sends email; `send` throws with the server's answer when a message is refused. */
export interface Mailer {
  send(mail: Mail): Promise<void>
  close(): void
}

/** A mailer for `smtp`. Timeouts keep an unreachable host from holding a delivery pass for minutes. */
export function createMailer(smtp: SmtpConfig, { timeoutMs = 15_000 }: { timeoutMs?: number } = {}): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    logger: false,
    debug: false,
  })
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId: mail.messageId,
      })
    },
    close: () => transport.close(),
  }
}

/** An error's message fit for the deliveries table and the log: one line, no credentials. */
export function describeMailError(err: unknown, smtp: SmtpConfig | undefined): string {
  const e = err as { message?: string; code?: string; responseCode?: number }
  let msg = String(e?.message ?? err)
    .replace(/\s+/g, ' ')
    .slice(0, 500)
  if (smtp?.password) msg = msg.split(smtp.password).join('***')
  if (e?.code === 'EAUTH') return `SMTP login refused (check PULSE_SMTP_USER and PULSE_SMTP_PASSWORD): ${msg}`
  if (e?.code === 'ECONNECTION' || e?.code === 'ETIMEDOUT' || e?.code === 'ESOCKET' || e?.code === 'EDNS')
    return `SMTP server ${smtp?.host}:${smtp?.port} unreachable (${e.code}): ${msg}`
  return msg
}
