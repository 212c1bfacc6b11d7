/**
 * The process's own streams as the command's Io: each write resolves once the stream has taken
 * it and rejects on a write error, so a full disk or a broken device behind stdout ends the
 * command with exit 2 instead of a green step with an empty file. A reader that closed the pipe
 * (`cutoff apply … | head`) is not an error: the command ends quietly.
 */
import { InputError } from './errors';

export interface WriteTarget {
  write(text: string, done: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The one-line message for a failed write, naming the errno when there is one. */
export function writeFailure(where: string, error: Error): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'no space left on the device' : code === 'EIO' ? 'an input/output error' : (code ?? error.message);
  return new InputError(`cannot write to ${where} (${why}); the output is incomplete`);
}

/**
 * `out` for a stream. `closedReader` is called on EPIPE (the reader went away: not a failure of
 * this command); every other error rejects the write in progress and every later one.
 */
export function streamWriter(stream: WriteTarget, where: string, closedReader: () => void): (text: string) => Promise<void> {
  let failure: Error | null = null;
  // Without a listener a stream error would crash the process with a stack trace.
  stream.on('error', (error) => {
    failure ??= error;
  });
  return (text) =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failure ??= error;
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') closedReader();
        else reject(writeFailure(where, error));
      };
      if (failure) return fail(failure);
      // The callback runs when the chunk is written or has failed: both outcomes are known
      // before the command can report success.
      stream.write(text, (error) => (error ? fail(error) : resolve()));
    });
}
