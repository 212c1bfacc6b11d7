/** `cutoff check` as a guardrail: two-sample floors, drift without labels, groups, and configuration mistakes as exit 2. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/cli/check';
import { defaultGuardrails, driftEdges, scoreHistogram } from '../../../src/decision/guardrails';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const dir = tempDir();
const rows = scoredRows(4000, 3);
const file = writeCsv(dir, rows);
const histogram = scoreHistogram(
  rows.map((r) => r.score),
  driftEdges(),
);
function matrix(threshold: number, keep: (i: number) => boolean = () => true) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  rows.forEach((r, i) => {
    if (!keep(i)) return;
    const p = r.score >= threshold;
    const y = r.y === 'yes';
    if (p && y) c.tp++;
    else if (p) c.fp++;
    else if (y) c.fn++;
    else c.tn++;
  });
  return c;
}
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const point = writePoint(dir, { confusion: matrix(0.5), guardrails: { ...defaultGuardrails(), histogram } }, 'defaults.json');

describe('two-sample floors', () => {
  it('compare with the exported figures, state alpha, p-values and the drop this file detects', async () => {
    const r = await cutoff('check', point, file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.family).toEqual({ alpha: 0.01, tests: 3 });
    const recall = report.floors.find((f) => f.name === 'recall');
    expect(recall?.kind).toBe('no drop');
    expect(recall?.test?.alpha).toBeCloseTo(0.01 / 3, 12);
    expect(recall?.test?.detectableDrop).toBeGreaterThan(0);
    const text = await cutoff('check', point, file);
    expect(text.stdout).toMatch(/held together at a 1% false-alarm rate \(3 tests share it\)/);
    expect(text.stdout).toMatch(/detects a drop of 0\.\d+ with 90% power/);
  });

  it('a user-typed floor stays absolute; --alpha sets the rate', async () => {
    const r = JSON.parse((await cutoff('check', point, file, '--json', '--min-recall', '0.99', '--alpha', '0.05')).stdout) as CheckReport;
    expect(r.floors.find((f) => f.name === 'recall')).toMatchObject({ kind: 'min', limit: 0.99, ok: false, from: 'option' });
    expect(r.family.alpha).toBe(0.05);
  });

  it('an old export (95% Wilson floors nobody typed) is compared, not floored', async () => {
    const old = writePoint(
      dir,
      { confusion: matrix(0.5), guardrails: { minRecall: 0.99, minPrecision: 0.99, basis: '95% Wilson lower bounds of recall and precision; PSI 0.25' } },
      'old.json',
    );
    const r = await cutoff('check', old, file, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as CheckReport).floors.map((f) => f.kind)).toEqual(['no drop', 'no drop']);
  });

  it('fails a real drop with exit 1, naming it', async () => {
    const worse = writeCsv(
      dir,
      rows.map((r) => ({ ...r, score: r.y === 'yes' ? r.score * 0.7 : r.score })),
      'worse.csv',
    );
    const r = await cutoff('check', point, worse);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cutoff check: recall 0\.\d+ dropped from 0\.\d+ \(p = /);
  });
});

describe('drift without labels', () => {
  it('checks the score distribution only, says recall and precision were not checked', async () => {
    const unlabelled = write('scored.csv', `id,score\n${rows.map((r, i) => `${i},${r.score}`).join('\n')}\n`);
    const same = await cutoff('check', point, unlabelled, '--json');
    expect(same.code).toBe(0);
    const report = JSON.parse(same.stdout) as CheckReport;
    expect(report.labelled).toBe(false);
    expect(report.confusion).toBeNull();
    expect(report.floors.map((f) => f.name)).toEqual(['drift (PSI)']);
    expect(report.notes.join(' ')).toMatch(/recall and precision were not checked/);
    const shifted = write('shifted.csv', `id,score\n${rows.map((r, i) => `${i},${Math.min(1, r.score + 0.3)}`).join('\n')}\n`);
    const moved = await cutoff('check', point, shifted);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toMatch(/KS 0\.\d+ \(p = /);
  });

  it('a small noisy sample with a large PSI but no real shift passes', async () => {
    const few = write(
      'few.csv',
      `score\n${rows
        .slice(0, 12)
        .map((r) => r.score)
        .join('\n')}\n`,
    );
    const r = JSON.parse((await cutoff('check', point, few, '--json', '--max-drift', '0.1')).stdout) as CheckReport;
    expect(r.drift?.psi).toBeGreaterThan(0.1);
    expect(r.floors[0].ok).toBe(true);
  });
});

describe('per-group floors and the gap limit', () => {
  const grouped = writePoint(
    dir,
    {
      confusion: matrix(0.5),
      guardrails: { ...defaultGuardrails(), maxDrift: null },
      groups: {
        column: 'region',
        strategy: 'manual',
        thresholds: ['north', 'south'].map((value) => ({ value, threshold: 0.5, confusion: matrix(0.5, (i) => rows[i].region === value) })),
      },
    },
    'groups.json',
  );

  it('tests each group against its exported figures and reports them', async () => {
    const r = JSON.parse((await cutoff('check', grouped, file, '--json')).stdout) as CheckReport;
    expect(r.floors.map((f) => f.name)).toEqual([
      'recall',
      'precision',
      'recall (region = north)',
      'precision (region = north)',
      'recall (region = south)',
      'precision (region = south)',
    ]);
    expect(r.family.tests).toBe(6);
    expect(r.groups.map((g) => g.exported?.recall)).toEqual(r.groups.map((g) => g.recall));
  });

  it('--max-group-gap limits the gap between groups', async () => {
    const r = await cutoff('check', grouped, file, '--max-group-gap', 'recall=0', '--json');
    expect(r.code).toBe(1);
    const gap = (JSON.parse(r.stdout) as CheckReport).floors.find((f) => f.name === 'recall gap between groups');
    expect(gap?.value).toBeGreaterThan(0);
    expect((await cutoff('check', grouped, file, '--max-group-gap', 'recall=1')).code).toBe(0);
    expect((await cutoff('check', grouped, file, '--max-group-gap', 'recal=0.1')).stderr).toMatch(/--max-group-gap takes metric=gap pairs/);
    expect((await cutoff('check', point, file, '--max-group-gap', 'recall=0.1')).stderr).toMatch(/needs an export with per-group thresholds/);
  });
});

describe('configuration mistakes are exit 2 with the fix', () => {
  const labelled = (name: string, pos: string, neg: string) => write(name, `score,y\n${rows.map((r) => `${r.score},${r.y === 'yes' ? pos : neg}`).join('\n')}\n`);
  const onePoint = writePoint(dir, { label: { column: 'y', positive: '1' } }, 'one.json');
  const cases: [string, () => string[], RegExp][] = [
    [
      'True/False against "1"',
      () => ['check', onePoint, labelled('tf.csv', 'True', 'False')],
      /spells its classes "false", "true", the export's positive class is "1": pass --positive true/,
    ],
    ['yes/no against "1"', () => ['check', onePoint, labelled('yn.csv', 'yes', 'no')], /pass --positive yes/],
    [
      'a third class',
      () => ['check', onePoint, write('three.csv', 'score,y\n0.1,a\n0.5,b\n0.9,c\n')],
      /has 3 classes \("a", "b", "c"\); check compares one class against the rest only when --positive names it/,
    ],
    ['no positive class at all', () => ['check', onePoint, labelled('other.csv', 'cat', 'dog')], /no row has the export's positive class "1" in "y"/],
    [
      'percent scores with no recorded transform',
      () => ['check', onePoint, write('pct.csv', 'score,y\n37.5,1\n12,0\n')],
      /row 1: the score in "score" is 37\.5, outside \[0, 1\], and the export records no score transform; they look like percentages/,
    ],
    ['percent scores in apply', () => ['apply', onePoint, write('pct2.csv', 'score,y\n0.5,1\n37.5,0\n')], /row 2: the score in "score" is 37\.5, outside \[0, 1\]/],
    ['no labels and no histogram', () => ['check', onePoint, write('bare.csv', 'score\n0.5\n')], /has no label column "y" and the export has no score histogram/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const r = await cutoff(...argv());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('1.0 against "1" is the same class (a pandas float label), and --positive fixes a spelling', async () => {
    expect((await cutoff('check', onePoint, labelled('float.csv', '1.0', '0.0'))).code).toBe(0);
    expect((await cutoff('check', onePoint, labelled('tf2.csv', 'True', 'False'), '--positive', 'True')).code).toBe(0);
    expect((await cutoff('check', onePoint, write('three2.csv', 'score,y\n0.1,a\n0.5,1\n0.9,c\n'), '--positive', '1')).code).toBe(0);
  });
});
