/**
 * `cutoff sql --engine E --table T --score COL --label COL [--bins N]`: the GROUP BY query whose
 * result is `score,label,count` rows, written for each engine. With --bins N a score s is
 * counted at FLOOR(s·N)/N, the same double `cutoff curve --bins N` computes, so engine and
 * command agree bin for bin; without it every distinct score is kept (exact).
 */
import { InputError } from './errors';

export const SQL_ENGINES = ['duckdb', 'spark', 'bigquery', 'postgres'] as const;
export type SqlEngine = (typeof SQL_ENGINES)[number];

export interface SqlOptions {
  engine: SqlEngine;
  table: string;
  score: string;
  label: string;
  bins?: number;
}

interface Dialect {
  quote(name: string): string;
  double: string;
}

const DIALECTS: Record<SqlEngine, Dialect> = {
  // DuckDB and Postgres quote identifiers with "…"; Spark SQL and BigQuery with `…`.
  duckdb: { quote: (n) => `"${n.replace(/"/g, '""')}"`, double: 'DOUBLE' },
  postgres: { quote: (n) => `"${n.replace(/"/g, '""')}"`, double: 'DOUBLE PRECISION' },
  spark: { quote: (n) => `\`${n.replace(/`/g, '``')}\``, double: 'DOUBLE' },
  bigquery: { quote: (n) => `\`${n.replace(/`/g, '\\`')}\``, double: 'FLOAT64' },
};

export function sqlQuery(options: SqlOptions): string {
  const d = DIALECTS[options.engine];
  if (!d) throw new InputError(`--engine must be one of ${SQL_ENGINES.join(', ')}, not "${String(options.engine)}"`);
  if (options.table.trim() === '') throw new InputError("--table names the table (in DuckDB also a quoted file path such as 'scores.parquet')");
  const bins = options.bins;
  if (bins !== undefined && !(Number.isInteger(bins) && bins >= 1 && bins <= 10_000_000)) throw new InputError(`--bins must be a whole number from 1 to 10000000, not ${bins}`);
  const score = `CAST(${d.quote(options.score)} AS ${d.double})`;
  const scoreExpr = bins === undefined ? score : `FLOOR(${score} * ${bins}) / ${bins}`;
  const label = d.quote(options.label);
  const q = d.quote;
  return [
    `SELECT ${scoreExpr} AS ${q('score')}, ${label} AS ${q('label')}, COUNT(*) AS ${q('count')}`,
    `FROM ${options.table}`,
    `WHERE ${d.quote(options.score)} IS NOT NULL AND ${label} IS NOT NULL`,
    // Grouping by position works in all four engines and keeps the expression written once.
    'GROUP BY 1, 2',
    'ORDER BY 1, 2',
  ].join('\n');
}
