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

  it("check --group reads the export's group column under another name (exit 2 without groups)", async () => {
    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, `id,score,y,site\n${rows.map((r, i) => `${i + 1},${r.score},${r.y},${r.region}`).join('\n')}\n`);
    const raw = JSON.parse((await cutoff('check', grouped, file, '--json')).stdout) as CheckReport;
    const r = await cutoff('check', grouped, renamed, '--group', 'site', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as CheckReport).groups).toEqual(raw.groups);
    const none = await cutoff('check', writePoint(dir, {}, 'plain.json'), file, '--group', 'region');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^cutoff: --group names the column of per-group thresholds, but this operating point has none/);
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

describe('a threshold inside a bin', () => {
  it('check on binned curve output says the matrix is binned and by how much it can differ', async () => {
    const curve = await cutoff('curve', file, '--label', 'y', '--bins', '100');
    const binned = join(dir, 'binned.csv');
    writeFileSync(binned, curve.stdout);
    const inside = writePoint(dir, { threshold: 0.505 }, 'inside.json');
    const raw = JSON.parse((await cutoff('check', inside, file, '--json')).stdout) as CheckReport;
    const agg = JSON.parse((await cutoff('check', inside, binned, '--json')).stdout) as CheckReport;
    const note = agg.notes.find((n) => n.startsWith('the scores are binned'));
    expect(note).toMatch(/a bin every 1\/100\) and the threshold 0\.505 falls inside the bin \[0\.5, 0\.51\)/);
    const [, tpUp, fpUp] = /TP can be up to (\d+) and FP up to (\d+) higher/.exec(note ?? '') ?? [];
    const dTp = (raw.confusion?.tp ?? 0) - (agg.confusion?.tp ?? 0);
    const dFp = (raw.confusion?.fp ?? 0) - (agg.confusion?.fp ?? 0);
    expect(dTp).toBeGreaterThan(0);
    expect(dTp).toBeLessThanOrEqual(Number(tpUp));
    expect(dFp).toBeLessThanOrEqual(Number(fpUp));
    // On a bin edge the binned matrix is exact, and nothing is said.
    const edge = JSON.parse((await cutoff('check', writePoint(dir, { threshold: 0.5 }, 'edge.json'), binned, '--json')).stdout) as CheckReport;
    expect(edge.notes.some((n) => n.startsWith('the scores are binned'))).toBe(false);
    expect(edge.confusion).toEqual((JSON.parse((await cutoff('check', writePoint(dir, { threshold: 0.5 }, 'edge.json'), file, '--json')).stdout) as CheckReport).confusion);
  });
});
