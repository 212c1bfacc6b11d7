/**
 * The built command reads a plain CSV file on worker threads (dist-cli/csv-range-worker.mjs,
 * counted by a preload) and prints the same bytes as with CUTOFF_CSV_THREADS=0.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/data/random';
import { tempDir, writePoint } from './fixtures';

const BIN = 'dist-cli/cutoff.mjs';

/** Counts the worker threads the command starts, printed on exit. */
const PRELOAD = `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  let n = 0;
  const Base = wt.Worker;
  wt.Worker = class extends Base { constructor(...a) { super(...a); n++; } };
  require('node:module').syncBuiltinESMExports();
  process.on('exit', () => require('node:fs').writeSync(2, 'workers ' + n + '\\n'));
}
`;

describe('dist-cli reads a plain CSV on worker threads', () => {
  const dir = tempDir();
  const preload = join(dir, 'count-workers.cjs');
  const file = join(dir, 'scores.csv');
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { stdio: 'pipe' });
    writeFileSync(preload, PRELOAD);
    const random = mulberry32(5);
    const lines = ['score,y,w'];
    for (let i = 0; i < 600_000; i++) lines.push(`${random().toFixed(4)},${random() < 0.3 ? 'yes' : 'no'},${1 + (i % 3)}`);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  }, 120_000);

  const run = (threads: string, ...args: string[]) =>
    spawnSync('node', ['--require', preload, BIN, ...args], { encoding: 'utf8', env: { ...process.env, CUTOFF_CSV_THREADS: threads } });

  it('check --json and curve: the same output, with 2 threads and with none', () => {
    const point = writePoint(dir);
    for (const args of [
      ['check', point, file, '--json', '--weight', 'w'],
      ['curve', file, '--label', 'y', '--weight', 'w', '--exact'],
    ]) {
      const single = run('0', ...args);
      const parallel = run('2', ...args);
      expect(single.stderr).toMatch(/^workers 0\n$/);
      expect(parallel.stderr).toMatch(/^workers 2\n$/);
      expect(single.status).toBe(0);
      expect(parallel.status).toBe(0);
      expect(parallel.stdout).toBe(single.stdout);
    }
  }, 120_000);
});
