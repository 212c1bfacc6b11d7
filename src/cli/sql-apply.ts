/**
 * `cutoff sql --apply POINT.json --engine E --table T [--score COL] [--group COL] [--id COL]`:
 * one SELECT returning every column of T plus the decision columns `cutoff apply` writes, under
 * the same names, with the same values (src/decision/decision-rule). Every comparison is
 * `raw >= cut` on the column's own doubles: each threshold is moved back through the recorded
 * score transform exactly (score-cut.ts) and printed as the shortest text that reads back as the
 * same double. A row `apply` refuses (score empty or not finite; off [0, 1] with no transform)
 * gets NULL in every decision column.
 */
import { DecisionRule, REVIEW_IN, REVIEW_OUT, type DecisionColumn } from '../decision/decision-rule';
import type { OperatingPoint } from '../session/operating-point';
import { InputError } from './errors';
import { rawCut } from './score-cut';
import { recordedTransform } from './score-transform';
import { checkTable, DIALECTS, SQL_ENGINES, type SqlEngine } from './sql';

export interface SqlApplyOptions {
  engine: SqlEngine;
  table: string;
  /** The score column (default: the export's, as `apply`). */
  score?: string;
  /** The group column (default: the export's); ignored when the export has no groups. */
  group?: string;
  /** Rows come back in this column's order; in the engine's own order without it. */
  id?: string;
}

/** The engine's text type, and its string literal (Spark SQL and BigQuery escape with backslashes). */
const TEXT: Record<SqlEngine, { type: string; literal(value: string): string }> = {
  duckdb: { type: 'VARCHAR', literal: (v) => `'${v.replace(/'/g, "''")}'` },
  postgres: { type: 'TEXT', literal: (v) => `'${v.replace(/'/g, "''")}'` },
  spark: { type: 'STRING', literal: backslashed },
  bigquery: { type: 'STRING', literal: backslashed },
};

function backslashed(value: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return `'${value.replace(/[\\'\n\r\t]/g, (c) => escapes[c] ?? c)}'`;
}

/** Builds the query's parts for one engine. */
class Writer {
  private readonly d;
  private readonly text;
  constructor(readonly engine: SqlEngine) {
    this.d = DIALECTS[engine];
    this.text = TEXT[engine];
  }

  quote(name: string): string {
    return this.d.quote(name);
  }

  /** A double literal the engine reads back as exactly `x` (JavaScript's shortest round-trip text). */
  double(x: number): string {
    if (!Number.isFinite(x)) throw new InputError(`the export has a threshold of ${x}, which no engine compares as a number`);
    return `CAST('${String(x)}' AS ${this.d.double})`;
  }

  literal(value: string): string {
    return this.text.literal(value);
  }

  asText(expr: string): string {
    return `TRIM(CAST(${expr} AS ${this.text.type}))`;
  }

  asDouble(expr: string): string {
    return `CAST(${expr} AS ${this.d.double})`;
  }
}

/** The decision SELECT for the point. */
export function sqlApplyQuery(point: OperatingPoint, options: SqlApplyOptions): string {
  if (!DIALECTS[options.engine]) throw new InputError(`--engine must be one of ${SQL_ENGINES.join(', ')}, not "${String(options.engine)}"`);
  if (options.table.trim() === '') throw new InputError("--table names the table (in DuckDB also a quoted file path such as 'scores.parquet')");
  checkTable(options.engine, options.table);
  const w = new Writer(options.engine);
  const rule = new DecisionRule(point);
  const transform = recordedTransform(point);
  if (transform?.kind === 'min-max' && !(transform.max > transform.min)) {
    throw new InputError(`the export's min-max score transform has max ${transform.max} <= min ${transform.min}: export the point again`);
  }
  const scoreColumn = options.score ?? (point.source.kind === 'scores' ? point.source.scoreColumn : 'score');
  const s = w.asDouble(w.quote(scoreColumn));
  /** `raw >= cut` for a threshold t on mapped scores; FALSE when no finite score reaches t. */
  const atLeast = (t: number): string => {
    const cut = rawCut(t, transform);
    return cut === null ? 'FALSE' : `${s} >= ${w.double(cut)}`;
  };
  // The rows apply decides: finite scores (NaN and ±Infinity fail both comparisons in all four
  // engines; NULL makes the test NULL), and on [0, 1] when no transform maps them there.
  const ok = transform === null ? `${s} >= ${w.double(0)} AND ${s} <= ${w.double(1)}` : `${s} >= ${w.double(-Number.MAX_VALUE)} AND ${s} <= ${w.double(Number.MAX_VALUE)}`;
  const groupCase = groupSwitch(w, rule, options.group ?? rule.groupColumn);
  const positive = groupCase ? groupCase((t) => atLeast(t)) : atLeast(rule.threshold);
  const inBand = rule.band ? `(${atLeast(rule.band.lower)}) AND NOT (${atLeast(rule.band.upper)})` : null;
  const parts: Record<DecisionColumn, () => string> = {
    decision: () => `CASE${inBand ? ` WHEN ${inBand} THEN ${w.literal('review')}` : ''} WHEN ${positive} THEN ${w.literal('positive')} ELSE ${w.literal('negative')} END`,
    review: () => `CASE WHEN ${inBand ?? 'FALSE'} THEN ${w.literal(REVIEW_IN)} ELSE ${w.literal(REVIEW_OUT)} END`,
    risk_band: () => riskBandCase(w, rule, atLeast),
    group_threshold: () => (groupCase ? groupCase((t) => w.double(t)) : w.double(rule.threshold)),
  };
  const columns = rule.columns.map((c) => `  CASE WHEN ${ok} THEN ${parts[c]()} END AS ${w.quote(c)}`);
  return ['SELECT *,', columns.join(',\n'), `FROM ${options.table}`, ...(options.id === undefined ? [] : [`ORDER BY ${w.quote(options.id)}`])].join('\n');
}

/**
 * A CASE over the row's group that picks, per listed group, an expression of its threshold, and
 * the export's other threshold for any other group (a missing one included), as `apply` does.
 * Groups are matched as trimmed text; when every listed value is a number (region 1–4), as
 * numbers, so 1, 1.0 and '01' all match "1" as they do in `apply`. Null without groups.
 */
function groupSwitch(w: Writer, rule: DecisionRule, column: string | null): ((expr: (t: number) => string) => string) | null {
  if (rule.groupColumn === null || column === null) return null;
  const values = [...rule.groupThresholds.keys()];
  const numeric = values.length > 0 && values.every((v) => v.trim() !== '' && String(Number(v)) === v);
  const key = numeric ? w.asDouble(w.quote(column)) : w.asText(w.quote(column));
  return (expr) => {
    const whens = [...rule.groupThresholds].map(([value, t]) => ` WHEN ${numeric ? w.double(Number(value)) : w.literal(value)} THEN ${expr(t)}`);
    return `CASE ${key}${whens.join('')} ELSE ${expr(rule.otherThreshold)} END`;
  };
}

/** The named band: the highest cut the score reaches, searched from the top (bandIndexOf's count of cuts <= score). */
function riskBandCase(w: Writer, rule: DecisionRule, atLeast: (t: number) => string): string {
  const name = (i: number) => w.literal(rule.bandNames[i] ?? String(i));
  const whens = rule.cuts.map((cut, i) => ({ cut, band: i + 1 })).reverse();
  return `CASE${whens.map(({ cut, band }) => ` WHEN ${atLeast(cut)} THEN ${name(band)}`).join('')} ELSE ${name(0)} END`;
}
