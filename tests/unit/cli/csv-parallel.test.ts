/**
 * The parallel CSV reader (src/cli/csv-parallel) gives what the single-threaded reader gives:
 * the same `check --json` and `curve` bytes, the same first error with its row or line number,
 * and the single-threaded reader's result where a quote makes the file unsafe to cut. Here the
 * ranges run on the main thread (the sources have no built worker script); csv-parallel-bin runs
 * the built command's worker threads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/data/random';
import { CSV_THREADS_ENV, csvThreads, lastParallelRead, MIN_PARALLEL_BYTES } from '../../../src/cli/csv-parallel';
import { cutoff, tempDir, writePoint, type RunResult } from './fixtures';

const dir = tempDir();
const saved = process.env[CSV_THREADS_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env.CUTOFF_CSV_THREADS;
  else process.env[CSV_THREADS_ENV] = saved;
});

/** Rows over two 8 MB ranges: scores with ties (3 decimals), a weight, a group and labels with NA. */
function writeRows(name: string, n: number, edit: (i: number, cells: string[]) => string[] = (_, c) => c, eol = '\n'): string {
  const random = mulberry32(11);
  const lines = ['id,score,y,region,w'];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.3;
    const score = Math.min(1, Math.max(0, (positive ? 0.35 : 0) + 0.65 * random()));
    const label = random() < 0.01 ? 'NA' : positive ? (random() < 0.5 ? 'yes' : 'Yes') : 'no';
    const cells = [String(i + 1), score.toFixed(3), label, random() < 0.5 ? 'north' : 'south', String(1 + Math.floor(random() * 3))];
    lines.push(edit(i, cells).join(','));
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join(eol) + eol);
  return path;
}

const ROWS = 700_000;

/** The command's output with the parallel reader off, then forced on. */
async function both(...argv: string[]): Promise<[RunResult, RunResult]> {
  process.env[CSV_THREADS_ENV] = '0';
  const single = await cutoff(...argv);
  expect(lastParallelRead()).toBeNull();
  process.env[CSV_THREADS_ENV] = '2';
  const parallel = await cutoff(...argv);
  return [single, parallel];
}

const groupedPoint = () =>
  writePoint(dir, {
    groups: {
      column: 'region',
      strategy: 'manual',
      thresholds: [
        { value: 'north', threshold: 0.4 },
        { value: 'south', threshold: 0.6 },
      ],
    },
    bands: { cuts: [0.3, 0.6], names: ['low', 'mid', 'high'] },
  });

describe('the parallel CSV reader', () => {
  const plain = writeRows('plain.csv', ROWS);

  it('gives the same check --json and curve output, and is used', async () => {
    const point = groupedPoint();
    const [a, b] = await both('check', point, plain, '--json', '--weight', 'w');
    expect(lastParallelRead()?.ranges).toBeGreaterThanOrEqual(2);
    expect(b).toEqual(a);
    expect(a.stdout.length).toBeGreaterThan(100);
    for (const args of [
      ['--label', 'y', '--weight', 'w', '--group', 'region'],
      ['--label', 'y', '--exact'],
    ]) {
      const [c, d] = await both('curve', plain, ...args);
      expect(lastParallelRead()).not.toBeNull();
      expect(d).toEqual(c);
      expect(c.code).toBe(0);
    }
  }, 120_000);

  it('reads CRLF files the same', async () => {
    const crlf = writeRows('crlf.csv', ROWS, undefined, '\r\n');
    const point = writePoint(dir);
    const [a, b] = await both('check', point, crlf, '--json');
    expect(lastParallelRead()).not.toBeNull();
    expect(b).toEqual(a);
    expect(a.code).toBe(0);
  }, 120_000);

  it('stops at the same first error: a bad score in the second range, a negative weight', async () => {
    // Row 400,000 lies past the first 8 MB range.
    const bad = writeRows('bad.csv', ROWS, (i, c) => (i === 399_999 ? [c[0], 'n/a?', 'no', c[3], c[4]] : c));
    const [a, b] = await both('check', writePoint(dir), bad, '--json');
    expect(lastParallelRead()).not.toBeNull();
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('row 400000');
    expect(b).toEqual(a);
    const negative = writeRows('negative.csv', ROWS, (i, c) => (i === 500_000 ? [...c.slice(0, 4), '-2'] : c));
    const [e, f] = await both('curve', negative, '--label', 'y', '--weight', 'w');
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('row 500001');
    expect(f).toEqual(e);
  }, 120_000);

  it('lets a ragged row hide the errors before it in its chunk, as the chunked reader does', async () => {
    const ragged = writeRows('ragged.csv', ROWS, (i, c) => (i === 450_000 ? ['x', ...c] : i === 449_990 ? [c[0], '', ...c.slice(2)] : c));
    const [a, b] = await both('check', writePoint(dir), ragged, '--json');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/line 450002 has 6 fields/);
    expect(b).toEqual(a);
  }, 120_000);

  it('leaves a file with a quote to the single-threaded reader', async () => {
    const quoted = writeRows('quoted.csv', ROWS, (i, c) => (i === 600_000 ? [c[0], c[1], '"no"', c[3], c[4]] : c));
    const [a, b] = await both('check', writePoint(dir), quoted, '--json');
    expect(lastParallelRead()).toBeNull();
    expect(b).toEqual(a);
    expect(a.code).toBe(0);
  }, 120_000);

  it('is chosen by size and core count unless CUTOFF_CSV_THREADS says', () => {
    expect(csvThreads(MIN_PARALLEL_BYTES - 1, {})).toBe(0);
    expect(csvThreads(1000, { [CSV_THREADS_ENV]: '3' })).toBe(3);
    expect(csvThreads(MIN_PARALLEL_BYTES * 10, { [CSV_THREADS_ENV]: '0' })).toBe(0);
    expect(csvThreads(MIN_PARALLEL_BYTES * 10, { [CSV_THREADS_ENV]: 'lots' })).toBe(0);
  });
});
