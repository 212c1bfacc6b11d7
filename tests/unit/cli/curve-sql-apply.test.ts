import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const rows = scoredRows(3000, 11);

describe('cutoff curve', () => {
  const dir = tempDir();
  const file = writeCsv(dir, rows);

  it('--exact gives one row per distinct (score, label) with its count, ascending', async () => {
    const r = await cutoff('curve', file, '--label', 'y', '--exact');
    expect(r.code).toBe(0);
    const expected = new Map<string, number>();
    for (const row of rows) expected.set(`${row.score},${row.y}`, (expected.get(`${row.score},${row.y}`) ?? 0) + 1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('score,y,count');
    const got = new Map(lines.slice(1).map((l) => [l.slice(0, l.lastIndexOf(',')), Number(l.slice(l.lastIndexOf(',') + 1))]));
    expect(got).toEqual(expected);
    const scores = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('--bins N counts each score at floor(s·N)/N', async () => {
    const r = await cutoff('curve', file, '--label', 'y', '--bins', '10');
    const expected = new Map<string, number>();
    for (const row of rows) {
      const key = `${Math.floor(row.score * 10) / 10},${row.y}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const lines = r.stdout.trim().split('\n').slice(1);
    expect(new Map(lines.map((l) => [l.slice(0, l.lastIndexOf(',')), Number(l.slice(l.lastIndexOf(',') + 1))]))).toEqual(expected);
  });

  it('refuses scores outside [0, 1] for bins, both modes at once and a bad bin count', async () => {
    const path = join(dir, 'logits.csv');
    writeFileSync(path, 'score,label\n-2.5,1\n0.3,0\n');
    expect((await cutoff('curve', path)).stderr).toMatch(/score -2\.5 is outside \[0, 1\]; --bins bins \[0, 1\], so use --exact/);
    expect((await cutoff('curve', path, '--exact')).code).toBe(0);
    const both = await cutoff('curve', path, '--exact', '--bins', '5');
    expect([both.code, both.stderr]).toEqual([2, 'cutoff: choose --bins N or --exact, not both\n']);
    expect((await cutoff('curve', path, '--bins', '0')).stderr).toMatch(/--bins must be a number from 1/);
    expect((await cutoff('curve', path, '--bins', '2.5')).stderr).toMatch(/--bins must be a whole number/);
  });
});

describe('cutoff sql', () => {
  it('prints a GROUP BY per dialect', async () => {
    const duck = await cutoff('sql', '--engine', 'duckdb', '--table', "'scores.parquet'", '--score', 'p', '--label', 'y', '--bins', '1000');
    expect(duck.stdout).toBe(
      `SELECT FLOOR(CAST("p" AS DOUBLE) * 1000) / 1000 AS "score", "y" AS "label", COUNT(*) AS "count"\nFROM 'scores.parquet'\nWHERE "p" IS NOT NULL AND "y" IS NOT NULL\nGROUP BY 1, 2\nORDER BY 1, 2;\n`,
    );
    expect((await cutoff('sql', '--engine', 'postgres', '--table', 'scored', '--score', 'p', '--label', 'y', '--bins', '100')).stdout).toMatch(
      /^SELECT FLOOR\(CAST\("p" AS DOUBLE PRECISION\) \* 100\) \/ 100 AS "score"/,
    );
    expect((await cutoff('sql', '--engine', 'bigquery', '--table', 'proj.ds.scored', '--score', 'p', '--label', 'y')).stdout).toMatch(
      /^SELECT CAST\(`p` AS FLOAT64\) AS `score`, `y` AS `label`, COUNT\(\*\) AS `count`\nFROM proj\.ds\.scored/,
    );
    expect((await cutoff('sql', '--engine', 'spark', '--table', 'db.scored', '--score', 'p', '--label', 'y', '--bins', '10')).stdout).toMatch(
      /^SELECT FLOOR\(CAST\(`p` AS DOUBLE\) \* 10\) \/ 10 AS `score`/,
    );
  });

  it('refuses an unknown engine and a missing table', async () => {
    expect((await cutoff('sql', '--engine', 'mysql', '--table', 't')).stderr).toBe('cutoff: --engine must be one of duckdb, spark, bigquery, postgres, not "mysql"\n');
    expect((await cutoff('sql', '--engine', 'duckdb')).code).toBe(2);
  });
});

describe('cutoff apply', () => {
  const dir = tempDir();
  const file = writeCsv(dir, rows.slice(0, 200));

  it('adds decision, review and group_threshold to every row', async () => {
    const point = writePoint(dir, {
      band: { lower: 0.45, upper: 0.55 },
      groups: {
        column: 'region',
        strategy: 'manual',
        thresholds: [
          { value: 'north', threshold: 0.4 },
          { value: 'south', threshold: 0.6 },
        ],
      },
    });
    const r = await cutoff('apply', point, file);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,score,y,region,decision,review,group_threshold');
    expect(lines).toHaveLength(201);
    lines.slice(1).forEach((line, i) => {
      const row = rows[i];
      const t = row.region === 'north' ? 0.4 : 0.6;
      const inBand = row.score >= 0.45 && row.score < 0.55;
      expect(line).toBe(`${i + 1},${row.score},${row.y},${row.region},${inBand ? 'review' : row.score >= t ? 'positive' : 'negative'},${inBand ? 'in' : 'out'},${t}`);
    });
  });

  it('names the risk band of each row', async () => {
    const point = writePoint(dir, { bands: { cuts: [0.3, 0.6], names: ['low', 'mid', 'high'] } });
    const lines = (await cutoff('apply', point, file)).stdout.trim().split('\n').slice(1);
    lines.forEach((line, i) => {
      const s = rows[i].score;
      expect(line.split(',').slice(-1)[0]).toBe(s < 0.3 ? 'low' : s < 0.6 ? 'mid' : 'high');
    });
  });

  it('keeps quoted cells intact and refuses a file without the score column', async () => {
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(quoted, 'name,score\n"Smith, J",0.9\n"say ""hi""",0.1\n');
    const point = writePoint(dir);
    expect((await cutoff('apply', point, quoted)).stdout).toBe('name,score,decision\n"Smith, J",0.9,positive\n"say ""hi""",0.1,negative\n');
    const r = await cutoff('apply', point, quoted, '--score', 'p');
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/has no column "p"/);
  });
});

describe('cutoff', () => {
  it('prints help (exit 0) and refuses an unknown command (exit 2)', async () => {
    expect((await cutoff('--help')).stdout).toMatch(/^Usage: cutoff <command>/);
    const r = await cutoff('evaluate');
    expect([r.code, r.stderr]).toEqual([2, 'cutoff: unknown command "evaluate"; the commands are choose, check, compare, report, apply, curve, sql and serve (cutoff --help)\n']);
  });
});
