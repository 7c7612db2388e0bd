// Disk faults under load, at the sizes (issue 27): a full disk then 18 MB freed, and a switch of
// the data directory to read-only, on a tmpfs and on an ext4 image, in both durability modes. Prints one
// line per scenario: acknowledged vs stored, statuses and causes while broken, the longest read, the time
// to heal, the exit code of SIGTERM, log lines while broken. Needs root (mount, losetup).
// Run: bun test/bench/disk-faults.ts [tmpfs|ext4] [full|readonly] [fsync|none] [small]
// (`small`: the sizes of the suite's scenarios, test/faults/disk-faults.e2e.test.ts, for chasing a failure there.)
import { diskSupport } from '../faults/disks'
import { type Fault, runScenario, summarize } from '../faults/scenario'

const args = process.argv.slice(2)
const pick = <T extends string>(all: readonly T[]) => {
  const chosen = all.filter((a) => args.includes(a))
  return chosen.length > 0 ? chosen : all
}
const support = diskSupport()
for (const kind of pick(['tmpfs', 'ext4'] as const)) {
  if (support[kind] !== true) {
    console.log(`${kind}: skipped (${support[kind]})`)
    continue
  }
  for (const fault of pick(['full', 'readonly'] as Fault[]))
    for (const mode of pick(['fsync', 'none'] as const)) {
      if (kind === 'tmpfs' && fault === 'readonly') {
        console.log(
          `${kind} ${fault} ${mode}: skipped (a tmpfs cannot turn read-only with files open for writing)`,
        )
        continue
      }
      const sizes = args.includes('small')
        ? {
            diskMb: 64,
            posters: 2,
            batchSize: 500,
            pauseMs: 100,
            warmMs: 1000,
            brokenMs: 3000,
            afterMs: 1000,
          }
        : { diskMb: 256, brokenMs: 8000, posters: 4, batchSize: 1000, pauseMs: 0 }
      const r = await runScenario({ kind, mode, fault, ...sizes })
      console.log(summarize(`${kind} ${fault} ${mode}`, r))
      if (process.env.PULSE_BENCH_LOG) console.log(r.log)
    }
}
