// The injected clock: every "now" in the server comes from here, so time-window logic is testable.

/** Returns the current time in epoch milliseconds. */
export type Clock = () => number

/** The real clock. */
export const systemClock: Clock = () => Date.now()

/** A clock for tests: starts at `start` and moves only when told. */
export function manualClock(start: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = start
  const clock = (() => now) as Clock & { set(ms: number): void; advance(ms: number): void }
  clock.set = (ms) => {
    now = ms
  }
  clock.advance = (ms) => {
    now += ms
  }
  return clock
}
