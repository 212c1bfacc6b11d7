/**
 * The `cutoff` command: the exported operating point applied and checked outside the browser,
 * with the page's own readers, ScoreCurve and schema. Exit 0 ok, 1 a floor failed, 2 bad input
 * (one line on stderr saying why).
 */
import { runCheck } from './check';
import { parseGroupGap } from './floors';
import { runApply } from './apply';
import { runCurve } from './curve';
import { sqlQuery, SQL_ENGINES, type SqlEngine } from './sql';
import { sqlApplyQuery } from './sql-apply';
import { loadPoint } from './load-point';
import { InputError, EXIT } from './errors';
import type { Io } from './io';
import { COMMAND_HELP, USAGE } from './help';
import { withOutput } from './output';
import { flag, number, oneOf, output, parse, positionals, str, text, wholeNumber, type Values } from './options';
import { BINS_RANGE } from './bins';
import { escaped } from './shown';
import { GROUP_STRATEGIES } from '../metrics/group-thresholds';
import { SCORE_TRANSFORMS } from '../data/score-transform';
import { CONFIDENCE_RANGE } from '../decision/confident-target';
import { floorBounds } from '../decision/guardrails';

declare const __APP_VERSION__: string | undefined;

/** The package's version (set by the CLI build; tests run the source). */
export const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

export { USAGE };

