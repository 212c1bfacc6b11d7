/**
 * `cutoff sql --apply`: the SELECT that decides every row in the engine. In DuckDB (a test
 * dependency) its decision columns equal `cutoff apply`'s row by row for generated points with
 * each score transform; Spark SQL and BigQuery are checked as text (no engine here).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { cutoff, tempDir, writePoint } from './fixtures';
import { decisionCases, expectSameDecisions, GROUP, ID, SCORE } from './sql-apply-cases';

describe('cutoff sql --apply in DuckDB', () => {
  it('decides every row as cutoff apply does: groups, an unseen group, a band, risk bands, each transform, NULL for refused rows', async () => {
    const dir = tempDir();
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const [n, c] of (await decisionCases(dir)).entries()) {
        const file = join(dir, `table-${n}.csv`);
        writeFileSync(file, c.table);
        await connection.run(
          `CREATE OR REPLACE TABLE scored (${[ID, SCORE, GROUP].map((name, i) => `"${name.replace(/"/g, '""')}" ${i === 1 ? 'DOUBLE' : 'VARCHAR'}`).join(', ')})`,
        );
        await connection.run(`COPY scored FROM '${file}' (HEADER)`);
        const sql = await cutoff('sql', '--apply', c.point, '--engine', 'duckdb', '--table', 'scored', '--id', ID);
        expect([sql.code, sql.stderr]).toEqual([0, '']);
        const reader = await connection.runAndReadAll(sql.stdout.trim().replace(/;$/, ''));
        expectSameDecisions(c, reader.columnNames(), reader.getRowObjectsJS());
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('cutoff sql --apply on a number group column', () => {
  it('matches groups 1 and 2 as numbers, as apply reads 1, 1.0 and 01', async () => {
    const dir = tempDir();
    const groups = { column: 'region', strategy: 'manual' as const, thresholds: [1, 2].map((v) => ({ value: String(v), threshold: 0.2 * v })), otherThreshold: 0.9 };
    const point = writePoint(dir, { groups });
    const rows = ['1,0.3', '1.0,0.3', '01,0.1', '2,0.3', '2,0.5', '3,0.5', ',0.5'].map((r, i) => `${i},${r}`);
    const file = join(dir, 'regions.csv');
    writeFileSync(file, `id,region,score\n${rows.join('\n')}\n`);
    const applied = (await cutoff('apply', point, file)).stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const type of ['DOUBLE', 'VARCHAR']) {
        await connection.run(`CREATE OR REPLACE TABLE scored AS SELECT id, CAST(region AS ${type}) AS region, score FROM read_csv('${file}', header = true, all_varchar = true)`);
        const sql = await cutoff('sql', '--apply', point, '--engine', 'duckdb', '--table', 'scored', '--id', 'id');
        const reader = await connection.runAndReadAll(sql.stdout.trim().replace(/;$/, ''));
        const got = reader.getRowObjectsJS().map((r) => [String(r.decision), Number(r.group_threshold)]);
        expect(got, type).toEqual(applied.map((cells) => [cells[3], Number(cells[4])]));
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('cutoff sql --apply as text', () => {
  const dir = tempDir();
  const point = writePoint(dir, {
    band: { lower: 0.4, upper: 0.6 },
    groups: { column: "site's", strategy: 'manual', thresholds: [{ value: "o'hare\\x", threshold: 0.1 + 0.2 }] },
    bands: { cuts: [0.5], names: ['low', "it's high"] },
  });

  it('quotes names and strings for Spark SQL and BigQuery, and prints thresholds that read back as the same double', async () => {
    const spark = await cutoff('sql', '--apply', point, '--engine', 'spark', '--table', 'db.scored', '--score', 'p `x`', '--id', 'my id');
    expect(spark.code).toBe(0);
    expect(spark.stdout).toMatch(/^SELECT \*,\n {2}CASE WHEN CAST\(`p ``x``` AS DOUBLE\) >= CAST\('0' AS DOUBLE\) AND CAST\(`p ``x``` AS DOUBLE\) <= CAST\('1' AS DOUBLE\) THEN/);
    expect(spark.stdout).toContain("CASE TRIM(CAST(`site's` AS STRING)) WHEN 'o\\'hare\\\\x' THEN CAST(`p ``x``` AS DOUBLE) >= CAST('0.30000000000000004' AS DOUBLE)");
    expect(spark.stdout).toContain("THEN 'it\\'s high' ELSE 'low' END END AS `risk_band`");
    expect(spark.stdout).toMatch(/FROM db\.scored\nORDER BY `my id`;\n$/);
    const bq = await cutoff('sql', '--apply', point, '--engine', 'bigquery', '--table', 'proj.ds.scored', '--score', 'p `x`');
    expect(bq.stdout).toContain("CAST(`p \\`x\\`` AS FLOAT64) >= CAST('0.30000000000000004' AS FLOAT64)");
    expect(bq.stdout).toContain("WHEN 'o\\'hare\\\\x' THEN CAST('0.30000000000000004' AS FLOAT64) ELSE CAST('0.5' AS FLOAT64) END END AS `group_threshold`");
    expect(bq.stdout).toMatch(/FROM proj\.ds\.scored;\n$/);
    const pg = await cutoff('sql', '--apply', point, '--engine', 'postgres', '--table', 'scored');
    expect(pg.stdout).toContain(`CASE TRIM(CAST("site's" AS TEXT)) WHEN 'o''hare\\x' THEN CAST("score" AS DOUBLE PRECISION) >= CAST('0.30000000000000004' AS DOUBLE PRECISION)`);
    expect(pg.stdout).toContain(`"decision",\n  CASE WHEN`);
    expect(pg.stdout).toContain(`AS "review",\n`);
  });

  it('moves thresholds back through the score transform, so the engine computes no EXP', async () => {
    const sigmoid = writePoint(dir, { threshold: 0.5, scoreTransform: { kind: 'sigmoid' } }, 'sigmoid.json');
    const q = (await cutoff('sql', '--apply', sigmoid, '--engine', 'duckdb', '--table', 'scored')).stdout;
    expect(q).not.toMatch(/EXP/i);
    // Every finite raw score is decided (no [0, 1] check once a transform maps scores there).
    expect(q).toContain(`"score" AS DOUBLE) >= CAST('-1.7976931348623157e+308' AS DOUBLE) AND`);
  });

  it('refuses a bad table, GROUP BY options, and --id without --apply (exit 2, one line)', async () => {
    const run = (...args: string[]) => cutoff('sql', ...args);
    expect((await run('--apply', point, '--engine', 'postgres', '--table', 'x; DROP TABLE y')).stderr).toMatch(/^cutoff: --table must be a table name/);
    expect((await run('--apply', point, '--engine', 'duckdb', '--table', 't', '--bins', '10')).stderr).toBe(
      'cutoff: --bins is for the GROUP BY query, not sql --apply (which decides every row)\n',
    );
    const r = await run('--engine', 'duckdb', '--table', 't', '--id', 'id');
    expect([r.code, r.stderr]).toEqual([2, 'cutoff: --id orders the rows of sql --apply: pass --apply POINT.json too\n']);
    expect((await run('--apply', join(dir, 'missing.json'), '--engine', 'duckdb', '--table', 't')).code).toBe(2);
  });
});
