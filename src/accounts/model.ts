// The schemas of the accounts and sharing routes: one `t` schema per shape, each a named component.
import { t } from 'elysia'

const Email = t.String({
  maxLength: 254,
  description: 'Email address (any case; stored in lower case)',
  examples: ['ana@example.com'],
})
const Password = t.String({
  maxLength: 256,
  description: 'Password: at least 10 characters. Never logged or echoed.',
})
const Role = t.Union([t.Literal('viewer'), t.Literal('editor'), t.Literal('admin')], {
  description:
    'Site role: `viewer` reads, `editor` also manages goals and share links, `admin` also keys, members, settings and erasure',
})
const SiteIdField = t.String({
  pattern: '^[A-Za-z0-9_.-]{1,64}$',
  description: 'Site identifier',
  examples: ['site_abc123'],
})
const Expiry = t.Integer({
  minimum: 0,
  description: 'Expiry, epoch milliseconds (left out: never)',
  examples: [1893456000000],
})
const Nullable = <S extends ReturnType<typeof t.String>>(s: S) => t.Union([s, t.Null()])

/** Email and password. */
export const Credentials = t.Object({ email: Email, password: Password }, { additionalProperties: false })

/** A password alone. */
export const PasswordBody = t.Object({ password: Password }, { additionalProperties: false })

/** Body of changing your password. */
export const ChangePasswordBody = t.Object(
  {
    current_password: t.String({ maxLength: 256, description: 'Your password now. Never logged or echoed.' }),
    new_password: Password,
  },
  { additionalProperties: false },
)

/** The outcome of a password change. */
export const PasswordChanged = t.Object({
  changed: t.Boolean(),
  sessions_ended: t.Integer({
    description: 'Sessions of this user that were ended (every one; a cookie caller gets a fresh session)',
  }),
})

/** A user as the API shows it. */
export const Account = t.Object({
  user_id: t.String({ examples: ['usr_3f9a0c1d2e4b5a69'] }),
  email: t.String(),
  owner: t.Boolean({ description: 'The instance owner: every right on every site' }),
  roles: t.Record(t.String(), Role, { description: 'Role by site id' }),
  created_at: t.Integer({ description: 'Epoch milliseconds' }),
})

/** Whether the first-run setup is still open. */
export const SetupState = t.Object({
  needed: t.Boolean({ description: 'No user exists yet: the owner can be created with the admin token' }),
})

/** A personal API token's metadata. */
export const ApiTokenInfo = t.Object({
  token_id: t.String(),
  name: t.String(),
  created_at: t.Integer(),
  expires_at: t.Union([t.Integer(), t.Null()]),
})

/** A new personal token, with the token itself (shown once). */
export const CreatedApiToken = t.Object({
  token_id: t.String(),
  name: t.String(),
  token: t.String({ description: 'The token (`pat_…`), shown only now; it carries your roles' }),
  expires_at: t.Union([t.Integer(), t.Null()]),
})

/** Body of creating a personal token. */
export const CreateApiTokenBody = t.Object(
  { name: t.String({ minLength: 1, maxLength: 100 }), expires_at: t.Optional(Expiry) },
  { additionalProperties: false },
)

/** A member of a site. */
export const Member = t.Object({ user_id: t.String(), email: t.String(), role: Role })

/** Body of setting a member's role. */
export const MemberBody = t.Object({ role: Role }, { additionalProperties: false })

/** Body of an invitation. */
export const CreateInvitationBody = t.Object(
  {
    email: Email,
    site_id: t.Optional(SiteIdField),
    role: t.Optional(Role),
    owner: t.Optional(
      t.Boolean({ description: 'Invite a second instance owner (the owner or admin token only)' }),
    ),
    expires_in_hours: t.Optional(
      t.Integer({ minimum: 1, maximum: 720, description: 'Default 168 (7 days)' }),
    ),
    send_email: t.Optional(
      t.Boolean({
        description:
          'Also mail the link to the email (needs SMTP: PULSE_SMTP_HOST, PULSE_SMTP_FROM). The link is answered either way.',
      }),
    ),
  },
  { additionalProperties: false },
)

/** A new invitation: the one-time link. */
export const CreatedInvitation = t.Object({
  invite_id: t.String(),
  email: t.String(),
  url: t.String({ description: 'The one-time link: opening it lets the person set a password' }),
  token: t.String({ description: 'The secret part of the link' }),
  expires_at: t.Integer(),
  emailed: t.Boolean({ description: 'Whether the link was mailed (asked for with `send_email`, and sent)' }),
  email_error: t.Union([t.String(), t.Null()], {
    description: 'Why the mail was not sent (no SMTP, or the server refused); the link still works',
  }),
})

