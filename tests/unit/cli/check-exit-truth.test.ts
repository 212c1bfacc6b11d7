/**
 * `cutoff check` exit codes that tell the truth: a group absent from the file (or without
 * positives) is not tested rather than failed, `--require-groups` makes absence a failure,
 * zero total weight is exit 2, and weights that are not counts go through Kish's effective
 * sample size instead of being read as millions of cases.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/cli/check';
import { defaultGuardrails } from '../../../src/decision/guardrails';
import { cutoff, scoredRows, tempDir, writePoint } from './fixtures';

const dir = tempDir();
const rows = scoredRows(4000, 5).map((r, i) => ({ ...r, region: ['north', 'south', 'west'][i % 3] }));
function matrix(keep: (r: (typeof rows)[number]) => boolean = () => true) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of rows) {
    if (!keep(r)) continue;
    const p = r.score >= 0.5;
    const y = r.y === 'yes';
    if (p && y) c.tp++;
    else if (p) c.fp++;
    else if (y) c.fn++;
    else c.tn++;
  }
  return c;
}
function csv(name: string, keep: (r: (typeof rows)[number]) => boolean, weight?: (i: number) => string): string {
  const path = join(dir, name);
  const kept = rows.filter(keep);
  writeFileSync(path, `score,y,region${weight ? ',w' : ''}\n${kept.map((r, i) => `${r.score},${r.y},${r.region}${weight ? `,${weight(i)}` : ''}`).join('\n')}\n`);
  return path;
}
const grouped = writePoint(
  dir,
  {
    confusion: matrix(),
    guardrails: { ...defaultGuardrails(), maxDrift: null },
    groups: {
      column: 'region',
      strategy: 'manual',
      thresholds: ['north', 'south', 'west'].map((value) => ({ value, threshold: 0.5, confusion: matrix((r) => r.region === value) })),
    },
  },
  'groups.json',
);
const plain = writePoint(dir, { confusion: matrix(), guardrails: { ...defaultGuardrails(), maxDrift: null } }, 'plain.json');

describe('groups absent from the file', () => {
  const noWest = csv('no-west.csv', (r) => r.region !== 'west');

  it('a group with no rows is not tested (exit 0), and said so', async () => {
    const r = await cutoff('check', grouped, noWest);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/-- {3}recall \(region = west\) not tested: no rows in this file/);
    expect(r.stdout).not.toMatch(/FAIL/);
    const report = JSON.parse((await cutoff('check', grouped, noWest, '--json')).stdout) as CheckReport;
    // Only the comparisons made share alpha.
    expect(report.family.tests).toBe(6);
  });

  it('a group with rows but no positives is not tested (neither recall nor precision)', async () => {
    // The overall precision does drop here (a third of the positives are gone): only west is at issue.
    const noWestPositives = csv('west-negatives.csv', (r) => r.region !== 'west' || r.y === 'no');
    const r = await cutoff('check', grouped, noWestPositives, '--json');
    expect(r.stderr).not.toMatch(/west/);
    const floors = (JSON.parse(r.stdout) as CheckReport).floors.filter((f) => f.name.includes('west'));
    expect(floors.map((f) => [f.name, f.ok, f.notTested])).toEqual([
      ['recall (region = west)', true, 'no positives in this file'],
      ['precision (region = west)', true, 'no positives in this file'],
    ]);
  });

  it('--require-groups makes absence a failure (exit 1) naming the group', async () => {
    const r = await cutoff('check', grouped, noWest, '--require-groups');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/group region = west has no rows in this file \(--require-groups\)/);
    expect(
      (
        await cutoff(
          'check',
          grouped,
          csv('all.csv', () => true),
          '--require-groups',
        )
      ).code,
    ).toBe(0);
  });

  it('--require-groups without groups in the export is exit 2', async () => {
    const r = await cutoff('check', plain, noWest, '--require-groups');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: --require-groups needs an export with per-group thresholds/);
  });
});

describe('weights', () => {
  it('all-zero weights are exit 2, as in choose', async () => {
    const r = await cutoff(
      'check',
      plain,
      csv(
        'zero.csv',
        () => true,
        () => '0',
      ),
      '--weight',
      'w',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: .*zero\.csv: the weights in "w" sum to 0/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('huge weights are relative weights: the tests count the rows (Kish), with a note', async () => {
    const r = await cutoff(
      'check',
      plain,
      csv(
        'huge.csv',
        () => true,
        () => '1e300',
      ),
      '--weight',
      'w',
      '--json',
    );
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(r.code).toBe(0);
    const recall = report.floors.find((f) => f.name === 'recall');
    const positives = rows.filter((x) => x.y === 'yes').length;
    expect(recall?.test?.afterCount).toBeCloseTo(positives, 6);
    expect(report.notes.join(' ')).toMatch(/read as relative weights: .*Kish's effective sample size/);
    const text = await cutoff('check', plain, join(dir, 'huge.csv'), '--weight', 'w');
    expect(text.stdout).toMatch(/^cutoff check: .*huge\.csv: 4000 rows standing for 4\.000e\+303 cases/);
  });

  it('fractional weights use the effective sample size; whole counts stay counts', async () => {
    const half = JSON.parse(
      (
        await cutoff(
          'check',
          plain,
          csv(
            'half.csv',
            () => true,
            (i) => (i % 2 ? '0.5' : '1.5'),
          ),
          '--weight',
          'w',
          '--json',
        )
      ).stdout,
    ) as CheckReport;
    const positives = rows.filter((x) => x.y === 'yes').length;
    // (Σw)²/Σw² for weights 0.5 and 1.5 in equal shares is 0.8 of the rows.
    expect(half.floors.find((f) => f.name === 'recall')?.test?.afterCount).toBeCloseTo(positives * 0.8, -1);
    const counts = JSON.parse(
      (
        await cutoff(
          'check',
          plain,
          csv(
            'counts.csv',
            () => true,
            () => '2',
          ),
          '--weight',
          'w',
          '--json',
        )
      ).stdout,
    ) as CheckReport;
    expect(counts.floors.find((f) => f.name === 'recall')?.test?.afterCount).toBe(2 * positives);
  });
});
