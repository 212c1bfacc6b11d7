/**
 * The `cutoff` command: the exported operating point applied and checked outside the browser,
 * with the page's own readers, ScoreCurve and schema. Exit 0 ok, 1 a floor failed, 2 bad input
 * (one line on stderr saying why).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runCheck } from './check';
import { parseGroupGap } from './floors';
import { runApply } from './apply';
import { runCurve } from './curve';
import { sqlQuery, SQL_ENGINES, type SqlEngine } from './sql';
import { InputError, EXIT } from './errors';
import type { Io } from './io';

export const USAGE = `Usage: cutoff <command> [options]

  cutoff check POINT.json FILE [--score COL] [--label COL] [--positive V] [--weight COL]
               [--min-recall X] [--min-precision X] [--max-alarm-rate X] [--max-drift X] [--json]
      Evaluates FILE at the exported threshold (group thresholds, bands) beside the exported
      figures, with score drift (PSI, KS). Floors default to the export's guardrails.
      Exit 0 when every floor holds, 1 when one fails, 2 for bad input.

  cutoff apply POINT.json FILE [--score COL] [--model cutoff-model.zip] > decisions.csv
      FILE's rows with decision (and band, group_threshold) added, as CSV.
      --model scores raw feature rows with the exported model first.

  cutoff curve FILE [--score COL] [--label COL] [--weight COL] [--bins N | --exact] > curve.csv
      score,label,count rows (N = ${'10000'} bins on [0, 1] by default), ready for the page or check.

  cutoff sql --engine duckdb|spark|bigquery|postgres --table T --score COL --label COL [--bins N]
      The GROUP BY query whose result is score,label,count rows.

FILE is CSV/TSV (any dialect the page reads) or Parquet.
`;

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

function number(values: Values, name: string, range: [number, number]): number | undefined {
  const v = text(values, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < range[0] || x > range[1]) {
    throw new InputError(`--${name} must be a number from ${range[0]} to ${range[1]}, not "${v}"`);
  }
  return x;
}

function wholeNumber(values: Values, name: string): number | undefined {
  const x = number(values, name, [1, 10_000_000]);
  if (x !== undefined && !Number.isInteger(x)) throw new InputError(`--${name} must be a whole number, not ${x}`);
  return x;
}

function positionals(got: string[], names: string[], command: string): string[] {
  if (got.length !== names.length) {
    throw new InputError(
      `cutoff ${command} takes ${names.join(' and ')}${got.length > names.length ? `; unexpected "${got[names.length]}"` : `; missing ${names.slice(got.length).join(' and ')}`}`,
    );
  }
  return got;
}

const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check': {
        const { values, positionals: p } = parse(rest, {
          score: str,
          label: str,
          positive: str,
          weight: str,
          'min-recall': str,
          'min-precision': str,
          'max-alarm-rate': str,
          'max-drift': str,
          'max-group-gap': str,
          alpha: str,
          json: flag,
        });
        const [point, file] = positionals(p, ['POINT.json', 'FILE'], 'check');
        return await runCheck(
          point,
          file,
          {
            score: text(values, 'score'),
            label: text(values, 'label'),
            positive: text(values, 'positive'),
            weight: text(values, 'weight'),
            minRecall: number(values, 'min-recall', [0, 1]),
            minPrecision: number(values, 'min-precision', [0, 1]),
            maxAlarmRate: number(values, 'max-alarm-rate', [0, 1]),
            maxDrift: number(values, 'max-drift', [0, 1e6]),
            maxGroupGap: parseGroupGap(text(values, 'max-group-gap')),
            alpha: number(values, 'alpha', [1e-6, 0.49]),
            json: values.json === true,
          },
          io,
        );
      }
      case 'apply': {
        const { values, positionals: p } = parse(rest, { score: str, model: str });
        const [point, file] = positionals(p, ['POINT.json', 'FILE'], 'apply');
        const model = text(values, 'model');
        const scorer = model === undefined ? undefined : await (await import('./model-scorer')).loadModelScorer(model);
        return await runApply(point, file, { score: text(values, 'score'), model }, io, scorer);
      }
      case 'curve': {
        const { values, positionals: p } = parse(rest, { score: str, label: str, weight: str, bins: str, exact: flag });
        const [file] = positionals(p, ['FILE'], 'curve');
        return await runCurve(
          file,
          {
            score: text(values, 'score') ?? 'score',
            label: text(values, 'label') ?? 'label',
            weight: text(values, 'weight'),
            bins: wholeNumber(values, 'bins'),
            exact: values.exact === true,
          },
          io,
        );
      }
      case 'sql': {
        const { values, positionals: p } = parse(rest, { engine: str, table: str, score: str, label: str, bins: str });
        positionals(p, [], 'sql');
        const engine = text(values, 'engine');
        if (!engine || !(SQL_ENGINES as readonly string[]).includes(engine))
          throw new InputError(`--engine must be one of ${SQL_ENGINES.join(', ')}${engine ? `, not "${engine}"` : ''}`);
        const table = text(values, 'table');
        if (!table) throw new InputError("--table is required: a table name (in DuckDB also a quoted file path such as 'scores.parquet')");
        await io.out(
          `${sqlQuery({ engine: engine as SqlEngine, table, score: text(values, 'score') ?? 'score', label: text(values, 'label') ?? 'label', bins: wholeNumber(values, 'bins') })};\n`,
        );
        return EXIT.ok;
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        await io.out(USAGE);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      default:
        throw new InputError(`unknown command "${command}"; the commands are check, apply, curve and sql (cutoff --help)`);
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`cutoff: ${error.message}\n`);
      return EXIT.badInput;
    }
    // Anything else is still bad input from the caller's point of view, but say what broke.
    io.err(`cutoff: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return EXIT.badInput;
  }
}
