/**
 * The floors `cutoff check` enforces, as one family of tests held at a stated false-alarm rate:
 * recall and precision compared with the exported figures by a one-sided two-sample test
 * (overall and per group), drift as PSI over its ceiling *and* a KS shift that is real for
 * the sample's size, and the user's absolute floors and gap limits as they are typed.
 * Bonferroni splits alpha over the tests, so a healthy sample fails at most alpha of the runs.
 */
import type { Confusion } from '../metrics';
import { detectableDrop, ksPValue, proportionDrop } from '../metrics/two-sample';
import { comparedBesides, DEFAULT_ALPHA, isWilsonDefault, type ComparedMetric } from '../decision/guardrails';
import type { OperatingPoint } from '../session/operating-point';
import { InputError } from './errors';
import { alarmRateOf, precisionOf, recallOf } from '../metrics/rates';
import { targetChecks } from './target-floors';

/** The power at which the report states the smallest drop a file of its size detects. */
export const STATED_POWER = 0.9;

export interface FloorTest {
  /** The exported figure and its count (positives for recall, predicted positives for precision). */
  before: number | null;
  beforeCount: number;
  afterCount: number;
  pValue: number;
  /** The share of alpha this test is held at. */
  alpha: number;
  /** The smallest drop this file's size detects with STATED_POWER; null when it cannot. */
  detectableDrop: number | null;
}

export interface Floor {
  name: string;
  /** 'present': a group the export has must have rows (--require-groups). */
  kind: 'min' | 'max' | 'no drop' | 'present';
  /** The absolute limit; for 'no drop', the exported figure. */
  limit: number | null;
  value: number | null;
  ok: boolean;
  /** Where the limit came from. */
  from: 'option' | 'export';
  /** The two-sample test behind a 'no drop' floor or a drift ceiling. */
  test?: FloorTest;
  /** Why a comparison was not made (no rows, no positives in a group): not a failure. */
  notTested?: string;
  /** An exported target, tested by an exact one-sided binomial test of "the target holds". */
  target?: boolean;
}

export interface FloorOptions {
  minRecall?: number;
  minPrecision?: number;
  maxAlarmRate?: number;
  maxDrift?: number;
  alpha?: number;
  /** Largest gap between groups, by metric. */
  maxGroupGap?: Partial<Record<ComparedMetric, number>>;
  /** A group of the export with no rows in the file fails the check instead of going untested. */
  requireGroups?: boolean;
}

export interface Observed {
  /** null without labels: only the score distribution is checked. */
  confusion: Confusion | null;
  groups: { value: string; confusion: Confusion; squares?: Confusion }[];
  drift: { psi: number; ks: number; before: number; after: number } | null;
  /**
   * Weights that are not whole-number counts: each cell's summed squared weight in units of
   * `scale` (the first weight) squared, overall and per group in `groups`, so the tests count
   * Kish's effective sample size instead of the weights.
   */
  weighting?: { scale: number; squares: Confusion } | null;
}

/**
 * Counts behind a metric: successes and trials. With squared weights, the trials are Kish's
 * effective sample size (Σw)²/Σw² (scale-free, so 1e300 weights count as the rows they are) and
 * the successes the same share of it.
 */
export function countsOf(metric: ComparedMetric, c: Confusion, squares?: Confusion | null, scale = 1): [number, number] {
  const [x, n] = metric === 'recall' ? [c.tp, c.tp + c.fn] : [c.tp, c.tp + c.fp];
  if (!squares || !(n > 0)) return [x, n];
  const q = metric === 'recall' ? squares.tp + squares.fn : squares.tp + squares.fp;
  const effective = q > 0 ? (n / scale) ** 2 / q : 0;
  return [(x / n) * effective, effective];
}

/** The metrics the export asks to compare (an old export's untyped Wilson floors count as asking). */
function comparedMetrics(point: OperatingPoint, options: FloorOptions): ComparedMetric[] {
  const g = point.guardrails;
  const wanted: ComparedMetric[] = g?.compare ? [...g.compare] : isWilsonDefault(g?.basis) ? ['recall', 'precision'] : [];
  return comparedBesides(wanted, options);
}

