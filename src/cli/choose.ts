/**
 * `cutoff choose FILE …`: makes an operating point with no person at a browser, by the page's
 * own reader and solvers (src/session/choose), so a point made in CI imports in the page and
 * the page's export of the same file and settings is the same decision.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Dataset } from '../data/dataset';
import { DataError } from '../data/errors';
import { checkFileSize } from '../data/limits';
import { DEFAULT_READ_OPTIONS, readDataFile, readDataSource, type ReadOptions } from '../data/read-file';
import type { ScoreTransform } from '../data/score-transform';
import type { GroupStrategy } from '../metrics/group-thresholds';
import type { TargetKind } from '../metrics/targets';
import { serializeOperatingPoint } from '../session/operating-point';
import { choosePoint, type ChooseGoal } from '../session/choose';
import { EXIT, InputError } from './errors';
import { collectGarbage } from './collect-garbage';
import { openDiskFile } from './disk-file';
import { checkChooseColumns, checkGroupColumn } from './group-column';
import type { Io } from './io';

export interface ChooseOptions {
  /** The workbook sheet FILE is read from (--sheet); the first visible one when absent. */
  sheet?: string;
  score: string;
  label: string;
  positive?: string;
  weight?: string;
  scoreTransform?: ScoreTransform;
  costFp?: number;
  costFn?: number;
  minRecall?: number;
  minPrecision?: number;
  maxFpr?: number;
  maxAlarmRate?: number;
  /** The target holds on new cases with this confidence; absent: on this file's cases. */
  confidence?: number;
  prevalence?: number;
  group?: string;
  strategy?: GroupStrategy;
  version: string;
}

/** The one goal the options name: the cheapest cutoff for the costs, or a target. */
export function goalOf(options: ChooseOptions): ChooseGoal {
  const confidence = options.confidence ?? null;
  const target = (kind: TargetKind, value: number | undefined): ChooseGoal | null => (value === undefined ? null : { kind: 'target', target: kind, value, confidence });
  const targets: [string, ChooseGoal | null][] = [
    ['--min-recall', target('fewest-alarms-at-recall', options.minRecall)],
    ['--min-precision', target('best-recall-at-precision', options.minPrecision)],
    ['--max-fpr', target('max-fpr', options.maxFpr)],
    ['--max-alarm-rate', target('max-alarms-per-1000', options.maxAlarmRate === undefined ? undefined : options.maxAlarmRate * 1000)],
  ];
  const named = targets.filter(([, goal]) => goal !== null);
  const costs = options.costFp !== undefined || options.costFn !== undefined;
  if (named.length + (costs ? 1 : 0) > 1) {
    throw new InputError(
      `choose one goal: --cost-fp/--cost-fn, --min-recall, --min-precision, --max-fpr or --max-alarm-rate, not ${[...(costs ? ['the costs'] : []), ...named.map(([flag]) => flag)].join(' and ')}`,
    );
  }
  if (confidence !== null && named.length === 0) throw new InputError('--confidence needs a target: --min-recall, --min-precision, --max-fpr or --max-alarm-rate');
  return named[0]?.[1] ?? { kind: 'cost' };
}

async function bytesOf(file: string, io: Io): Promise<Uint8Array> {
  if (file === '-') {
    const parts: Uint8Array[] = [];
    for await (const chunk of io.stdin?.() ?? (process.stdin as AsyncIterable<Uint8Array>)) parts.push(chunk);
    return Buffer.concat(parts);
  }
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(error)})`);
  }
}

/**
 * The page's reader on FILE, keeping only the columns choose uses (the rows are not needed):
 * a file on disk is read as it is parsed; standard input or a pipe is read whole first.
 */
async function readChosen(file: string, name: string, options: ChooseOptions, io: Io): Promise<Dataset> {
  const columns = [options.score, options.label, options.weight, options.group].filter((c): c is string => c !== undefined);
  const read: ReadOptions = { ...DEFAULT_READ_OPTIONS, sheet: options.sheet ?? null, columns };
  const disk = file === '-' ? null : await openDiskFile(file, name);
  if (disk === null) {
    const bytes = await bytesOf(file, io);
    return readDataFile({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer }, read);
  }
  try {
    checkFileSize(disk.source);
    return await readDataSource(disk.source, disk.sha256, read);
  } finally {
    await disk.close();
    // The read's chunks and the columns' growing arrays are spent: let them go before the cases.
    collectGarbage();
  }
}

export async function runChoose(file: string, options: ChooseOptions, io: Io): Promise<number> {
  const goal = goalOf(options);
  try {
    // The export records the file's name, not where it lay on the machine that chose the point.
    const name = file === '-' ? 'standard input' : basename(file);
    // The page's reader: the same columns, labels and scores.
    const dataset = await readChosen(file, name, options, io);
    checkChooseColumns(dataset, options, name);
    if (options.group !== undefined) checkGroupColumn(dataset, options.group, options, name);
    const point = choosePoint(dataset, {
      scoreColumn: options.score,
      labelColumn: options.label,
      positive: options.positive,
      weightColumn: options.weight ?? null,
      scoreTransform: options.scoreTransform,
      costFp: options.costFp,
      costFn: options.costFn,
      prevalence: options.prevalence ?? null,
      goal,
      groupColumn: options.group ?? null,
      groupStrategy: options.strategy,
      toolVersion: options.version,
      createdAt: new Date(),
      handOver: { collect: collectGarbage },
    });
    await io.out(serializeOperatingPoint(point));
    return EXIT.ok;
  } catch (error) {
    // The page's messages name the file only sometimes; on a command line they always do.
    const shownName = file === '-' ? 'standard input' : file;
    if (error instanceof DataError) throw new InputError(error.message.includes(file === '-' ? shownName : basename(file)) ? error.message : `${shownName}: ${error.message}`);
    throw error;
  }
}
