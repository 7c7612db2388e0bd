// What the accounts routes need, built by `createServices` and passed through `createApp`.
import type { Config } from '../config'
import type { KeyDirectory } from '../http/auth'
import type { AuditLog } from './audit'
import type { OutgoingMail } from './invitation-mail'
import type { SharePasswordLimiters } from './sharing'
import type { AccountStore } from './store'
import type { SignInLimiters } from './users'

/** The accounts routes' dependencies. */
export interface AccountRouteDeps {
  config: Config
  accounts: AccountStore
  audit: AuditLog
  /** Site existence (the sites module's store). */
  store: KeyDirectory
  signIn: SignInLimiters
  sharePasswords: SharePasswordLimiters
  /** Validates a locked filter as the stats API would (422 otherwise); injected to keep stats above. */
  checkFilters: (filters: Record<string, string>) => void
  /** Sends an email when SMTP is configured (the reports module's mailer); throws a one-line reason. */
  sendMail?: (mail: OutgoingMail) => Promise<void>
}
