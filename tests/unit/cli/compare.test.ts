/** `cutoff compare`: paired tests of two score columns, read as the page reads them. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/random';
import { delongTest } from '../../../src/metrics/delong';
import { mcnemarTests } from '../../../src/metrics/mcnemar';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { cutoff, tempDir } from './fixtures';

const dir = tempDir();

/** Seeded rows with two models' scores (B a noisier copy of A), two decimals for ties. */
function twoModels(n: number, seed: number) {
  const random = mulberry32(seed);
  const rows: { a: number; b: number; y: string; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.2;
    const base = (positive ? 0.3 : 0) + 0.7 * random();
    rows.push({ a: Math.round(base * 100) / 100, b: Math.round((0.7 * base + 0.3 * random()) * 100) / 100, y: positive ? 'yes' : 'no', count: 1 + Math.floor(random() * 3) });
  }
  return rows;
}

const rows = twoModels(1200, 5);
const file = join(dir, 'two-models.csv');
writeFileSync(file, `id,model_a,model_b,y,count\n${rows.map((r, i) => `${i + 1},${r.a},${r.b},${r.y},${r.count}`).join('\n')}\n`);
const labels = rows.map((r) => (r.y === 'yes' ? 1 : 0));
const scoresA = rows.map((r) => r.a);
const scoresB = rows.map((r) => r.b);

describe('cutoff compare', () => {
  it('--json: each model’s ROC-AUC (the page’s curve figure) and DeLong’s test on the same rows', async () => {
    const r = await cutoff('compare', file, '--score', 'model_a', '--score', 'model_b', '--label', 'y', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const expected = delongTest({ scoresA, scoresB, labels });
    expect(report.a.column).toBe('model_a');
    expect(report.b.column).toBe('model_b');
    expect(report.a.rocAuc).toBeCloseTo(ScoreCurve.from(scoresA, labels).rocAuc(), 12);
    expect(report.b.rocAuc).toBeCloseTo(ScoreCurve.from(scoresB, labels).rocAuc(), 12);
    expect(report.delong).toEqual({
      diff: expected.diff,
      variance: expected.variance,
      ciLow: expected.ciLow,
      ciHigh: expected.ciHigh,
      confidence: 0.95,
      z: expected.z,
      p: expected.p,
    });
    expect(report.cases).toBe(1200);
    expect(report.positives).toBe(labels.filter((y) => y === 1).length);
    expect(report.mcnemar).toBeNull();
    expect(report.summary).toMatch(/^A's ROC-AUC is 0\.\d{3} (higher|lower) \(95 % CI/);
  });

  it('text: a few plain lines, and says McNemar was not run without thresholds', async () => {
    const r = await cutoff('compare', file, '--score', 'model_a', '--score', 'model_b', '--label', 'y');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${file}: 1,200 cases, ${labels.filter((y) => y === 1).length} positive`);
    expect(lines[1]).toMatch(/^A = model_a: ROC-AUC 0\.\d{4}$/);
    expect(lines[3]).toMatch(/^DeLong: A − B = /);
    expect(r.stdout).toContain('McNemar: not run');
  });

  it('with both thresholds: McNemar on the positives and on the negatives; weights as counts', async () => {
    const weights = rows.map((r) => r.count);
    const r = await cutoff(
      'compare',
      file,
      '--score',
      'model_a',
      '--score',
      'model_b',
      '--label',
      'y',
      '--weight',
      'count',
      '--threshold-a',
      '0.5',
      '--threshold-b',
      '0.45',
      '--json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const expected = mcnemarTests({ scoresA, scoresB, labels, weights }, 0.5, 0.45);
    expect(report.mcnemar).toEqual({ thresholdA: 0.5, thresholdB: 0.45, recall: expected.positives, specificity: expected.negatives });
    expect(report.delong.p).toBe(delongTest({ scoresA, scoresB, labels, weights }).p);
    expect(report.cases).toBe(weights.reduce((s, w) => s + w, 0));
    const text = await cutoff('compare', file, '--score', 'model_a', '--score', 'model_b', '--label', 'y', '--threshold-a', '0.5', '--threshold-b', '0.45');
    expect(text.stdout).toMatch(/Recall: A 0\.\d{3}, B 0\.\d{3} on \d+ positives; \d+ caught only by A, \d+ only by B \(exact p/);
    expect(text.stdout).toMatch(/Specificity: A/);
  });

  it('bad input: exit 2 with one line', async () => {
    const fractional = join(dir, 'fractional.csv');
    writeFileSync(fractional, 'a,b,y,w\n0.1,0.2,0,1\n0.9,0.8,1,0.5\n0.3,0.1,0,1\n0.7,0.9,1,1\n');
    const cases: [string[], RegExp][] = [
      [['--score', 'model_a', '--label', 'y'], /--score exactly twice/],
      [['--score', 'model_a', '--score', 'model_a', '--label', 'y'], /twice: compare two different/],
      [['--score', 'model_a', '--score', 'nope', '--label', 'y'], /no column "nope"/],
      [['--score', 'model_a', '--score', 'model_b', '--label', 'y', '--threshold-a', '0.5'], /both --threshold-a and --threshold-b/],
      [['--score', 'model_a', '--score', 'model_b', '--label', 'y', '--threshold-a', '2', '--threshold-b', '0.5'], /--threshold-a must be a number from 0 to 1/],
    ];
    for (const [args, message] of cases) {
      const r = await cutoff('compare', file, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const w = await cutoff('compare', fractional, '--score', 'a', '--score', 'b', '--label', 'y', '--weight', 'w');
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/"w" has 0\.5 on line 3: .*whole counts/);
    const onlyNegatives = join(dir, 'negatives.csv');
    writeFileSync(onlyNegatives, 'a,b,y\n0.1,0.2,0\n0.9,0.8,0\n0.3,0.1,1\n');
    const few = await cutoff('compare', onlyNegatives, '--score', 'a', '--score', 'b', '--label', 'y', '--positive', '1');
    expect(few.code).toBe(2);
    expect(few.stderr).toMatch(/at least two positive and two negative cases; these have 1 positive and 2 negative/);
  });

  it('answers --help and is listed among the commands', async () => {
    const help = await cutoff('compare', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: cutoff compare FILE --score A --score B');
    expect((await cutoff('--help')).stdout).toContain('compare FILE');
    expect((await cutoff('comapre')).stderr).toContain('compare');
  });
});