/** `sql --apply POINT.json`: the decision SELECT (null without --apply, the GROUP BY then). */
async function sqlApplyOf(values: Values, engine: SqlEngine, table: string, io: Io): Promise<string | null> {
  const pointPath = text(values, 'apply');
  if (pointPath === undefined) {
    if (values.id !== undefined) throw new InputError('--id orders the rows of sql --apply: pass --apply POINT.json too');
    return null;
  }
  const extra = ['label', 'bins'].find((name) => values[name] !== undefined);
  if (extra) throw new InputError(`--${extra} is for the GROUP BY query, not sql --apply (which decides every row)`);
  const point = await loadPoint(pointPath, io.stdin);
  return sqlApplyQuery(point, { engine, table, score: text(values, 'score'), group: text(values, 'group'), id: text(values, 'id') });
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command !== undefined && COMMAND_HELP[command] && (rest.includes('--help') || rest.includes('-h'))) {
      await io.out(COMMAND_HELP[command]);
      return EXIT.ok;
    }
    switch (command) {
      case 'check': {
        const { values, positionals: p } = parse(rest, {
          score: str,
          label: str,
          positive: str,
          weight: str,
          group: str,
          'min-recall': str,
          'min-precision': str,
          'max-alarm-rate': str,
          'max-drift': str,
          'max-group-gap': str,
          'require-groups': flag,
          alpha: str,
          json: flag,
          sheet: str,
          output,
        });
        const [point, file] = positionals(p, ['POINT.json', 'FILE'], 'check');
        return await withOutput(values, io, (out) =>
          runCheck(
            point,
            file,
            {
              score: text(values, 'score'),
              label: text(values, 'label'),
              positive: text(values, 'positive'),
              weight: text(values, 'weight'),
              group: text(values, 'group'),
              minRecall: number(values, 'min-recall', floorBounds('minRecall')),
              minPrecision: number(values, 'min-precision', floorBounds('minPrecision')),
              maxAlarmRate: number(values, 'max-alarm-rate', floorBounds('maxAlarmRate')),
              maxDrift: number(values, 'max-drift', floorBounds('maxDrift')),
              maxGroupGap: parseGroupGap(text(values, 'max-group-gap')),
              requireGroups: values['require-groups'] === true,
              alpha: number(values, 'alpha', [1e-6, 0.49]),
              json: values.json === true,
              sheet: text(values, 'sheet'),
            },
            out,
          ),
        );
      }
      case 'apply': {
        const { values, positionals: p } = parse(rest, { score: str, model: str, overwrite: flag, sheet: str, output });
        const [point, file] = positionals(p, ['POINT.json', 'FILE'], 'apply');
        const model = text(values, 'model');
        const scorer = model === undefined ? undefined : await (await import('./model-scorer')).loadModelScorer(model);
        return await withOutput(values, io, (out) =>
          runApply(point, file, { score: text(values, 'score'), model, overwrite: values.overwrite === true, sheet: text(values, 'sheet') }, out, scorer),
        );
      }
      case 'curve': {
        const { values, positionals: p } = parse(rest, { score: str, label: str, weight: str, group: str, bins: str, exact: flag, sheet: str, output });
        const [file] = positionals(p, ['FILE'], 'curve');
        const options = {
          score: text(values, 'score') ?? 'score',
          label: text(values, 'label') ?? 'label',
          weight: text(values, 'weight'),
          group: text(values, 'group'),
          bins: wholeNumber(values, 'bins', BINS_RANGE),
          exact: values.exact === true,
          sheet: text(values, 'sheet'),
        };
        return await withOutput(values, io, (out) => runCurve(file, options, out));
      }
      case 'sql': {
        const { values, positionals: p } = parse(rest, { engine: str, table: str, score: str, label: str, group: str, bins: str, apply: str, id: str, output });
        positionals(p, [], 'sql');
        const engine = text(values, 'engine');
        if (!engine || !(SQL_ENGINES as readonly string[]).includes(engine))
          throw new InputError(`--engine must be one of ${SQL_ENGINES.join(', ')}${engine ? `, not "${engine}"` : ''}`);
        const table = text(values, 'table');
        if (!table) throw new InputError("--table is required: a table name (in DuckDB also a quoted file path such as 'scores.parquet')");
        const applied = await sqlApplyOf(values, engine as SqlEngine, table, io);
        const query =
          applied ??
          sqlQuery({
            engine: engine as SqlEngine,
            table,
            score: text(values, 'score') ?? 'score',
            label: text(values, 'label') ?? 'label',
            group: text(values, 'group'),
            bins: wholeNumber(values, 'bins', BINS_RANGE),
          });
        return await withOutput(values, io, async (out) => {
          await out.out(`${query};\n`);
          return EXIT.ok;
        });
      }
      case 'choose': {
        const { values, positionals: p } = parse(rest, {
          score: str,
          label: str,
          positive: str,
          weight: str,
          'score-transform': str,
          'cost-fp': str,
          'cost-fn': str,
          'min-recall': str,
          'min-precision': str,
          'max-fpr': str,
          'max-alarm-rate': str,
          confidence: str,
          prevalence: str,
          group: str,
          strategy: str,
          sheet: str,
          output,
        });
        const [file] = positionals(p, ['FILE'], 'choose');
        const strategy = oneOf(values, 'strategy', GROUP_STRATEGIES);
        const transform = oneOf(values, 'score-transform', SCORE_TRANSFORMS);
        if (strategy && !text(values, 'group')) throw new InputError('--strategy needs --group COL, the column whose values get their own thresholds');
        const prevalence = number(values, 'prevalence', [0, 1]);
        if (prevalence === 0 || prevalence === 1) throw new InputError('--prevalence must lie strictly between 0 and 1');
        const options = {
          score: text(values, 'score') ?? 'score',
          label: text(values, 'label') ?? 'label',
          positive: text(values, 'positive'),
          weight: text(values, 'weight'),
          scoreTransform: transform,
          costFp: number(values, 'cost-fp', [0, 1e12]),
          costFn: number(values, 'cost-fn', [0, 1e12]),
          minRecall: number(values, 'min-recall', [0, 1]),
          minPrecision: number(values, 'min-precision', [0, 1]),
          maxFpr: number(values, 'max-fpr', [0, 1]),
          maxAlarmRate: number(values, 'max-alarm-rate', [0, 1]),
          confidence: number(values, 'confidence', [CONFIDENCE_RANGE.min, CONFIDENCE_RANGE.max]),
          prevalence,
          group: text(values, 'group'),
          strategy,
          sheet: text(values, 'sheet'),
          version: VERSION,
        };
        const { runChoose } = await import('./choose');
        return await withOutput(values, io, (out) => runChoose(file, options, out));
      }
      case 'report': {
        const { values, positionals: p } = parse(rest, { output });
        const [point] = positionals(p, ['POINT.json'], 'report');
        const { runReport } = await import('./report');
        return await withOutput(values, io, (out) => runReport(point, out));
      }
      case 'compare': {
        const { values, positionals: p } = parse(rest, {
          score: { type: 'string', multiple: true },
          label: str,
          positive: str,
          weight: str,
          'threshold-a': str,
          'threshold-b': str,
          json: flag,
          sheet: str,
          output,
        });
        const [file] = positionals(p, ['FILE'], 'compare');
        const { runCompare, scorePair } = await import('./compare');
        const options = {
          scores: scorePair(values.score),
          label: text(values, 'label') ?? 'label',
          positive: text(values, 'positive'),
          weight: text(values, 'weight'),
          thresholdA: number(values, 'threshold-a', [0, 1]),
          thresholdB: number(values, 'threshold-b', [0, 1]),
          json: values.json === true,
          sheet: text(values, 'sheet'),
        };
        return await withOutput(values, io, (out) => runCompare(file, options, out));
      }
      case 'serve': {
        const { values, positionals: p } = parse(rest, { port: str });
        positionals(p, [], 'serve');
        const port = number(values, 'port', [0, 65535]) ?? 4173;
        const { appFolder, serveApp } = await import('./serve');
        const server = await serveApp(appFolder(), port);
        const address = server.address();
        await io.out(`cutoff: the page is at http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/ (Ctrl-C stops it)\n`);
        // Serves until the process is stopped.
        await new Promise<void>((resolve) => server.once('close', resolve));
        return EXIT.ok;
      }
      case '-h':
      case '--help':
      case 'help':
        await io.out(USAGE);
        return EXIT.ok;
      case '-V':
      case '--version':
        await io.out(`cutoff ${VERSION}\n`);
        return EXIT.ok;
      case undefined:
        // A bad call: usage on stderr, not stdout, so a pipeline never reads it as output.
        io.err(USAGE);
        return EXIT.badInput;
      default:
        throw new InputError(`unknown command "${command}"; the commands are choose, check, compare, report, apply, curve, sql and serve (cutoff --help)`);
    }
  } catch (error) {
    // One line, with any control character a file's names carried escaped (never a terminal escape).
    if (error instanceof InputError) {
      io.err(`cutoff: ${escaped(error.message)}\n`);
      return EXIT.badInput;
    }
    // Anything else is still bad input from the caller's point of view, but say what broke.
    io.err(`cutoff: ${escaped(error instanceof Error ? error.message.split('\n')[0] : String(error))}\n`);
    return EXIT.badInput;
  }
}
