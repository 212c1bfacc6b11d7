/**
 * A real PostgreSQL (a throwaway cluster, tests/postgres/cluster.ts): `cutoff sql --apply`
 * decides every row as `cutoff apply` does, and the `cutoff sql` GROUP BY of 1,000,000 rows
 * gives `cutoff check` exactly the raw rows' matrix and ranking figures. Where PostgreSQL cannot
 * start the tests fail with the reason in one line: they are never skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/data/random';
import type { CheckReport } from '../../../src/cli/check';
import { startCluster, type Cluster } from '../../postgres/cluster';
import { cutoff, tempDir, writePoint } from './fixtures';
import { csvCells } from './csv-cells';
import { decisionCases, expectSameDecisions, GROUP, ID, SCORE } from './sql-apply-cases';

let cluster: Cluster | string = 'not started';

beforeAll(async () => {
  cluster = await startCluster();
  if (typeof cluster !== 'string') console.log(`PostgreSQL for the engine tests: ${cluster.version}`);
}, 120_000);

afterAll(() => {
  if (typeof cluster !== 'string') cluster.stop();
});

/** The running cluster; otherwise the test fails naming why (it is never skipped). */
function server(): Cluster {
  if (typeof cluster !== 'string') return cluster;
  throw new Error(`PostgreSQL cannot start: ${cluster}`);
}

/** A query's result as CSV (FORCE_QUOTE *: an unquoted empty cell is NULL), as objects by column. */
function selectRows(pg: Cluster, query: string): { columns: string[]; rows: Record<string, string | null>[] } {
  const [head, ...rows] = csvCells(pg.psql(`COPY (${query.trim().replace(/;$/, '')}) TO STDOUT (FORMAT csv, HEADER, FORCE_QUOTE *)`));
  const columns = head.map((c) => c ?? '');
  return { columns, rows: rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))) };
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

describe('cutoff sql in PostgreSQL', () => {
  it('--apply decides every row as cutoff apply does: groups, an unseen group, a band, risk bands, each transform, NULL for refused rows', async () => {
    const pg = server();
    const dir = tempDir();
    for (const c of await decisionCases(dir, 2)) {
      pg.psql(`DROP TABLE IF EXISTS scored; CREATE TABLE scored (${q(ID)} TEXT, ${q(SCORE)} DOUBLE PRECISION, ${q(GROUP)} TEXT)`);
      pg.psql('COPY scored FROM STDIN (FORMAT csv, HEADER)', c.table);
      const sql = await cutoff('sql', '--apply', c.point, '--engine', 'postgres', '--table', 'scored', '--id', ID);
      expect([sql.code, sql.stderr]).toEqual([0, '']);
      const { columns, rows } = selectRows(pg, sql.stdout);
      expectSameDecisions(c, columns, rows);
    }
  }, 120_000);

  it('the GROUP BY of 1,000,000 rows gives cutoff check the raw rows’ matrix and ranking figures exactly', async () => {
    const pg = server();
    const dir = tempDir();
    const rows = 1_000_000;
    const random = mulberry32(34);
    const lines = ['score,label'];
    for (let i = 0; i < rows; i++) {
      // Scores on a 1e-4 grid (many ties), P(label = 1 | score) = score².
      const score = Math.floor(random() * 1e4) / 1e4;
      lines.push(`${score},${random() < score * score ? 1 : 0}`);
    }
    const raw = join(dir, 'raw.csv');
    writeFileSync(raw, `${lines.join('\n')}\n`);
    pg.psql('DROP TABLE IF EXISTS raw_scores; CREATE TABLE raw_scores (score DOUBLE PRECISION, label INTEGER)');
    pg.psql('COPY raw_scores FROM STDIN (FORMAT csv, HEADER)', `${lines.join('\n')}\n`);
    const sql = await cutoff('sql', '--engine', 'postgres', '--table', 'raw_scores', '--score', 'score', '--label', 'label');
    expect(sql.code).toBe(0);
    const reduced = join(dir, 'reduced.csv');
    writeFileSync(reduced, pg.psql(`COPY (${sql.stdout.trim().replace(/;$/, '')}) TO STDOUT (FORMAT csv, HEADER)`));
    const point = writePoint(dir, { label: { column: 'label', positive: '1' }, threshold: 0.5 });
    const engine = JSON.parse((await cutoff('check', point, reduced, '--json')).stdout) as CheckReport;
    const own = JSON.parse((await cutoff('check', point, raw, '--json')).stdout) as CheckReport;
    const c = engine.confusion ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
    expect(c.tp + c.fp + c.tn + c.fn).toBe(rows);
    expect(engine.confusion).toEqual(own.confusion);
    expect(engine.ranking.exact).toBe(true);
    expect(engine.metrics.rocAuc).toBe(own.metrics.rocAuc);
    expect(engine.metrics.averagePrecision).toBe(own.metrics.averagePrecision);
  }, 300_000);
});
