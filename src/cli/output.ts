// Exit codes and output of the CLI. Scripts rely on the codes and on `--json` output on stdout;
// people read the plain text. Errors go to stderr as one line starting with "pulse: ".

/** Exit codes (listed by `pulse help`). */
export const EXIT = {
  ok: 0,
  /** The operation failed (I/O, database, server error). */
  failed: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** The data directory is in use by a process that does not answer, or the server refused the token. */
  unavailable: 3,
  notFound: 4,
  /** Already exists, or refused in the current state (e.g. restore onto a database). */
  conflict: 5,
} as const

/** An error that ends the command with `code` and `message` on stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failed,
  ) {
    super(message)
  }
}

/** The exit code for an HTTP status (from the admin API or a thrown AppError). */
export function exitForStatus(status: number): number {
  if (status === 404) return EXIT.notFound
  if (status === 409) return EXIT.conflict
  if (status === 401 || status === 403) return EXIT.unavailable
  if (status === 400 || status === 422) return EXIT.usage
  return EXIT.failed
}

/** Print `data` as JSON (with `--json`) or as the given text lines. */
export function emit(json: boolean, data: unknown, text: () => string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
  else {
    const lines = text()
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`)
  }
}

/** Rows as aligned columns with a header. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}
