/** Operating points and scored files for the CLI tests, written to a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOperatingPoint, serializeOperatingPoint, type OperatingPointInput } from '../../../src/session/operating-point';
import { main } from '../../../src/cli/main';
import { mulberry32 } from '../../../src/data/random';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cutoff-cli-'));
}

export const baseInput: OperatingPointInput = {
  toolVersion: '0.1.0',
  createdAt: new Date('2026-12-01T00:00:00Z'),
  dataset: { fileName: 's.csv', rows: 1000, positives: 200, sha256: 'a'.repeat(64) },
  label: { column: 'y', positive: 'yes' },
  source: { kind: 'scores', scoreColumn: 'score', weightColumn: null },
  threshold: 0.5,
  band: null,
  costs: { falsePositive: 1, falseNegative: 5 },
  prevalence: { observed: 0.2, assumed: null },
  evaluatedOn: 'all rows',
  confusion: { tp: 150, fp: 100, tn: 700, fn: 50 },
  metrics: {
    tpr: 0.75,
    fpr: 0.125,
    precision: 0.6,
    recall: 0.75,
    specificity: 0.875,
    npv: 0.93,
    f1: 0.66,
    mcc: 0.5,
    accuracy: 0.85,
    expectedCostPerCase: 0.3,
    rocAuc: 0.9,
    averagePrecision: 0.7,
  },
  impliedCostRatio: null,
};

export function writePoint(dir: string, overrides: Partial<OperatingPointInput> = {}, name = 'point.json'): string {
  const path = join(dir, name);
  writeFileSync(path, serializeOperatingPoint(buildOperatingPoint({ ...baseInput, ...overrides })));
  return path;
}

export interface ScoredRow {
  score: number;
  y: string;
  region: string;
}

/** Seeded rows: positives score higher on average; scores rounded to 4 decimals. */
export function scoredRows(n: number, seed = 7): ScoredRow[] {
  const random = mulberry32(seed);
  const rows: ScoredRow[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.2;
    const u = random();
    const s = positive ? 0.3 + 0.7 * u : 0.7 * u;
    rows.push({ score: Math.round(s * 1e4) / 1e4, y: positive ? 'yes' : 'no', region: random() < 0.5 ? 'north' : 'south' });
  }
  return rows;
}

export function writeCsv(dir: string, rows: ScoredRow[], name = 'scores.csv'): string {
  const path = join(dir, name);
  writeFileSync(path, `id,score,y,region\n${rows.map((r, i) => `${i + 1},${r.score},${r.y},${r.region}`).join('\n')}\n`);
  return path;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process, as the bin does. */
export async function cutoff(...argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
