/** The built command as a process: what `npx cutoff` runs after `npm ci` (prepare builds it). */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const BIN = 'dist-cli/cutoff.mjs';

describe('dist-cli/cutoff.mjs', () => {
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { stdio: 'pipe' });
  }, 60_000);

  it('exits 0, 1 and 2 with one stderr line for bad input', () => {
    const dir = tempDir();
    const file = writeCsv(dir, scoredRows(500));
    const point = writePoint(dir);
    const run = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
    expect(run('--help').status).toBe(0);
    expect(run('check', point, file).status).toBe(0);
    const failed = run('check', point, file, '--min-precision', '0.999');
    expect(failed.status).toBe(1);
    const bad = run('check', point, file, '--score', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    const piped = spawnSync('sh', ['-c', `node ${BIN} apply ${point} ${file} | head -n 2`], { encoding: 'utf8' });
    expect(piped.stdout.split('\n')[0]).toBe('id,score,y,region,decision');
    expect(piped.stderr).toBe('');
  }, 60_000);
});
