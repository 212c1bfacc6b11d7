/**
 * A real engine: 10,000,000 seeded scored rows written to Parquet by DuckDB, reduced by exactly
 * the query `cutoff sql --engine duckdb` prints, and checked with `cutoff check` against
 * `cutoff curve --exact` on the full file (read by the command itself through hyparquet).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { cutoff, tempDir, writePoint } from './fixtures';
import type { CheckReport } from '../../../src/cli/check';
import { binningErrorBound, curveOfEntries } from '../../../src/cli/score-counts';

/** score,label,count rows of a CSV as numbers. */
function aggregatedRows(text: string): number[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
}

const ROWS = 10_000_000;

async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs a query `cutoff sql` printed and writes its result as CSV. */
async function runPrinted(query: string, out: string): Promise<void> {
  await duckdb(`COPY (${query.trim().replace(/;$/, '')}) TO '${out}' (HEADER, DELIMITER ',')`);
}

describe('DuckDB round trip on 10,000,000 rows', () => {
  it('gives the same ROC-AUC and AP as cutoff curve --exact, and within the stated error at --bins 10000', async () => {
    const dir = tempDir();
    const parquet = join(dir, 'scores.parquet');
    // Seeded by the row index: score on a 1e-5 grid, P(label = 1 | score) = score².
    await duckdb(`COPY (
        SELECT i AS id, (hash(i) % 100000) / 100000.0 AS score,
               CASE WHEN (hash(i + ${ROWS}) % 1000000) / 1000000.0 < ((hash(i) % 100000) / 100000.0) ^ 2 THEN 1 ELSE 0 END AS label
        FROM range(${ROWS}) t(i)
      ) TO '${parquet}' (FORMAT parquet)`);
    const point = writePoint(dir, { label: { column: 'label', positive: '1' } });

    const exactSql = await cutoff('sql', '--engine', 'duckdb', '--table', `'${parquet}'`, '--score', 'score', '--label', 'label');
    expect(exactSql.code).toBe(0);
    const exactAgg = join(dir, 'exact.csv');
    await runPrinted(exactSql.stdout, exactAgg);
    const engine = JSON.parse((await cutoff('check', point, exactAgg, '--json')).stdout) as CheckReport;
    expect(engine.rows).toBeGreaterThan(0);
    const c = engine.confusion ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
    expect(c.tp + c.fp + c.tn + c.fn).toBe(ROWS);

    const curve = await cutoff('curve', parquet, '--exact');
    expect(curve.code).toBe(0);
    const curveFile = join(dir, 'curve.csv');
    writeFileSync(curveFile, curve.stdout);
    const own = JSON.parse((await cutoff('check', point, curveFile, '--json')).stdout) as CheckReport;
    expect(own.ranking.exact).toBe(true);
    expect(engine.metrics.rocAuc).toBe(own.metrics.rocAuc);
    expect(engine.metrics.averagePrecision).toBe(own.metrics.averagePrecision);
    expect(engine.confusion).toEqual(own.confusion);

    const binnedSql = await cutoff('sql', '--engine', 'duckdb', '--table', `'${parquet}'`, '--score', 'score', '--label', 'label', '--bins', '10000');
    const binnedAgg = join(dir, 'binned.csv');
    await runPrinted(binnedSql.stdout, binnedAgg);
    const binned = JSON.parse((await cutoff('check', point, binnedAgg, '--json')).stdout) as CheckReport;
    const aggregated = aggregatedRows(readFileSync(binnedAgg, 'utf8'));
    expect(aggregated.length).toBeLessThanOrEqual(2 * 10_001);
    // The engine's bins are the command's bins, bin for bin.
    const ownBins = await cutoff('curve', parquet, '--bins', '10000');
    expect(aggregatedRows(ownBins.stdout)).toEqual(aggregated);
    // The bound the binned table itself states.
    const byScore = new Map<number, { pos: number; neg: number }>();
    for (const [s, l, c] of aggregated) {
      const e = byScore.get(s) ?? { pos: 0, neg: 0 };
      if (l === 1) e.pos += c;
      else e.neg += c;
      byScore.set(s, e);
    }
    const keys = [...byScore.keys()].sort((a, b) => a - b);
    const table = curveOfEntries(
      { scores: Float64Array.from(keys), pos: Float64Array.from(keys, (k) => byScore.get(k)?.pos ?? 0), neg: Float64Array.from(keys, (k) => byScore.get(k)?.neg ?? 0) },
      ROWS,
    );
    if (!table) throw new Error('no binned curve');
    const bound = binningErrorBound(table);
    expect(Math.abs((binned.metrics.rocAuc ?? 0) - (own.metrics.rocAuc ?? 0))).toBeLessThanOrEqual(bound.rocAuc);
    expect(Math.abs((binned.metrics.averagePrecision ?? 0) - (own.metrics.averagePrecision ?? 0))).toBeLessThanOrEqual(bound.averagePrecision);
    expect(bound.rocAuc).toBeLessThan(1e-3);
  }, 120_000);
});
