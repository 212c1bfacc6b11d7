/** The built command as a process: what `npx cutoff` runs after `npm ci` (prepare builds it). */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createGzip, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/data/random';
import { readDataFile } from '../../../src/data/read-file';
import { choosePoint } from '../../../src/session/choose';
import { serializeOperatingPoint } from '../../../src/session/operating-point';
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

  it('stdout on a full device is exit 2 with one line (a /dev/full twin made by mknod in a temp folder)', () => {
    const dir = tempDir();
    const full = join(dir, 'full');
    if (spawnSync('mknod', [full, 'c', '1', '7']).status !== 0) return; // not root: nothing to test with
    const file = writeCsv(dir, scoredRows(500));
    const run = spawnSync('sh', ['-c', `node ${BIN} curve ${file} --label y > ${full}`], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cutoff: cannot write to standard output/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 60_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s during curve -o removes the temporary file and exits %i',
    async (signal, status) => {
      const dir = tempDir();
      const big = join(dir, 'big.csv');
      // Enough rows that the command is still reading when the signal comes.
      const random = mulberry32(3);
      const lines = ['score,y'];
      for (let i = 0; i < 1_500_000; i++) lines.push(`${random().toFixed(6)},${random() < 0.2 ? 'yes' : 'no'}`);
      writeFileSync(big, `${lines.join('\n')}\n`);
      const child = spawn('node', [BIN, 'curve', big, '--label', 'y', '--exact', '-o', join(dir, 'out.csv')]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let i = 0; i < 200 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 20));
      expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(status);
      expect(readdirSync(dir).sort()).toEqual(['big.csv']);
    },
    60_000,
  );

  it('a gzip bomb is inflated as the parser pulls it: curve stays under 400 MB (peak RSS printed)', () => {
    const dir = tempDir();
    const bomb = join(dir, 'bomb.csv.gz');
    // 64 MB of rows in about 130 kB: deflate at its ~500:1 best.
    writeFileSync(bomb, gzipSync(`score,y\n${'0.5,yes\n0.25,no\n'.repeat(4 << 20)}`, { level: 9 }));
    const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'curve', bomb, '--label', 'y'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('score,y,count\n0.25,no,4194304\n0.5,yes,4194304\n');
    const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
    console.log(`[memory] curve on a ${(statSync(bomb).size / 1024).toFixed(0)} kB gzip of 64 MB: peak RSS ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeLessThan(400);
    const check = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'check', writePoint(dir), bomb], { encoding: 'utf8' });
    const checkMb = Number(check.stderr.trim().split('\n').pop()) / 1024;
    console.log(`[memory] check on the same gzip: exit ${check.status}, peak RSS ${checkMb.toFixed(0)} MB`);
    expect([0, 1]).toContain(check.status);
    expect(checkMb).toBeLessThan(400);
  }, 120_000);

  it("choose on 2,000,000 rows reads only its columns: under 300 MB with --group, and the page's point (peak RSS printed)", async () => {
    const dir = tempDir();
    const file = join(dir, 'rows.csv');
    const random = mulberry32(5);
    const regions = ['north', 'south', 'east', 'west'];
    const out = createWriteStream(file);
    for (let i = 0, chunk = 'id,score,y,region,amount,flag,segment\n'; i <= 2_000_000; i++) {
      if (i === 2_000_000 || chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        chunk = '';
      }
      if (i === 2_000_000) break;
      const y = random() < 0.1 + 0.05 * (i % 4) ? 1 : 0;
      chunk += `${i},${Math.min(1, 0.3 * y + 0.7 * random()).toFixed(6)},${y},${regions[i % 4]},${Math.floor(random() * 1000)},${i % 2},s${i % 37}\n`;
    }
    await new Promise<void>((r) => out.end(() => r()));
    for (const group of [[], ['--group', 'region']]) {
      const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'choose', file, '--score', 'score', '--label', 'y', ...group], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(run.status).toBe(0);
      const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
      console.log(`[memory] choose ${group.join(' ')} on 2,000,000 rows of 7 columns (${(statSync(file).size / 2 ** 20).toFixed(0)} MB): peak RSS ${peakMb.toFixed(0)} MB`);
      // Reading the whole file into the page's Dataset took 440–470 MB here.
      expect(peakMb).toBeLessThan(300);
      if (group.length === 0) continue;
      // The same point as the page's export of the whole file (read without a projection).
      const page = choosePoint(await readDataFile(new File([readFileSync(file)], 'rows.csv')), {
        scoreColumn: 'score',
        labelColumn: 'y',
        goal: { kind: 'cost' },
        groupColumn: 'region',
        toolVersion: '0',
        createdAt: new Date(0),
      });
      const chosen = JSON.parse(run.stdout) as Record<string, unknown>;
      const exported = JSON.parse(serializeOperatingPoint(page)) as Record<string, unknown>;
      expect({ ...chosen, createdAt: null, tool: null }).toEqual({ ...exported, createdAt: null, tool: null });
    }
  }, 120_000);

  it("a 600 MB line inside gzip is the clear long-row message, not V8's (peak RSS printed)", async () => {
    const dir = tempDir();
    const file = join(dir, 'long.csv.gz');
    // Streamed through zlib: the 600 MB line is never held by the test.
    const gzip = createGzip({ level: 6 });
    const written = new Promise<void>((resolve) => gzip.pipe(createWriteStream(file)).on('close', () => resolve()));
    gzip.write('score,y\n0.5,');
    const block = Buffer.alloc(1 << 20, 97);
    for (let i = 0; i < 600; i++) if (!gzip.write(block)) await new Promise((r) => gzip.once('drain', r));
    gzip.end('\n');
    await written;
    const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', BIN, 'curve', file, '--label', 'y'], { encoding: 'utf8' });
    // time(1) adds its own line for a non-zero exit.
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('Command exited'));
    const peakMb = Number(lines.pop()) / 1024;
    console.log(`[memory] curve on a ${(statSync(file).size / 1024).toFixed(0)} kB gzip holding a 600 MB line: exit ${run.status}, peak RSS ${peakMb.toFixed(0)} MB`);
    expect(run.status).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^cutoff: .*long\.csv\.gz: The row starting on line 2 runs on for more than 32 million characters/)]);
    // The 32M-character row is held before it is refused (as for a plain file).
    expect(peakMb).toBeLessThan(400);
  }, 120_000);
});
