/** The command's conventions: help and version, usage on the right stream, -o written atomically, apply's --overwrite, curve feeding check. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { COMMAND_HELP } from '../../../src/cli/help';
import type { CheckReport } from '../../../src/cli/check';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const dir = tempDir();
const rows = scoredRows(1500, 5);
const file = writeCsv(dir, rows);
const point = writePoint(dir);

describe('help, version and usage', () => {
  for (const command of ['check', 'apply', 'curve', 'sql']) {
    it(`cutoff ${command} --help: usage, options, exit codes and an example, exit 0`, async () => {
      const r = await cutoff(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(COMMAND_HELP[command]);
      expect(r.stdout).toMatch(new RegExp(`^Usage: cutoff ${command}`));
      expect(r.stdout).toMatch(/Options:/);
      expect(r.stdout).toMatch(/Exit codes: 0 ok/);
      expect(r.stdout).toMatch(/Example:\n {2}cutoff /);
      expect((await cutoff(command, 'x', '-h')).stdout).toBe(COMMAND_HELP[command]);
    });
  }

  it('--help on stdout with exit 0, a bare call on stderr with exit 2, --version', async () => {
    const help = await cutoff('--help');
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: cutoff <command>/);
    const bare = await cutoff();
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toMatch(/^Usage: cutoff <command>/);
    const version = await cutoff('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^cutoff \S+\n$/);
  });

  it('an unknown option names it, with no unbalanced quote', async () => {
    const r = await cutoff('check', point, file, '--treshold', '0.5');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/positional/);
    expect(r.stderr).toMatch(/Unknown option '--treshold' \(--help lists the options\)/);
  });
});

describe('-o FILE, atomically', () => {
  it('writes the output to FILE and nothing to stdout', async () => {
    const out = join(dir, 'decisions.csv');
    const r = await cutoff('apply', point, file, '-o', out);
    expect([r.code, r.stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('id,score,y,region,decision');
  });

  it('a failure part-way leaves no file and no temporary file behind', async () => {
    const bad = join(dir, 'late-bad.csv');
    writeFileSync(bad, `score,y\n${'0.5,yes\n'.repeat(100_000)}high,no\n`);
    const out = join(dir, 'partial.csv');
    const r = await cutoff('apply', point, bad, '--output', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a check that fails a floor still writes its report (for the CI artifact)', async () => {
    const out = join(dir, 'check.json');
    const r = await cutoff('check', point, file, '--min-recall', '0.999', '--json', '-o', out);
    expect(r.code).toBe(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as CheckReport).passed).toBe(false);
  });
});

describe('apply refuses its own output columns unless --overwrite', () => {
  it('refuses, then replaces them in place of adding a second decision column', async () => {
    const first = join(dir, 'first.csv');
    expect((await cutoff('apply', point, file, '-o', first)).code).toBe(0);
    const again = await cutoff('apply', point, first);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has "decision", a column apply writes .*pass --overwrite/);
    const replaced = await cutoff('apply', point, first, '--overwrite');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.split('\n')[0]).toBe('id,score,y,region,decision');
  });
});

describe('curve feeds check with no flags', () => {
  it('keeps the column names and labels; the report counts cases beside rows', async () => {
    const curve = join(dir, 'curve.csv');
    expect((await cutoff('curve', file, '--label', 'y', '--exact', '-o', curve)).code).toBe(0);
    expect(readFileSync(curve, 'utf8').split('\n')[0]).toBe('score,y,count');
    const direct = JSON.parse((await cutoff('check', point, file, '--json')).stdout) as CheckReport;
    const viaCurve = await cutoff('check', point, curve, '--json');
    expect(viaCurve.code).toBe(0);
    const report = JSON.parse(viaCurve.stdout) as CheckReport;
    expect(report.confusion).toEqual(direct.confusion);
    expect(report.cases).toBe(1500);
    expect(report.rows).toBeLessThan(1500);
    const text = await cutoff('check', point, curve);
    expect(text.stdout).toMatch(new RegExp(`${report.rows} rows standing for 1500 cases, \\d+ positive cases`));
  });
});

it('stdin is read for FILE -', async () => {
  let out = '';
  const csv = readFileSync(file);
  const code = await main(['check', point, '-', '--json'], {
    out: (t) => void (out += t),
    err: () => undefined,
    stdin: async function* () {
      yield csv;
    },
  });
  expect(code).toBe(0);
  expect((JSON.parse(out) as CheckReport).rows).toBe(1500);
});
