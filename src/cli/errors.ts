/**
 * Bad input to the `cutoff` command (a missing column, an unreadable file, a bad option):
 * exit code 2 with this one-line message on stderr.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes of every subcommand. */
export const EXIT = { ok: 0, floorFailed: 1, badInput: 2 } as const;
