/**
 * `-o FILE`: output written to a temporary file beside FILE and renamed onto it only when the
 * command finishes, so a failure at row 900,001 leaves FILE as it was (or absent), never half
 * written. Only a regular file or a new path is replaced that way: a symlink is followed to its
 * target, and a device, FIFO or socket is written into directly (renaming over /dev/null would
 * turn the device into a file). The temporary file is removed on any failure and on SIGINT or
 * SIGTERM, which then end the command with 130 or 143.
 */
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { chmod, lstat, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './errors';
import type { Io } from './io';
import { writeFailure } from './process-io';

export interface AtomicOutput {
  write(text: string): Promise<void>;
  /** Renames the finished file onto the target (or closes a device). */
  commit(): Promise<void>;
  /** Removes the temporary file. */
  abort(): Promise<void>;
}

type Target = { kind: 'new' | 'file'; path: string; mode?: number } | { kind: 'special'; path: string };

/** Symlinks followed (as open(2) follows them) up to Linux's own limit. */
const MAX_LINKS = 40;

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** What is at `path` once symlinks are followed: nothing yet, a regular file, or something special. */
async function targetOf(path: string): Promise<Target> {
  let at = path;
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    let info;
    try {
      info = await lstat(at);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return { kind: 'new', path: at };
      throw new InputError(`-o ${path}: cannot be written (${codeOf(error) ?? String(error)})`);
    }
    if (info.isSymbolicLink()) {
      at = resolve(dirname(at), await readlink(at));
      continue;
    }
    if (info.isDirectory()) throw new InputError(`-o ${path} is a folder; name a file in it`);
    if (info.isFile()) return { kind: 'file', path: at, mode: info.mode & 0o7777 };
    return { kind: 'special', path: at };
  }
  throw new InputError(`-o ${path}: too many levels of symbolic links`);
}

/** Temporary files not yet renamed or removed, for the signal and exit handlers. */
const pending = new Set<string>();

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

const onSigint = () => {
  removePending();
  process.exit(130);
};
const onSigterm = () => {
  removePending();
  process.exit(143);
};

function track(temp: string): void {
  if (pending.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    process.on('exit', removePending);
  }
  pending.add(temp);
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('exit', removePending);
  }
}

/** Opens `path` for writing; rejects with a one-line error naming `shown` when it cannot. */
function openStream(path: string, shown: string, flags: string, mode?: number): Promise<WriteStream> {
  return new Promise((done, fail) => {
    const stream = createWriteStream(path, { flags, mode });
    stream.once('open', () => done(stream));
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'a read-only file system' : (code ?? error.message);
      fail(new InputError(`-o ${shown}: cannot be written (${why})`));
    });
  });
}

function writer(stream: WriteStream, shown: string) {
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const check = () => {
    if (failure) throw writeFailure(`-o ${shown}`, failure);
  };
  return {
    check,
    write: (text: string) =>
      new Promise<void>((done, fail) => {
        if (failure) return fail(writeFailure(`-o ${shown}`, failure));
        stream.write(text, (error) => (error ? fail(writeFailure(`-o ${shown}`, error)) : done()));
      }),
    end: () => new Promise<void>((done) => stream.end(done)).then(check),
  };
}

export async function atomicOutput(path: string): Promise<AtomicOutput> {
  const target = await targetOf(path);
  if (target.kind === 'special') {
    // A device or FIFO is written into as it is; there is nothing to replace atomically.
    const stream = await openStream(target.path, path, 'w');
    const w = writer(stream, path);
    return {
      write: w.write,
      commit: w.end,
      abort: async () => {
        stream.destroy();
      },
    };
  }
  const folder = dirname(target.path);
  try {
    if (!(await stat(folder)).isDirectory()) throw new InputError(`-o ${path}: ${folder} is not a folder`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(codeOf(error) === 'ENOENT' ? `-o ${path}: the folder ${folder} does not exist` : `-o ${path}: cannot be written (${codeOf(error) ?? String(error)})`);
  }
  const temp = join(folder, `.${basename(target.path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  track(temp);
  let stream: WriteStream;
  try {
    stream = await openStream(temp, path, 'wx');
  } catch (error) {
    untrack(temp);
    throw error;
  }
  const w = writer(stream, path);
  const discard = async () => {
    stream.destroy();
    await rm(temp, { force: true });
    untrack(temp);
  };
  return {
    write: w.write,
    async commit() {
      try {
        await w.end();
        // A file replaced keeps its permissions.
        if (target.mode !== undefined) await chmod(temp, target.mode);
        await rename(temp, target.path);
        untrack(temp);
      } catch (error) {
        await discard();
        if (error instanceof InputError) throw error;
        throw new InputError(`-o ${path}: cannot be written (${codeOf(error) ?? String(error)})`);
      }
    },
    abort: discard,
  };
}

/** Runs a subcommand with its output to `-o FILE` (atomically) when given; a check that fails a floor still writes its report. */
export async function withOutput(values: Readonly<Record<string, unknown>>, io: Io, run: (io: Io) => Promise<number>): Promise<number> {
  const path = typeof values.output === 'string' ? values.output : undefined;
  if (path === undefined) return run(io);
  const file = await atomicOutput(path);
  try {
    const code = await run({ ...io, out: file.write });
    await file.commit();
    return code;
  } catch (error) {
    await file.abort();
    throw error;
  }
}
