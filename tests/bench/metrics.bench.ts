/**
 * Metrics-core benchmark: measures and prints, never asserts speed. `npm run bench`.
 * On 1,000,000 seeded scores (10% positives, every fifth score rounded to 2 decimals so ties
 * exist) it times ScoreCurve.from, rocAuc + averagePrecision and threshold queries, estimates
 * bytes per score, and, when Debian's python3-sklearn is importable, times scikit-learn on the
 * same data (written to a temp binary file both read) and prints the ratios to the budgets.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { bootstrapAucAp, decimate, ScoreCurve } from '../../src/metrics';
import { rocCurveOf } from '../unit/metrics/curve-oracles';

const N = 1_000_000;
const PYTHON = '/usr/bin/python3';
const BUDGET = { buildVsRocCurve: 0.6, aucApVsSklearn: 0.5, queryMicros: 2, bytesPerScore: 48 };

function makeData(seed: number): { scores: Float64Array; labels: Uint8Array } {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const scores = new Float64Array(N);
  const labels = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    const y = next() < 0.1 ? 1 : 0;
    let v = (next() + y * 0.6 * next()) / 1.6;
    if (i % 5 === 0) v = Math.round(v * 100) / 100;
    scores[i] = v;
    labels[i] = y;
  }
  return { scores, labels };
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

function timeMs<T>(runs: number, fn: () => T): { ms: number; coldMs: number; result: T } {
  const c0 = performance.now();
  fn();
  const coldMs = performance.now() - c0;
  let result = fn(); // second warm-up: the JIT has usually settled after two calls
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), coldMs, result };
}

interface Peer {
  sklearn: string;
  numpy: string;
  rocCurveSeconds: number;
  aucApSeconds: number;
  rocPoints: number;
  rocAuc: number;
  averagePrecision: number;
}

function runPeer(scores: Float64Array, labels: Uint8Array): Peer | string {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return `scikit-learn NOT available (${PYTHON} -c "import sklearn" failed): no peer timings, ratios not computed`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-bench-'));
  try {
    writeFileSync(join(dir, 'scores.f64'), new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength));
    writeFileSync(join(dir, 'labels.u8'), labels);
    const script = join(__dirname, 'sklearn_peer.py');
    const out = spawnSync(PYTHON, [script, join(dir, 'scores.f64'), join(dir, 'labels.u8'), '5'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (out.status !== 0) return `scikit-learn peer failed: ${out.stderr.trim().split('\n').pop() ?? ''}`;
    return JSON.parse(out.stdout) as Peer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x: number, d = 1) => x.toFixed(d);
const verdict = (ratio: number, budget: number) => `${fmt(ratio, 2)}× (budget ≤ ${budget}×) ${ratio <= budget ? 'OK' : 'OVER BUDGET'}`;

it('metrics core at 1,000,000 scores', () => {
  const { scores, labels } = makeData(42);
  const log = (line: string) => console.log(`[metrics bench] ${line}`);
  log(`node ${process.version}, n = ${N.toLocaleString('en')}`);

  const build = timeMs(7, () => ScoreCurve.from(scores, labels));
  const curve = build.result;
  log(`ScoreCurve.from: ${fmt(build.ms)} ms median of 7 after 2 warm-ups (first call ${fmt(build.coldMs)} ms; ${curve.size.toLocaleString('en')} distinct scores)`);

  const figures = timeMs(7, () => [curve.rocAuc(), curve.averagePrecision()]);
  log(`rocAuc + averagePrecision: ${fmt(figures.ms, 2)} ms (AUC ${figures.result[0].toFixed(6)}, AP ${figures.result[1].toFixed(6)})`);

  // Queries: random thresholds, batches of 1000 so the timer resolution does not dominate.
  let seed = 99;
  const thresholds = Float64Array.from({ length: 100_000 }, () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  });
  let sink = 0;
  const perQuery: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (let b = 0; b < thresholds.length; b += 1000) {
      const t0 = performance.now();
      for (let i = b; i < b + 1000; i++) sink += curve.confusionAt(thresholds[i]).tp;
      perQuery.push(((performance.now() - t0) * 1000) / 1000);
    }
  }
  const queryUs = median(perQuery.slice(perQuery.length / 3)); // first round is warm-up
  log(`confusionAt (threshold query): ${fmt(queryUs, 3)} µs median (checksum ${sink})`);

  const held = curve.thresholds.byteLength + curve.cumTp.byteLength + curve.cumFp.byteLength;
  const heldPerScore = held / N;
  // Transient during the build (see src/metrics/build-counts.ts): per kept row a high and a
  // low key word (4 + 4 B) and a signed weight (8 B), plus one scratch copy of each while
  // radix sorting = 32 B; after the sort the 16 B of sorted rows stay alive while the output
  // (24 B per distinct score) is filled.
  const peakPerScore = Math.max(32, 16 + (24 * curve.size) / N);
  log(
    `memory: held ${fmt(heldPerScore, 1)} B/score, build peak ≈ ${fmt(peakPerScore, 1)} B/score (budget ≤ ${BUDGET.bytesPerScore}) ${peakPerScore <= BUDGET.bytesPerScore ? 'OK' : 'OVER BUDGET'}`,
  );
  log(`query: ${fmt(queryUs, 3)} µs (budget ≤ ${BUDGET.queryMicros} µs) ${queryUs <= BUDGET.queryMicros ? 'OK' : 'OVER BUDGET'}`);

  const roc = rocCurveOf(curve);
  const dec = timeMs(3, () => decimate(roc.fpr, roc.tpr, 600, 400, 0.5, []));
  log(`decimate ROC (${roc.fpr.length.toLocaleString('en')} points → ${dec.result.length} at 600×400 px): ${fmt(dec.ms)} ms`);

  const sub = 100_000;
  const boot = timeMs(1, () => bootstrapAucAp(scores.subarray(0, sub), labels.subarray(0, sub), undefined, { replicates: 200, seed: 1 }));
  log(`bootstrapAucAp, ${sub.toLocaleString('en')} rows × 200 replicates: ${fmt(boot.ms)} ms (AUC ${boot.result.rocAuc.low.toFixed(4)}–${boot.result.rocAuc.high.toFixed(4)})`);

  const peer = runPeer(scores, labels);
  if (typeof peer === 'string') {
    log(peer);
    return;
  }
  const rocMs = peer.rocCurveSeconds * 1000;
  const aucApMs = peer.aucApSeconds * 1000;
  log(`scikit-learn ${peer.sklearn} (numpy ${peer.numpy}): roc_curve ${fmt(rocMs)} ms, roc_auc_score + average_precision_score ${fmt(aucApMs)} ms (median of 5)`);
  log(
    `agreement: AUC diff ${Math.abs(peer.rocAuc - figures.result[0]).toExponential(1)}, AP diff ${Math.abs(peer.averagePrecision - figures.result[1]).toExponential(1)}, ROC points ${peer.rocPoints} vs ${curve.size + 1}`,
  );
  log(`RATIO build / roc_curve: ${verdict(build.ms / rocMs, BUDGET.buildVsRocCurve)}`);
  log(`RATIO AUC+AP / sklearn: ${verdict(figures.ms / aucApMs, BUDGET.aucApVsSklearn)}`);
});
