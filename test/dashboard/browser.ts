// Headless Chromium for the dashboard tests (Debian's chromium through playwright-core), with a
// fresh profile per launch, no network beyond the test server, and a clean-up that removes the profile.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** A launched browser context and its clean-up. */
export interface TestBrowser {
  context: BrowserContext
  close(): Promise<void>
}

/** Launch Chromium with a fresh user-data-dir. */
export async function launchBrowser(
  opts: { colorScheme?: 'light' | 'dark'; timezoneId?: string } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'pulse-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    colorScheme: opts.colorScheme ?? 'light',
    timezoneId: opts.timezoneId ?? 'UTC',
    locale: 'en-US',
  })
  return {
    context,
    async close() {
      await context.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
