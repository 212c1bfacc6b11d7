/**
 * `cutoff compare FILE --score A --score B --label COL …`: paired tests of two score columns on
 * the same rows, read by the page's own reader (readDataFile, encodeLabels, scoreInputs) so the
 * figures are the page's Compare view's. DeLong's test of the ROC-AUC difference always;
 * McNemar's exact tests of recall and specificity only when both thresholds are given, because
 * a threshold is a decision the user makes, and a default one (say the cost-optimal cutoff at
 * default costs) would test decisions nobody chose.
 */
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../data/dataset';
import { findColumn, lineOfRow } from '../data/dataset';
import { DataError } from '../data/errors';
import { encodeLabels, positiveForColumn } from '../data/label';
import { DEFAULT_READ_OPTIONS, readDataFile } from '../data/read-file';
import { scoreInputs } from '../data/scores';
import { delongTest, type DelongTest, type PairedCases } from '../metrics/delong';
import { MetricsInputError } from '../metrics/errors';
import { mcnemarTests, type McNemarTest, type McNemarTests } from '../metrics/mcnemar';
import { describeDelong, describeMcnemar, formatP, signed } from '../metrics/paired-words';
import { EXIT, InputError } from './errors';
import type { Io } from './io';

export interface CompareOptions {
  /** The workbook sheet FILE is read from (--sheet); the first visible one when absent. */
  sheet?: string;
  /** The two score columns, A then B. */
  scores: readonly string[];
  label: string;
  positive?: string;
  weight?: string;
  thresholdA?: number;
  thresholdB?: number;
  json: boolean;
}

/** The JSON `--json` prints. */
export interface CompareReport {
  file: string;
  cases: number;
  positives: number;
  a: { column: string; rocAuc: number };
  b: { column: string; rocAuc: number };
  /** z is null in JSON when infinite (identical placements with different AUCs). */
  delong: { diff: number; variance: number; ciLow: number; ciHigh: number; confidence: number; z: number; p: number };
  mcnemar: { thresholdA: number; thresholdB: number; recall: McNemarTest; specificity: McNemarTest } | null;
  summary: string;
}

/** The two --score columns, checked: exactly two, and not the same one twice. */
export function scorePair(value: unknown): [string, string] {
  const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
  if (list.length !== 2) throw new InputError(`cutoff compare needs --score exactly twice (model A, then model B); got ${list.length}`);
  if (list[0] === list[1]) throw new InputError(`--score names "${list[0]}" twice: compare two different score columns`);
  return [list[0], list[1]];
}

async function datasetOf(file: string, io: Io, sheet: string | undefined): Promise<Dataset> {
  let bytes: Uint8Array;
  if (file === '-') {
    const parts: Uint8Array[] = [];
    for await (const chunk of io.stdin?.() ?? (process.stdin as AsyncIterable<Uint8Array>)) parts.push(chunk);
    bytes = Buffer.concat(parts);
  } else {
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(error)})`);
    }
  }
  const name = file === '-' ? 'standard input' : file;
  return readDataFile({ name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer }, { ...DEFAULT_READ_OPTIONS, sheet: sheet ?? null });
}

/** The labelled rows' two score sets and counts, as the page reads them. */
function pairedCases(dataset: Dataset, options: CompareOptions, [a, b]: [string, string]): PairedCases {
  const column = findColumn(dataset, options.label);
  if (!column) throw new InputError(`there is no column "${options.label}" in ${dataset.fileName} (--label)`);
  const positive = options.positive ?? positiveForColumn(column);
  if (positive === null) throw new InputError(`the label column "${options.label}" has more than two values: name the positive class with --positive`);
  const labels = encodeLabels(column, positive);
  const weight = options.weight ?? null;
  const inputsA = scoreInputs(dataset, labels.rows, a, weight);
  const inputsB = scoreInputs(dataset, labels.rows, b, null);
  const weights = inputsA.weights;
  // Counts only, said with the file's line (the metrics' own message can only name the case).
  const fractional = weights ? weights.findIndex((w) => !Number.isInteger(w)) : -1;
  if (weights && fractional >= 0) {
    throw new InputError(
      `the weight column "${weight}" has ${weights[fractional]} on line ${lineOfRow(dataset, labels.rows[fractional])}: the paired tests count cases, so weights must be whole counts`,
    );
  }
  return { scoresA: inputsA.scores, scoresB: inputsB.scores, labels: labels.labels, weights };
}

/** The report of the tests, for `--json` and for the text lines. */
export function compareReport(file: string, columns: [string, string], delong: DelongTest, mcnemar: McNemarTests | null): CompareReport {
  return {
    file,
    cases: delong.positives + delong.negatives,
    positives: delong.positives,
    a: { column: columns[0], rocAuc: delong.aucA },
    b: { column: columns[1], rocAuc: delong.aucB },
    delong: { diff: delong.diff, variance: delong.variance, ciLow: delong.ciLow, ciHigh: delong.ciHigh, confidence: delong.confidence, z: delong.z, p: delong.p },
    mcnemar: mcnemar && { thresholdA: mcnemar.thresholdA, thresholdB: mcnemar.thresholdB, recall: mcnemar.positives, specificity: mcnemar.negatives },
    summary: describeDelong(delong),
  };
}

function textLines(report: CompareReport, delong: DelongTest, mcnemar: McNemarTests | null): string {
  const { a, b, delong: d } = report;
  const lines = [
    `${report.file}: ${report.cases.toLocaleString('en-US')} cases, ${report.positives.toLocaleString('en-US')} positive`,
    `A = ${a.column}: ROC-AUC ${a.rocAuc.toFixed(4)}`,
    `B = ${b.column}: ROC-AUC ${b.rocAuc.toFixed(4)}`,
    `DeLong: A − B = ${signed(d.diff, 4)} (95 % CI ${signed(d.ciLow, 4)} to ${signed(d.ciHigh, 4)}), z = ${signed(d.z, 2)}, p ${formatP(d.p)}`,
    describeDelong(delong),
  ];
  if (mcnemar) {
    lines.push(`McNemar, A flags score >= ${mcnemar.thresholdA}, B flags score >= ${mcnemar.thresholdB}:`);
    lines.push(`  ${describeMcnemar(mcnemar.positives, 'recall')}`);
    lines.push(`  ${describeMcnemar(mcnemar.negatives, 'specificity')}`);
  } else {
    lines.push('McNemar: not run; give --threshold-a and --threshold-b to compare the two models’ decisions at their cutoffs.');
  }
  return `${lines.join('\n')}\n`;
}

/** Runs `cutoff compare`: exit 0 with the report, 2 for bad input. */
export async function runCompare(file: string, options: CompareOptions, io: Io): Promise<number> {
  const columns = scorePair(options.scores);
  if ((options.thresholdA === undefined) !== (options.thresholdB === undefined)) {
    throw new InputError("give both --threshold-a and --threshold-b: McNemar's test compares each model's decisions at its own cutoff");
  }
  try {
    const dataset = await datasetOf(file, io, options.sheet);
    const cases = pairedCases(dataset, options, columns);
    const delong = delongTest(cases);
    const mcnemar = options.thresholdA !== undefined && options.thresholdB !== undefined ? mcnemarTests(cases, options.thresholdA, options.thresholdB) : null;
    const name = file === '-' ? 'standard input' : file;
    const report = compareReport(name, columns, delong, mcnemar);
    await io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : textLines(report, delong, mcnemar));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DataError || error instanceof MetricsInputError) throw new InputError(error.message);
    throw error;
  }
}
