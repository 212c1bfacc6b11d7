/**
 * `cutoff check` and `cutoff curve` on a 10,000,000-row CSV and Parquet file: MB/s and peak RSS
 * of the built command (a child process, as CI runs it), beside DuckDB's own GROUP BY on the
 * same file in the same run (also a child process). Prints the ratios to the budgets
 * (check within 3× DuckDB, peak RSS < 400 MB); never asserts speed. `npm run bench`;
 * CUTOFF_BENCH_ROWS sets another row count.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import { buildOperatingPoint, serializeOperatingPoint } from '../../src/session/operating-point';
import { driftEdges } from '../../src/decision/guardrails';

const ROWS = Number(process.env.CUTOFF_BENCH_ROWS ?? 10_000_000);
const BUDGET = { checkVsDuckdb: 3, peakRssMb: 400 };
const BIN = resolve('dist-cli/cutoff.mjs');
const PEER = resolve('tests/bench/duckdb-peer.mjs');
const log = (line: string) => console.log(`[cli bench] ${line}`);

/** Peak RSS of the child, printed by a preload on exit (no dependency on /usr/bin/time). */
const PRELOAD = `process.on('exit', () => require('node:fs').writeSync(2, '\\nmaxrss-kb ' + process.resourceUsage().maxRSS + '\\n'));\n`;

interface Run {
  seconds: number;
  peakMb: number;
  status: number | null;
  stderr: string;
}

function runNode(preload: string, args: string[], stdout: string): Run {
  const fd = openSync(stdout, 'w');
  const t0 = performance.now();
  const out = spawnSync('node', ['--require', preload, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  closeSync(fd);
  const rss = /maxrss-kb (\d+)/.exec(out.stderr);
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : Number.NaN, status: out.status, stderr: out.stderr.replace(/\n?maxrss-kb \d+\n/, '').trim() };
}

it(`cutoff check and curve on ${ROWS.toLocaleString('en')} rows beside DuckDB`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-cli-bench-'));
  try {
    execFileSync('npm', ['run', 'build:cli'], { stdio: 'pipe' });
    const preload = join(dir, 'rss.cjs');
    writeFileSync(preload, PRELOAD);
    const parquet = join(dir, 'scores.parquet');
    const csv = join(dir, 'scores.csv');
    // DuckDB writes both files: continuous seeded scores, P(label = 1 | score) = score².
    execFileSync('node', [PEER, 'write', String(ROWS), parquet, csv], { stdio: 'pipe' });
    const point = join(dir, 'point.json');
    const counts = new Array<number>(20).fill(ROWS / 20);
    writeFileSync(
      point,
      serializeOperatingPoint(
        buildOperatingPoint({
          toolVersion: 'bench',
          createdAt: new Date(),
          dataset: { fileName: 'scores.parquet', rows: ROWS, positives: Math.round(ROWS / 3), sha256: '0'.repeat(64) },
          label: { column: 'label', positive: '1' },
          source: { kind: 'scores', scoreColumn: 'score', weightColumn: null },
          threshold: 0.5,
          band: null,
          costs: { falsePositive: 1, falseNegative: 5 },
          prevalence: { observed: 1 / 3, assumed: null },
          evaluatedOn: 'all rows',
          confusion: { tp: 1, fp: 1, tn: 1, fn: 1 },
          metrics: { tpr: 0, fpr: 0, precision: 0, recall: 0, specificity: 0, npv: 0, f1: 0, mcc: 0, accuracy: 0, expectedCostPerCase: 0, rocAuc: 0, averagePrecision: 0 },
          impliedCostRatio: null,
          guardrails: { minRecall: 0.5, maxDrift: 1, histogram: { edges: driftEdges(), counts } },
        }),
      ),
    );
    log(`node ${process.version}, ${ROWS.toLocaleString('en')} rows; budgets: check ≤ ${BUDGET.checkVsDuckdb}× DuckDB's GROUP BY, peak RSS < ${BUDGET.peakRssMb} MB`);
    for (const [kind, file] of [
      ['parquet', parquet],
      ['csv', csv],
    ] as const) {
      const mb = statSync(file).size / 1e6;
      // A quoted path: DuckDB reads .parquet and .csv by their extension (read_csv_auto for CSV).
      const table = `'${file}'`;
      const sql = execFileSync('node', [BIN, 'sql', '--engine', 'duckdb', '--table', table, '--score', 'score', '--label', 'label', '--bins', '10000'], { encoding: 'utf8' });
      const duck = runNode(preload, [PEER, 'query', sql], '/dev/null');
      const check = runNode(preload, [BIN, 'check', point, file, '--json'], join(dir, 'check.json'));
      const curve = runNode(preload, [BIN, 'curve', file, '--bins', '10000'], join(dir, 'curve.csv'));
      const line = (name: string, r: Run) =>
        `${kind.padEnd(7)} ${name.padEnd(22)} ${r.seconds.toFixed(2).padStart(6)} s  ${(mb / r.seconds).toFixed(0).padStart(5)} MB/s  peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB` +
        (r.status !== 0 ? `  (exit ${r.status}${r.stderr ? `: ${r.stderr.split('\n')[0]}` : ''})` : '');
      log(`${kind}: ${mb.toFixed(0)} MB on disk`);
      log(line('DuckDB GROUP BY', duck));
      log(line('cutoff check', check));
      log(line('cutoff curve --bins', curve));
      log(
        `${kind.padEnd(7)} check / DuckDB ${(check.seconds / duck.seconds).toFixed(2)}× (budget ${BUDGET.checkVsDuckdb}×), curve / DuckDB ${(curve.seconds / duck.seconds).toFixed(2)}×, ` +
          `peak RSS check ${(check.peakMb / BUDGET.peakRssMb).toFixed(2)}, curve ${(curve.peakMb / BUDGET.peakRssMb).toFixed(2)} of the ${BUDGET.peakRssMb} MB budget`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
