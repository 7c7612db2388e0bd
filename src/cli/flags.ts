// The flags of the CLI's data commands, parsed once in commands.ts and read by each command's module.

/** Flags the data commands read. */
export interface CommandFlags {
  json?: boolean
  name?: string
  domain?: string[]
  kind?: string
  event?: string
  page?: string
  property?: string
  force?: boolean
  'replay-log'?: boolean
  yes?: boolean
  source?: string
  site?: string
  'dry-run'?: boolean
  format?: string
  period?: string
  output?: string
  at?: string
  url?: string
  key?: string
  owner?: boolean
  role?: string
  filter?: string[]
  'min-visitors'?: string
  expires?: string
  'send-email'?: boolean
  email?: string
  frequency?: string
  hour?: string
  timezone?: string
  threshold?: string
  window?: string
  goal?: string
  webhook?: string
  'quiet-minutes'?: string
}
