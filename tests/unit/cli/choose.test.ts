/** `cutoff choose` writes the point the page's steps give on the same file and settings. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../../src/data/read-file';
import { encodeLabels } from '../../../src/data/label';
import { suggestLabel } from '../../../src/data/label-suggestion';
import { findColumn } from '../../../src/data/dataset';
import { scoreInputs } from '../../../src/data/scores';
import { cheapestOperatingPoint } from '../../../src/metrics/evaluate';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { niceThresholdAtIndex } from '../../../src/metrics/nice-threshold';
import { solveConfidentTarget } from '../../../src/decision/confident-target';
import type { TargetKind } from '../../../src/metrics/targets';
import { parseOperatingPoint, type OperatingPoint } from '../../../src/session/operating-point';
import { exportPoint } from '../../../src/session/export-point';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/session/settings';
import { cutoff, scoredRows, tempDir, writeCsv } from './fixtures';

const dir = tempDir();
const file = writeCsv(dir, scoredRows(3000, 21));

/** The page's steps: read, suggest the label, build the curve, start at the cheapest cutoff (or a target), export. */
async function pageExport(patch: Partial<Settings>, target?: { kind: TargetKind; value: number; confidence: number | null }): Promise<OperatingPoint> {
  // A browser's File has the base name, which choose records too.
  const dataset = await readDataFile(new File([readFileSync(file)], basename(file)));
  const choice = suggestLabel(dataset);
  if (!choice?.positive) throw new Error('no label');
  const base: Settings = { ...DEFAULT_SETTINGS, mode: 'scores', labelColumn: choice.column, positiveValue: choice.positive, scoreColumn: 'score', ...patch };
  const labels = encodeLabels(findColumn(dataset, choice.column) ?? dataset.columns[0], choice.positive);
  const inputs = scoreInputs(dataset, labels.rows, 'score', null);
  const curve = ScoreCurve.from(inputs.scores, labels.labels);
  const solved = target ? solveConfidentTarget(curve, target) : null;
  if (solved && !solved.ok) throw new Error(solved.message);
  const threshold = solved?.ok ? solved.result.threshold : niceThresholdAtIndex(curve.thresholds, cheapestOperatingPoint(curve, base, base.prevalence).index);
  const settings = { ...base, threshold, target: target ?? null };
  const cases = { evaluatedOn: 'all rows' as const, rows: labels.rows, scores: inputs.scores, labels: labels.labels, weights: null, transform: null, curve };
  return exportPoint({
    toolVersion: 'dev',
    createdAt: new Date(0),
    dataset,
    labels,
    settings,
    cases,
    source: { kind: 'scores', scoreColumn: 'score', weightColumn: null, scoreTransform: null },
  });
}

const decision = (p: OperatingPoint) => ({ ...p, createdAt: '', tool: null });

describe('cutoff choose', () => {
  it("at the costs: the page's cheapest cutoff, the same point field by field", async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--cost-fp', '1', '--cost-fn', '4');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const chosen = parseOperatingPoint(JSON.parse(r.stdout));
    expect(chosen.schemaVersion).toBe(2);
    expect(chosen.guardrails?.compare).toEqual(['recall', 'precision']);
    expect(decision(chosen)).toEqual(decision(await pageExport({ costFp: 1, costFn: 4 })));
  });

  it("at a target: the page's solver, and the point feeds cutoff check", async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--min-recall', '0.9', '-o', `${dir}/point.json`);
    expect(r.code).toBe(0);
    const chosen = parseOperatingPoint(JSON.parse(readFileSync(`${dir}/point.json`, 'utf8')));
    expect(decision(chosen)).toEqual(decision(await pageExport({}, { kind: 'fewest-alarms-at-recall', value: 0.9, confidence: null })));
    expect(chosen.metrics.recall).toBeGreaterThanOrEqual(0.9);
    expect((await cutoff('check', `${dir}/point.json`, file)).code).toBe(0);
  });

  it.each([
    ['--min-recall', '0.9', 'fewest-alarms-at-recall', 0.9],
    ['--min-precision', '0.5', 'best-recall-at-precision', 0.5],
    ['--max-fpr', '0.1', 'max-fpr', 0.1],
    ['--max-alarm-rate', '0.2', 'max-alarms-per-1000', 200],
  ] as const)("%s %s --confidence 0.95: the page's solver with the guarantee, recorded in targets", async (flag, text, kind, value) => {
    const r = await cutoff('choose', file, '--label', 'y', flag, text, '--confidence', '0.95');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const chosen = parseOperatingPoint(JSON.parse(r.stdout));
    expect(decision(chosen)).toEqual(decision(await pageExport({}, { kind, value, confidence: 0.95 })));
    expect(chosen.targets?.[0]).toEqual(expect.objectContaining({ kind, value, confidence: 0.95, threshold: chosen.threshold }));
    expect(chosen.targets?.[0].method).toBe(kind === 'best-recall-at-precision' ? 'learn-then-test' : 'order-statistic');
    expect(chosen.targets?.[0].statement).toMatch(/with 95 % confidence: cutoff /);
  });

  it('a guaranteed recall sits above the sample target; --confidence alone, or an unreachable one, is exit 2', async () => {
    const plain = parseOperatingPoint(JSON.parse((await cutoff('choose', file, '--label', 'y', '--min-recall', '0.9')).stdout));
    const sure = parseOperatingPoint(JSON.parse((await cutoff('choose', file, '--label', 'y', '--min-recall', '0.9', '--confidence', '0.99')).stdout));
    expect(sure.threshold).toBeLessThan(plain.threshold);
    const alone = await cutoff('choose', file, '--label', 'y', '--confidence', '0.9');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--confidence needs a target/);
    const tooFew = await cutoff('choose', file, '--label', 'y', '--min-recall', '0.9999', '--confidence', '0.95');
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toMatch(/^cutoff: Recall ≥ 0\.9999 with 95 % confidence needs at least \d+ positives; these cases have \d+\./);
  });

  it('with groups: thresholds per group by the strategy', async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--group', 'region', '--strategy', 'equal-opportunity');
    const chosen = parseOperatingPoint(JSON.parse(r.stdout));
    expect(chosen.groups?.strategy).toBe('equal-opportunity');
    expect(chosen.groups?.thresholds.map((g) => g.value).sort()).toEqual(['north', 'south']);
  });

  it('refuses two goals, a bad strategy and a missing column with exit 2', async () => {
    expect((await cutoff('choose', file, '--label', 'y', '--cost-fn', '5', '--min-recall', '0.8')).stderr).toMatch(/choose one goal: .* not the costs and --min-recall/);
    expect((await cutoff('choose', file, '--label', 'y', '--group', 'region', '--strategy', 'fair')).stderr).toMatch(/--strategy must be one of single, /);
    const missing = await cutoff('choose', file, '--label', 'outcome');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no column "outcome"/);
  });
});
