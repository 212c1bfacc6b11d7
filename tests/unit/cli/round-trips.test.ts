/**
 * Round trips through `cutoff curve` that hold: a group column kept (`--group`, in `sql` too) so
 * a point with group thresholds is checked on the aggregated output, and names the CSV writer
 * defused (`=sc` written as `'=sc`) found again by `check`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/cli/check';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const dir = tempDir();
const rows = scoredRows(3000, 13);
const file = writeCsv(dir, rows);
const grouped = writePoint(
  dir,
  {
    groups: {
      column: 'region',
      strategy: 'manual',
      thresholds: [
        { value: 'north', threshold: 0.4 },
        { value: 'south', threshold: 0.6 },
      ],
    },
  },
  'grouped.json',
);

describe('curve --group', () => {
  it('keeps the group column, and check on the output gives the per-group matrices of the rows', async () => {
    const curve = await cutoff('curve', file, '--label', 'y', '--group', 'region', '--exact');
    expect(curve.code).toBe(0);
    const lines = curve.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('score,y,region,count');
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(',')[3]), 0);
    expect(total).toBe(3000);
    const reduced = join(dir, 'curve.csv');
    writeFileSync(reduced, curve.stdout);
    const raw = JSON.parse((await cutoff('check', grouped, file, '--json')).stdout) as CheckReport;
    const agg = JSON.parse((await cutoff('check', grouped, reduced, '--json')).stdout) as CheckReport;
    expect(agg.columns.weight).toBe('count');
    expect(agg.groups.map((g) => [g.value, g.confusion])).toEqual(raw.groups.map((g) => [g.value, g.confusion]));
    expect(agg.confusion).toEqual(raw.confusion);
  });

  it('refuses a group column with more than 30 values', async () => {
    const many = join(dir, 'many.csv');
    writeFileSync(many, `score,y,g\n${rows.map((r, i) => `${r.score},${r.y},g${i % 40}`).join('\n')}\n`);
    const r = await cutoff('curve', many, '--label', 'y', '--group', 'g');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"g" has more than 30 values/);
  });

  it('sql --group keeps the column under its own name as a third GROUP BY key', async () => {
    const r = await cutoff('sql', '--engine', 'duckdb', '--table', "'s.parquet'", '--group', 'region');
    expect(r.stdout).toMatch(/"label" AS "label", "region" AS "region", COUNT\(\*\) AS "count"/);
    expect(r.stdout).toMatch(/GROUP BY 1, 2, 3\nORDER BY 1, 2, 3;/);
  });
});

describe('names the CSV writer defused', () => {
  it("check finds '=sc written by curve for the export's =sc", async () => {
    const formula = join(dir, 'formula.csv');
    writeFileSync(formula, `=sc,y\n${rows.map((r) => `${r.score},${r.y}`).join('\n')}\n`);
    const point = writePoint(dir, { source: { kind: 'scores', scoreColumn: '=sc', weightColumn: null } }, 'formula.json');
    const curve = await cutoff('curve', formula, '--score', '=sc', '--label', 'y');
    expect(curve.stdout.split('\n')[0]).toBe("'=sc,y,count");
    const reduced = join(dir, 'formula-curve.csv');
    writeFileSync(reduced, curve.stdout);
    const r = await cutoff('check', point, reduced, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.columns.score).toBe("'=sc");
    expect(report.columns.weight).toBe('count');
    expect(report.notes.join(' ')).toMatch(/the column "=sc" is read from "'=sc"/);
  });
});
