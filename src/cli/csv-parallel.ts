/**
 * The parallel reader of a plain local CSV file, for `check` and `curve` on millions of rows:
 * past its first chunk (read as ever, with the header), the file is cut into ranges of whole
 * chunks, parsed by worker threads (csv-range-job) and handed back in file order, so rows,
 * first errors and their row and line numbers are those of the single-threaded reader. Only a
 * file it can prove plain is taken: UTF-8, `\n` or `\r\n` line breaks, no double quote anywhere,
 * a line break in every chunk; anything else is left to the single-threaded reader.
 */
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CHUNK_BYTES, DELIMITERS, type CsvDialect } from '../data/csv-stream';
import { runJob, type JobResult, type RangeJob } from './csv-range-job';
import { holdsQuote, type ParsedRange, type RangeSpec } from './csv-range-parse';

/** `CUTOFF_CSV_THREADS=0` keeps the single-threaded reader; `=N` reads any plain CSV with N threads. */
export const CSV_THREADS_ENV = 'CUTOFF_CSV_THREADS';

/** Smaller files are read on the main thread: starting workers would cost more than it saves. */
export const MIN_PARALLEL_BYTES = 32 << 20;

/** Chunks a range holds: 8 MB, about 100,000 rows of a scores file, small enough to keep every thread busy. */
const RANGE_BLOCKS = 16;

/** Ranges parsed ahead of the one being counted, per thread: bounds the memory they take. */
const AHEAD_PER_THREAD = 2;

/** The worker script, built beside the command's bundle; absent when the sources run (the unit tests). */
const WORKER_FILE = 'csv-range-worker.mjs';

/** Threads to read a plain CSV file of `size` bytes with; 0 for the single-threaded reader. */
export function csvThreads(size: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = env[CSV_THREADS_ENV];
  if (set !== undefined && set !== '') {
    const n = Number(set);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 64) : 0;
  }
  const cores = availableParallelism();
  return size >= MIN_PARALLEL_BYTES && cores >= 2 ? cores : 0;
}

/** What the last parallel read did, for the tests that it is used: ranges parsed, and on how many worker threads (0: on the main thread). */
let lastRead: { ranges: number; threads: number } | null = null;

export function lastParallelRead(): { ranges: number; threads: number } | null {
  return lastRead;
}

interface Runner {
  threads: number;
  run(job: RangeJob): Promise<JobResult>;
  close(): Promise<void>;
}

function inlineRunner(): Runner {
  return { threads: 0, run: (job) => Promise.resolve().then(() => runJob(job).result), close: () => Promise.resolve() };
}

/** A pool of worker threads; an idle one is unref'd, so a pool left unclosed never keeps the process alive. */
function threadRunner(script: URL, count: number): Runner {
  const idle: Worker[] = [];
  const queue: { job: RangeJob; settle: (result: JobResult | Error) => void }[] = [];
  const busy = new Map<Worker, (result: JobResult | Error) => void>();
  const all: Worker[] = [];
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const { job, settle } = queue.shift() as (typeof queue)[number];
      busy.set(worker, settle);
      worker.ref();
      worker.postMessage({ id: 0, job });
    }
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(script);
    const done = (result: JobResult | Error) => {
      const settle = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      settle?.(result);
      dispatch();
    };
    worker.on('message', (m: { result?: JobResult; error?: string }) => done(m.result ?? new Error(m.error ?? 'a CSV reader thread failed')));
    worker.on('error', (error) => done(error));
    worker.unref();
    idle.push(worker);
    all.push(worker);
  }
  return {
    threads: count,
    run: (job) =>
      new Promise<JobResult>((resolve, reject) => {
        queue.push({ job, settle: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
        dispatch();
      }),
    close: async () => {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

function runnerFor(threads: number): Runner {
  const script = new URL(`./${WORKER_FILE}`, import.meta.url);
  return script.protocol === 'file:' && existsSync(fileURLToPath(script)) ? threadRunner(script, threads) : inlineRunner();
}

/**
 * The ranges after the first chunk of a plain CSV file, parsed in parallel, in file order; null
 * when the file is not one the fast path can prove plain (then nothing was read past the first
 * chunk, and the single-threaded reader goes on). `firstLines`: the lines the first chunk's batch
 * ended, which must be its line breaks (no quote in it).
 */
export async function parallelRanges(
  file: { path: string; size: number },
  dialect: CsvDialect,
  spec: Omit<RangeSpec, 'delimiter' | 'blockBytes'>,
  firstLines: number,
): Promise<AsyncGenerator<ParsedRange> | null> {
  lastRead = null;
  const threads = csvThreads(file.size);
  const { path, size } = file;
  const delimiter = DELIMITERS.find((d) => d === dialect.delimiter);
  if (threads === 0 || size <= CHUNK_BYTES || dialect.encoding !== 'utf-8' || dialect.linebreak === '\r' || delimiter === undefined) return null;
  // The first chunk's batch must end exactly at its last line break.
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    head = new Uint8Array(CHUNK_BYTES);
    const { bytesRead } = await handle.read(head, 0, CHUNK_BYTES, 0);
    if (bytesRead !== CHUNK_BYTES) return null;
  } finally {
    await handle.close();
  }
  let breaks = 0;
  for (let at = head.indexOf(10); at !== -1; at = head.indexOf(10, at + 1)) breaks++;
  if (breaks !== firstLines || holdsQuote(head)) return null;
  const runner = runnerFor(threads);
  const blocks = Math.ceil(size / CHUNK_BYTES);
  try {
    const per = Math.ceil((blocks - 1) / threads);
    const scans: Promise<JobResult>[] = [];
    for (let b = 1; b < blocks; b += per) {
      scans.push(runner.run({ kind: 'scan', path, start: b * CHUNK_BYTES, end: Math.min(size, (b + per) * CHUNK_BYTES), size, blockBytes: CHUNK_BYTES }));
    }
    const safe = (await Promise.all(scans)).every((r) => r.kind === 'scan' && r.safe);
    if (!safe) {
      await runner.close();
      return null;
    }
  } catch (error) {
    await runner.close();
    throw error;
  }
  const full: RangeSpec = { ...spec, delimiter: delimiter.charCodeAt(0), blockBytes: CHUNK_BYTES };
  const jobs: RangeJob[] = [];
  for (let b = 1; b < blocks; b += RANGE_BLOCKS) {
    jobs.push({ kind: 'parse', path, start: b * CHUNK_BYTES, end: Math.min(size, (b + RANGE_BLOCKS) * CHUNK_BYTES), size, spec: full });
  }
  lastRead = { ranges: jobs.length, threads: runner.threads };
  return inOrder(runner, jobs, AHEAD_PER_THREAD * Math.max(1, threads));
}

/** The jobs' ranges in order, at most `ahead` of them asked for at a time. */
async function* inOrder(runner: Runner, jobs: RangeJob[], ahead: number): AsyncGenerator<ParsedRange> {
  const pending: Promise<JobResult>[] = [];
  let next = 0;
  const ask = () => {
    const p = runner.run(jobs[next++]);
    // Awaited in turn below; a failure of one further ahead must not go unhandled meanwhile.
    p.catch(() => undefined);
    pending.push(p);
  };
  try {
    while (next < jobs.length && pending.length < ahead) ask();
    while (pending.length > 0) {
      const result = await (pending.shift() as Promise<JobResult>);
      if (next < jobs.length) ask();
      if (result.kind === 'parse') yield result.range;
    }
  } finally {
    await runner.close();
  }
}
