import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { defaultGuardrails, driftEdges, scoreHistogram } from '../../../src/decision/guardrails';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';
import type { CheckReport } from '../../../src/cli/check';

const rows = scoredRows(2000);
const scores = rows.map((r) => r.score);
const labels = rows.map((r) => (r.y === 'yes' ? 1 : 0));

/** Brute-force matrix at a threshold. */
function matrix(threshold: number, keep: (i: number) => boolean = () => true) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  rows.forEach((r, i) => {
    if (!keep(i)) return;
    const p = r.score >= threshold;
    if (p && labels[i]) c.tp++;
    else if (p) c.fp++;
    else if (labels[i]) c.fn++;
    else c.tn++;
  });
  return c;
}

describe('cutoff check', () => {
  const dir = tempDir();
  const file = writeCsv(dir, rows);
  const histogram = scoreHistogram(scores, driftEdges());

  it('reports the matrix and metrics at the exported threshold, exit 0 when the floors hold', async () => {
    const point = writePoint(dir, { guardrails: { minRecall: 0.5, minPrecision: 0.3, maxDrift: 0.25, histogram } });
    const r = await cutoff('check', point, file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckReport;
    const c = matrix(0.5);
    expect(report.confusion).toEqual(c);
    expect(report.metrics.recall).toBeCloseTo(c.tp / (c.tp + c.fn), 12);
    const curve = ScoreCurve.from(scores, labels);
    expect(report.metrics.rocAuc).toBe(curve.rocAuc());
    expect(report.metrics.averagePrecision).toBe(curve.averagePrecision());
    expect(report.ranking.exact).toBe(true);
    expect(report.drift?.psi).toBeCloseTo(0, 12);
    expect(report.floors.map((f) => [f.name, f.ok, f.from])).toEqual([
      ['recall', true, 'export'],
      ['precision', true, 'export'],
      ['drift (PSI)', true, 'export'],
    ]);
  });

  it('prints a readable report with the exported figures beside', async () => {
    const point = writePoint(dir, { guardrails: { minRecall: 0.5 } });
    const r = await cutoff('check', point, file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TP \d+/);
    expect(r.stdout).toMatch(/recall\s+0\.\d+\s+0\.7500/);
    expect(r.stdout).toMatch(/PASS/);
  });

  it('exits 1 naming the floor that fails; options override the export', async () => {
    const point = writePoint(dir, { guardrails: { minRecall: 0.5 } });
    const r = await cutoff('check', point, file, '--min-precision', '0.99');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cutoff check: precision 0\.\d+ < floor 0\.99\n$/);
    const alarms = await cutoff('check', point, file, '--max-alarm-rate', '0.01', '--json');
    expect(alarms.code).toBe(1);
    expect((JSON.parse(alarms.stdout) as CheckReport).floors.find((f) => f.name === 'alarm rate')?.ok).toBe(false);
  });

  it('passes the default two-sample comparison on the same rows and fails it on shuffled scores', async () => {
    const shuffled = rows.map((r, i) => ({ ...r, score: rows[(i * 7919) % rows.length].score }));
    const bad = writeCsv(dir, shuffled, 'shuffled.csv');
    const point = writePoint(dir, { confusion: matrix(0.5), guardrails: { ...defaultGuardrails(), histogram } });
    expect((await cutoff('check', point, file)).code).toBe(0);
    const r = await cutoff('check', point, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/recall|precision/);
  });

  it('reports drift against the exported histogram (PSI and KS)', async () => {
    const shifted = rows.map((r) => ({ ...r, score: Math.min(1, r.score + 0.2) }));
    const moved = writeCsv(dir, shifted, 'shifted.csv');
    const point = writePoint(dir, { guardrails: { maxDrift: 0.1, histogram } });
    const r = await cutoff('check', point, moved, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.drift?.psi).toBeGreaterThan(0.1);
    expect(report.drift?.ks).toBeGreaterThan(0.1);
  });

  it('applies per-group thresholds and counts bands', async () => {
    const point = writePoint(dir, {
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
    const r = await cutoff('check', point, file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckReport;
    const north = matrix(0.4, (i) => rows[i].region === 'north');
    const south = matrix(0.6, (i) => rows[i].region === 'south');
    expect(report.groups.map((g) => g.confusion)).toEqual([north, south]);
    expect(report.confusion).toEqual({ tp: north.tp + south.tp, fp: north.fp + south.fp, tn: north.tn + south.tn, fn: north.fn + south.fn });
    expect(report.bands.map((b) => b.rows)).toEqual([
      scores.filter((s) => s < 0.3).length,
      scores.filter((s) => s >= 0.3 && s < 0.6).length,
      scores.filter((s) => s >= 0.6).length,
    ]);
  });

  it('applies the recorded score transform before the threshold', async () => {
    const percent = writeCsv(
      dir,
      rows.map((r) => ({ ...r, score: Math.round(r.score * 1e4) / 1e2 })),
      'percent.csv',
    );
    const point = writePoint(dir, { scoreTransform: { kind: 'divide', by: 100 } });
    const report = JSON.parse((await cutoff('check', point, percent, '--json')).stdout) as CheckReport;
    expect(report.confusion).toEqual(matrix(0.5));
  });

  it('reads an aggregated score,label,count file with count as the weight', async () => {
    const agg = join(dir, 'agg.csv');
    writeFileSync(agg, 'score,y,count\n0.9,yes,30\n0.9,no,10\n0.2,yes,5\n0.2,no,55\n');
    const point = writePoint(dir);
    const report = JSON.parse((await cutoff('check', point, agg, '--json', '--label', 'y')).stdout) as CheckReport;
    expect(report.columns.weight).toBe('count');
    expect(report.confusion).toEqual({ tp: 30, fp: 10, fn: 5, tn: 55 });
  });
});

describe('cutoff check refuses bad input with exit 2 and one line', () => {
  const dir = tempDir();
  const file = writeCsv(dir, scoredRows(50));
  const point = writePoint(dir);
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const cases: [string, () => string[], RegExp][] = [
    ['a missing column', () => ['check', point, file, '--score', 'prob'], /has no column "prob" \(it has "id", "score", "y", "region"\); name the right one with --score/],
    ['a non-numeric score', () => ['check', point, write('text.csv', 'score,y\n0.5,yes\nhigh,no\n')], /row 2: the score in column "score" is "high", not a number/],
    ['an empty score', () => ['check', point, write('blank.csv', 'score,y\n0.5,yes\n,no\n')], /row 2: the score in column "score" is empty/],
    ['an empty file', () => ['check', point, write('empty.csv', '')], /empty\.csv is empty/],
    ['a header only', () => ['check', point, write('header.csv', 'score,y\n')], /has a header but no data rows/],
    ['a wrong schema version', () => ['check', write('v9.json', JSON.stringify({ schemaVersion: 9 })), file], /schemaVersion 9; this Cutoff reads versions 1 and 2/],
    ['hostile JSON', () => ['check', write('hostile.json', '{"__proto__":{"x":1},"schemaVersion":2,"threshold":"1; rm -rf /"}'), file], /Not a valid Cutoff operating point/],
    ['not JSON', () => ['check', write('bad.json', '{"schemaVersion": 2,'), file], /bad\.json is not JSON/],
    ['a JSON array', () => ['check', write('array.json', '[1,2]'), file], /not a JSON object/],
    ['a threshold outside [0, 1]', () => ['check', write('t2.json', JSON.stringify({ ...JSON.parse(readFileSync(point, 'utf8')), threshold: 2 })), file], /threshold/],
    ['a missing file', () => ['check', point, join(dir, 'nope.csv')], /nope\.csv: no such file/],
    ['a bad floor option', () => ['check', point, file, '--min-recall', '1.5'], /--min-recall must be a number from 0 to 1, not "1\.5"/],
    ['an unknown option', () => ['check', point, file, '--treshold', '0.5'], /Unknown option '--treshold'/],
    ['a missing argument', () => ['check', point], /missing FILE/],
    ['--max-drift without a histogram', () => ['check', point, file, '--max-drift', '0.2'], /--max-drift needs the score histogram/],
    ['a not-Parquet file with Parquet magic', () => ['check', point, write('fake.parquet', 'PAR1 this is not parquet at all')], /could not be read as Parquet/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await cutoff(...argv());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});
