/**
 * `-o FILE`: output written to a temporary file beside FILE and renamed onto it only when the
 * command finishes, so a failure at row 900,001 leaves FILE as it was (or absent), never half
 * written.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from './errors';

export interface AtomicOutput {
  write(text: string): Promise<void>;
  /** Renames the finished file onto the target. */
  commit(): Promise<void>;
  /** Removes the temporary file. */
  abort(): Promise<void>;
}

export function atomicOutput(path: string): AtomicOutput {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  const fail = (): never => {
    throw new InputError(`-o ${path}: cannot be written (${(failure as NodeJS.ErrnoException | null)?.code ?? failure?.message})`);
  };
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(new InputError(`-o ${path}: cannot be written (${failure.message})`));
        if (stream.write(text)) resolve();
        else stream.once('drain', resolve);
      }),
    async commit() {
      await new Promise<void>((resolve) => stream.end(resolve));
      if (failure) fail();
      try {
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw new InputError(`-o ${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    },
    async abort() {
      await new Promise<void>((resolve) => stream.destroy() && resolve());
      await rm(temp, { force: true });
    },
  };
}