export function floorsOf(point: OperatingPoint, options: FloorOptions, observed: Observed): { floors: Floor[]; alpha: number; tests: number } {
  const g = point.guardrails;
  const alpha = options.alpha ?? g?.alpha ?? DEFAULT_ALPHA;
  const compared = observed.confusion ? comparedMetrics(point, options) : [];
  const legacy = isWilsonDefault(g?.basis);
  const exportedGroups = (point.groups?.thresholds ?? []).filter((t) => t.confusion);
  const driftCeiling = options.maxDrift ?? g?.maxDrift ?? null;
  if (options.maxDrift !== undefined && observed.drift === null) {
    throw new InputError('--max-drift needs the score histogram an export records (guardrails.histogram); this operating point has none: export it again');
  }
  const driftTested = driftCeiling !== null && observed.drift !== null;
  const c = observed.confusion;
  const w = observed.weighting ?? null;
  // Every two-sample comparison, overall and per group; one without cases in this file (a group
  // absent, or without positives) is reported as not tested, never failed.
  // A precision without positives is 0 by the file's make-up, not the model's: not tested either.
  const untested = (metric: ComparedMetric, after: Confusion): string | null =>
    after.tp + after.fp + after.tn + after.fn === 0
      ? 'no rows in this file'
      : after.tp + after.fn === 0
        ? 'no positives in this file'
        : metric === 'precision' && after.tp + after.fp === 0
          ? 'nothing flagged in this file'
          : null;
  const planned: { name: string; metric: ComparedMetric; before: Confusion; after: Confusion; squares?: Confusion; why: string | null }[] = [];
  if (c) {
    for (const metric of compared) planned.push({ name: metric, metric, before: point.confusion, after: c, squares: w?.squares, why: untested(metric, c) });
    for (const exported of exportedGroups) {
      const now = observed.groups.find((o) => o.value === exported.value);
      const after = now?.confusion ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
      for (const metric of compared)
        planned.push({
          name: `${metric} (${point.groups?.column} = ${exported.value})`,
          metric,
          before: exported.confusion as Confusion,
          after,
          squares: now?.squares,
          why: untested(metric, after),
        });
    }
  }
  const tested = planned.filter((p) => p.why === null).length;
  const targets = c ? targetChecks(point, c, w === null) : [];
  // The family: the comparisons made, the targets tested and the drift test.
  const tests = tested + targets.filter((t) => t.notTested === null).length + (driftTested ? 1 : 0);
  const share = tests > 0 ? alpha / tests : alpha;
  const floors: Floor[] = [];

  const absolute = (name: string, kind: 'min' | 'max', option: number | undefined, recorded: number | null | undefined, value: number | null) => {
    const limit = option ?? (legacy ? null : (recorded ?? null));
    if (limit === null) return;
    floors.push({ name, kind, limit, value, ok: value !== null && (kind === 'min' ? value >= limit : value <= limit), from: option !== undefined ? 'option' : 'export' });
  };
  const compare = ({ name, metric, before, after, squares, why }: (typeof planned)[number]) => {
    const [x1, n1] = countsOf(metric, before);
    if (why !== null) {
      floors.push({ name, kind: 'no drop', limit: n1 > 0 ? x1 / n1 : null, value: null, ok: true, from: 'export', notTested: why });
      return;
    }
    const [x2, n2] = countsOf(metric, after, squares, w?.scale);
    const drop = proportionDrop(x1, n1, x2, n2);
    floors.push({
      name,
      kind: 'no drop',
      limit: drop.before,
      value: drop.after,
      ok: drop.after !== null && drop.pValue >= share,
      from: 'export',
      test: {
        before: drop.before,
        beforeCount: n1,
        afterCount: n2,
        pValue: drop.pValue,
        alpha: share,
        detectableDrop: drop.before === null ? null : detectableDrop(drop.before, n1, n2, share, STATED_POWER),
      },
    });
  };

  if (c) {
    absolute('recall', 'min', options.minRecall, g?.minRecall, recallOf(c));
    absolute('precision', 'min', options.minPrecision, g?.minPrecision, precisionOf(c));
    absolute('alarm rate', 'max', options.maxAlarmRate, g?.maxAlarmRate, alarmRateOf(c));
    for (const p of planned) compare(p);
    for (const t of targets) {
      floors.push({
        name: t.name,
        kind: t.kind,
        limit: t.limit,
        value: t.value,
        ok: t.pValue === null || t.pValue >= share,
        from: 'export',
        target: true,
        ...(t.notTested !== null
          ? { notTested: t.notTested }
          : { test: { before: t.limit, beforeCount: 0, afterCount: 0, pValue: t.pValue ?? 1, alpha: share, detectableDrop: null } }),
      });
    }
    if (options.requireGroups) {
      for (const exported of point.groups?.thresholds ?? []) {
        const now = observed.groups.find((o) => o.value === exported.value)?.confusion;
        const rows = now ? now.tp + now.fp + now.tn + now.fn : 0;
        floors.push({ name: `group ${point.groups?.column} = ${exported.value}`, kind: 'present', limit: null, value: rows, ok: rows > 0, from: 'option' });
      }
    }
    for (const [metric, gap] of Object.entries(options.maxGroupGap ?? {}) as [ComparedMetric, number][]) {
      const values = observed.groups.map((o) => (metric === 'recall' ? recallOf(o.confusion) : precisionOf(o.confusion))).filter((v): v is number => v !== null);
      const value = values.length >= 2 ? Math.max(...values) - Math.min(...values) : null;
      floors.push({ name: `${metric} gap between groups`, kind: 'max', limit: gap, value, ok: value === null || value <= gap, from: 'option' });
    }
  }
  if (driftTested && observed.drift && driftCeiling !== null) {
    const { psi, ks, before, after } = observed.drift;
    const pValue = ksPValue(ks, before, after);
    // A shift is a failure when it is large (PSI) and real for this sample's size (KS).
    floors.push({
      name: 'drift (PSI)',
      kind: 'max',
      limit: driftCeiling,
      value: psi,
      ok: !(psi > driftCeiling && pValue < share),
      from: options.maxDrift !== undefined ? 'option' : 'export',
      test: { before: null, beforeCount: before, afterCount: after, pValue, alpha: share, detectableDrop: null },
    });
  }
  return { floors, alpha, tests };
}

/** `--max-group-gap recall=0.1,precision=0.05`. */
export function parseGroupGap(text: string | undefined): FloorOptions['maxGroupGap'] {
  if (text === undefined) return undefined;
  const gaps: Partial<Record<ComparedMetric, number>> = {};
  for (const part of text.split(',')) {
    const match = /^\s*(recall|precision)\s*=\s*([0-9.]+)\s*$/.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !(value >= 0 && value <= 1)) throw new InputError(`--max-group-gap takes metric=gap pairs such as recall=0.1,precision=0.05 (gaps from 0 to 1), not "${text}"`);
    gaps[match[1] as ComparedMetric] = value;
  }
  return gaps;
}
