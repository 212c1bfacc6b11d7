/**
 * `cutoff sql --engine E --table T --score COL --label COL [--bins N]`: the GROUP BY query whose
 * result is `score,label,count` rows, written for each engine. With --bins N a score s is
 * counted at FLOOR(s·N)/N, the same double `cutoff curve --bins N` computes, so engine and
 * command agree bin for bin; without it every distinct score is kept (exact).
 */
import { checkBins } from './bins';
import { InputError } from './errors';

export const SQL_ENGINES = ['duckdb', 'spark', 'bigquery', 'postgres'] as const;
export type SqlEngine = (typeof SQL_ENGINES)[number];

export interface SqlOptions {
  engine: SqlEngine;
  table: string;
  score: string;
  label: string;
  /** A group column kept under its own name (a third GROUP BY key), as `cutoff curve --group` keeps it. */
  group?: string;
  bins?: number;
}

/** How an engine quotes a name and names a double (`cutoff sql --apply` reuses them). */
export interface Dialect {
  quote(name: string): string;
  double: string;
}

export const DIALECTS: Record<SqlEngine, Dialect> = {
  // DuckDB and Postgres quote identifiers with "…"; Spark SQL and BigQuery with `…`.
  duckdb: { quote: (n) => `"${n.replace(/"/g, '""')}"`, double: 'DOUBLE' },
  postgres: { quote: (n) => `"${n.replace(/"/g, '""')}"`, double: 'DOUBLE PRECISION' },
  spark: { quote: (n) => `\`${n.replace(/`/g, '``')}\``, double: 'DOUBLE' },
  bigquery: { quote: (n) => `\`${n.replace(/`/g, '\\`')}\``, double: 'FLOAT64' },
};

/**
 * `--table` is pasted into the query, so it must be a table name and nothing more: dotted parts,
 * each bare or quoted the engine's way, or in DuckDB a single-quoted file path.
 */
export function checkTable(engine: SqlEngine, table: string): void {
  const bare = engine === 'bigquery' ? '[A-Za-z_][A-Za-z0-9_-]*' : '[A-Za-z_][A-Za-z0-9_$]*';
  // Quoted parts may hold anything but their quote (doubled) and control characters (\p{Cc}).
  const quoted = engine === 'duckdb' || engine === 'postgres' ? '"(?:[^"\\p{Cc}]|"")+"' : '`(?:[^`\\\\\\p{Cc}]|``|\\\\`)+`';
  const part = `(?:${bare}|${quoted})`;
  if (new RegExp(`^${part}(?:\\.${part})*$`, 'u').test(table)) return;
  if (engine === 'duckdb' && /^'(?:[^'\p{Cc}]|'')+'$/u.test(table)) return;
  const quote = engine === 'duckdb' || engine === 'postgres' ? '"' : '`';
  throw new InputError(
    `--table must be a table name (dotted parts, each bare or quoted with ${quote}…${quote})${engine === 'duckdb' ? " or a file path in single quotes such as 'scores.parquet'" : ''}, not ${JSON.stringify(table)}`,
  );
}

export function sqlQuery(options: SqlOptions): string {
  const d = DIALECTS[options.engine];
  if (!d) throw new InputError(`--engine must be one of ${SQL_ENGINES.join(', ')}, not "${String(options.engine)}"`);
  if (options.table.trim() === '') throw new InputError("--table names the table (in DuckDB also a quoted file path such as 'scores.parquet')");
  checkTable(options.engine, options.table);
  const bins = options.bins;
  checkBins(bins);
  const score = `CAST(${d.quote(options.score)} AS ${d.double})`;
  const scoreExpr = bins === undefined ? score : `FLOOR(${score} * ${bins}) / ${bins}`;
  const label = d.quote(options.label);
  const q = d.quote;
  const group = options.group === undefined ? '' : `, ${q(options.group)} AS ${q(options.group)}`;
  const keys = options.group === undefined ? '1, 2' : '1, 2, 3';
  return [
    `SELECT ${scoreExpr} AS ${q('score')}, ${label} AS ${q('label')}${group}, COUNT(*) AS ${q('count')}`,
    `FROM ${options.table}`,
    `WHERE ${d.quote(options.score)} IS NOT NULL AND ${label} IS NOT NULL`,
    // Grouping by position works in all four engines and keeps the expression written once.
    `GROUP BY ${keys}`,
    `ORDER BY ${keys}`,
  ].join('\n');
}