/** An open invitation as its link shows it. */
export const InvitationInfo = t.Object({
  email: t.String(),
  site_id: Nullable(t.String()),
  role: t.Union([Role, t.Null()]),
  owner: t.Boolean(),
  expires_at: t.Integer(),
})

const LockedFilters = t.Record(t.String({ maxLength: 80 }), t.String({ maxLength: 500 }), {
  description: 'Filters the holder cannot remove or change, e.g. `{"country": "DE"}`',
  examples: [{ country: 'DE' }],
})
const MinVisitors = t.Integer({
  minimum: 2,
  maximum: 1000,
  description: 'Rows under this many visitors fold into "(other)"; a view narrower than this is refused',
})

/** Body of a read-only key. */
export const CreateReadKeyBody = t.Object(
  {
    name: t.Optional(t.String({ minLength: 1, maxLength: 100 })),
    locked_filters: t.Optional(LockedFilters),
    min_visitors: t.Optional(MinVisitors),
    expires_at: t.Optional(Expiry),
  },
  { additionalProperties: false },
)

/** A read-only key's metadata. */
export const ReadKeyInfo = t.Object({
  key_id: t.String(),
  site_id: t.String(),
  name: t.String(),
  locked_filters: LockedFilters,
  min_visitors: t.Union([t.Integer(), t.Null()]),
  created_at: t.Integer(),
  expires_at: t.Union([t.Integer(), t.Null()]),
})

/** A new read-only key, with the key (shown once). */
export const CreatedReadKey = t.Composite([
  ReadKeyInfo,
  t.Object({ key: t.String({ description: 'The key (`rk_…`), shown only now' }) }),
])

/** Body of a share link. */
export const CreateShareLinkBody = t.Object(
  {
    name: t.Optional(t.String({ minLength: 1, maxLength: 100 })),
    password: t.Optional(Password),
    locked_filters: t.Optional(LockedFilters),
    min_visitors: t.Optional(MinVisitors),
    expires_at: t.Optional(Expiry),
    embed_origins: t.Optional(
      t.Array(t.String({ maxLength: 200 }), {
        maxItems: 20,
        description: 'Origins that may show the link in an <iframe> (not with a password)',
        examples: [['https://blog.example.com']],
      }),
    ),
  },
  { additionalProperties: false },
)

/** A share link's metadata. */
export const ShareLinkInfo = t.Object({
  link_id: t.String(),
  site_id: t.String(),
  name: t.String(),
  has_password: t.Boolean(),
  locked_filters: LockedFilters,
  min_visitors: t.Union([t.Integer(), t.Null()]),
  embed_origins: t.Array(t.String()),
  created_at: t.Integer(),
  expires_at: t.Union([t.Integer(), t.Null()]),
  revoked_at: t.Union([t.Integer(), t.Null()]),
})

/** A new share link with its URL (shown once). */
export const CreatedShareLink = t.Composite([
  ShareLinkInfo,
  t.Object({ url: t.String({ description: 'The link, shown only now' }), slug: t.String() }),
])

/** What an open share link tells its visitor. */
export const SharedView = t.Object({
  site_id: t.String(),
  name: t.String(),
  needs_password: t.Boolean(),
  locked_filters: LockedFilters,
  min_visitors: t.Union([t.Integer(), t.Null()]),
})

/** A share link unlocked with its password. */
export const ShareAccess = t.Object({
  access_token: t.String({ description: 'Send as `Authorization: Bearer …` to the stats API (`shs_…`)' }),
  expires_at: t.Integer(),
})

/** One audit entry. */
export const AuditEntrySchema = t.Object({
  at: t.Integer({ description: 'Epoch milliseconds' }),
  actor: t.String({ description: 'Who: `user:<email>`, `admin-token`, `secret-key:<key id>`, …' }),
  action: t.String({
    examples: ['sign-in', 'read-key.create', 'share-link.revoke', 'member.role', 'erase', 'export'],
  }),
  site_id: t.Union([t.String(), t.Null()]),
  target: t.Union([t.String(), t.Null()]),
  address: t.Union([t.String(), t.Null()]),
  outcome: t.String({ examples: ['ok', 'refused'] }),
})

/** Limit of an audit listing. */
export const AuditQuery = t.Object(
  {
    limit: t.Optional(
      t.Integer({ minimum: 1, maximum: 1000, description: 'Most entries (default 200), newest first' }),
    ),
  },
  { additionalProperties: false },
)
