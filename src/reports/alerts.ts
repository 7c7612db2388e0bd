// Alert rules, checked at most once a minute each through the stats API. A rule fires when its
// condition starts to hold (and the quiet period since its last alert is over) and recovers when it
// stops; each transition is claimed as a delivery in one transaction with the rule's new state
// (`run_key` alert:<id>:<transition>), so a restart never repeats or loses one.
import type { Database } from '../db/open'
import { claimDelivery, type NewDelivery } from './deliveries'
import { getWebhookTarget, recordCheck, type StoredRule } from './repo'
import type { StatsClient } from './stats-client'
import { webhookBody } from './webhook'

const WEEK = 7 * 86_400_000
const CHECK_EVERY_MS = 60_000

/** The value a rule watches, and whether its condition holds. */
export interface RuleCheck {
  value: number
  baseline?: number
  holds: boolean
}

/** Evaluate a rule at `now`. */
export async function evaluateRule(stats: StatsClient, r: StoredRule, now: number): Promise<RuleCheck> {
  const windowMs = r.window_minutes * 60_000
  const read = async (from: number, to: number, metric: string, extra: Record<string, string> = {}) =>
    Number(
      (
        await stats('/api/v1/stats', {
          site_id: r.site_id,
          from: String(from),
          to: String(to),
          metric,
          ...extra,
        })
      ).value,
    )
  if (r.kind === 'spike') {
    const value = await read(now - windowMs, now, 'visitors')
    return { value, holds: value > r.threshold }
  }
  if (r.kind === 'drop') {
    const value = await read(now - windowMs, now, 'visitors')
    const baseline = await read(now - WEEK - windowMs, now - WEEK, 'visitors')
    return { value, baseline, holds: baseline > 0 && value < r.threshold * baseline }
  }
  const value = await read(now - windowMs, now, 'conversions', { goal: r.goal ?? '' })
  return { value, holds: value < r.threshold }
}

function describe(r: StoredRule, c: RuleCheck, firing: boolean): { title: string; text: string } {
  const w = `${r.window_minutes} min`
  if (!firing)
    return {
      title: `Recovered: ${r.kind} alert on ${r.site_id}`,
      text: `Back to normal: ${c.value} in the last ${w}.`,
    }
  if (r.kind === 'spike')
    return {
      title: `Traffic spike on ${r.site_id}`,
      text: `${c.value} visitors in the last ${w} (threshold ${r.threshold}).`,
    }
  if (r.kind === 'drop')
    return {
      title: `Traffic drop on ${r.site_id}`,
      text: `${c.value} visitors in the last ${w}, against ${c.baseline} a week ago (alert below ${r.threshold * 100}%). Is the tracker still installed?`,
    }
  return {
    title: `Few conversions of ${r.goal} on ${r.site_id}`,
    text: `${c.value} conversions in the last ${w} (floor ${r.threshold}).`,
  }
}

/**
 * The delivery of a transition of rule `r`; with `testKey`, a test send of what an alert would say now
 * (marked as a test, its own run key, the rule's state untouched).
 */
export async function alertDelivery(
  db: Database,
  r: StoredRule,
  c: RuleCheck,
  firing: boolean,
  now: number,
  testKey?: string,
): Promise<NewDelivery> {
  const described = describe(r, c, firing)
  const title = testKey ? `[test] ${described.title}` : described.title
  const text = testKey
    ? `${described.text} This is a test of the alert rule ${r.rule_id}: its condition ${c.holds ? 'holds' : 'does not hold'} now.`
    : described.text
  const runKey = testKey ?? `alert:${r.rule_id}:${r.transitions + 1}`
  const data = {
    rule_id: r.rule_id,
    kind: r.kind,
    state: firing ? 'firing' : 'recovered',
    value: c.value,
    baseline: c.baseline ?? null,
    threshold: r.threshold,
    window_minutes: r.window_minutes,
    at: new Date(now).toISOString(),
  }
  const base = { runKey, siteId: r.site_id, source: testKey ? ('test' as const) : ('alert' as const) }
  if (r.webhook_id) {
    const hook = await getWebhookTarget(db, r.webhook_id)
    const format = hook?.format ?? 'json'
    const type = testKey ? 'test' : firing ? 'alert' : 'recovery'
    return {
      ...base,
      channel: 'webhook',
      target: r.webhook_id,
      payload: {
        kind: 'webhook',
        body: webhookBody(format, { type, site_id: r.site_id, title, text, data }),
      },
    }
  }
  return {
    ...base,
    channel: 'email',
    target: r.email ?? '',
    payload: {
      kind: 'email',
      subject: title,
      text: `${text}\n`,
      html: `<p><strong>${title}</strong></p><p>${text}</p>`,
    },
  }
}

/** Check the rules due at `now`; returns the transitions claimed. Errors of one rule are reported, not thrown. */
export async function checkRules(
  db: Database,
  stats: StatsClient,
  rules: StoredRule[],
  now: number,
  onError: (ruleId: string, err: Error) => void,
): Promise<number> {
  let transitions = 0
  for (const r of rules) {
    if (r.last_checked_at !== null && now - r.last_checked_at < CHECK_EVERY_MS) continue
    try {
      const c = await evaluateRule(stats, r, now)
      const quiet = r.last_alert_at !== null && now - r.last_alert_at < r.quiet_minutes * 60_000
      const fire = !r.firing && c.holds && !quiet
      const recover = r.firing && !c.holds
      if (!fire && !recover) {
        await recordCheck(db, r.rule_id, now, c.value)
        continue
      }
      const d = await alertDelivery(db, r, c, fire, now)
      const id = await claimDelivery(db, d, now, [
        {
          sql: `UPDATE alert_rules SET firing = $2, transitions = transitions + 1, last_checked_at = $3, last_value = $4,
                last_alert_at = CASE WHEN $2 THEN $3 ELSE last_alert_at END WHERE rule_id = $1 AND transitions = $5`,
          params: [r.rule_id, fire, now, c.value, r.transitions],
        },
      ])
      if (id) transitions++
    } catch (err) {
      onError(r.rule_id, err as Error)
    }
  }
  return transitions
}
