/**
 * `cutoff` as a product of its own: `npm pack` gives a tarball that installs into a fresh
 * project with no network and no dependencies, under the size budget, after which `npx cutoff`
 * checks a file and `cutoff serve` serves the whole page from the install.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { buildOperatingPoint, serializeOperatingPoint } from '../../src/session/operating-point';
import { defaultGuardrails } from '../../src/decision/guardrails';
import { baseInput } from '../unit/cli/fixtures';

const BUDGET_MB = 40;

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

test('npm pack installs offline into another project; npx cutoff runs and serves the page', async ({ page }) => {
  test.setTimeout(240_000);
  const root = resolve('.');
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-pack-'));
  // The page is built by test:e2e; the command is built here, then packed as published.
  execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'pipe' });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
  const tarball = join(dir, packed[0].filename);
  const project = join(dir, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, stdio: 'pipe' });
  const installed = sizeOf(join(project, 'node_modules')) / 2 ** 20;
  console.log(`[package] installed size ${installed.toFixed(1)} MB (budget ${BUDGET_MB} MB)`);
  expect(installed).toBeLessThan(BUDGET_MB);
  expect(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['cutoff']);

  const npx = (...args: string[]) => execFileSync('npx', ['--no-install', 'cutoff', ...args], { cwd: project, encoding: 'utf8' });
  expect(npx('--version')).toMatch(/^cutoff \d+\.\d+\.\d+\n$/);
  const rows = Array.from({ length: 400 }, (_, i) => `${((i * 37) % 100) / 100},${i % 5 === 0 ? 'yes' : 'no'}`);
  writeFileSync(join(project, 'scores.csv'), `score,y\n${rows.join('\n')}\n`);
  writeFileSync(
    join(project, 'point.json'),
    serializeOperatingPoint(
      buildOperatingPoint({
        ...baseInput,
        toolVersion: 'test',
        createdAt: new Date(),
        dataset: { fileName: 'scores.csv', rows: 400, positives: 80, sha256: 'a'.repeat(64) },
        confusion: { tp: 40, fp: 160, tn: 160, fn: 40 },
        metrics: {
          tpr: 0.5,
          fpr: 0.5,
          precision: 0.2,
          recall: 0.5,
          specificity: 0.5,
          npv: 0.8,
          f1: 0.29,
          mcc: 0,
          accuracy: 0.5,
          expectedCostPerCase: 1,
          rocAuc: 0.5,
          averagePrecision: 0.2,
        },
        guardrails: defaultGuardrails(),
      }),
    ),
  );
  expect(npx('check', 'point.json', 'scores.csv')).toMatch(/PASS/);

  const server = spawn(join(project, 'node_modules', '.bin', 'cutoff'), ['serve', '--port', '0'], { cwd: project });
  try {
    const url = await new Promise<string>((done, fail) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
        if (match) done(match[0]);
      });
      server.once('exit', (code) => fail(new Error(`cutoff serve exited with ${code}`)));
    });
    await page.goto(url);
    await expect(page.getByTestId('demo-button')).toBeVisible();
  } finally {
    server.kill();
  }
});
