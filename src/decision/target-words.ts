/**
 * A target's result in words, the same in the page's Targets card and in `cutoff choose`'s
 * note: what was promised, the cutoff, and the figures on these cases it rests on.
 */
import type { TargetKind } from '../metrics/targets';

/** A figure to three decimals ("0.961"). */
function three(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '—';
}

/** A whole count with thousands separators ("1,200"); weighted counts keep 4 significant digits. */
function count(value: number): string {
  const rounded = Number.isInteger(value) ? value : Number(value.toPrecision(4));
  const [whole, fraction] = String(rounded).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** "recall ≥ 0.9", "at most 50 alarms per 1,000 cases". */
export function describeTarget(kind: TargetKind, value: number): string {
  switch (kind) {
    case 'fewest-alarms-at-recall':
      return `Recall ≥ ${value}`;
    case 'best-precision-at-recall':
      return `Recall ≥ ${value} (best precision)`;
    case 'best-recall-at-precision':
      return `Precision ≥ ${value}`;
    case 'max-fpr':
      return `False-positive rate ≤ ${value}`;
    case 'max-alarms-per-1000':
      return `At most ${value} alarms per 1,000 cases`;
  }
}

export interface TargetFigures {
  kind: TargetKind;
  value: number;
  /** The confidence in words ("95 %"), or null on these cases. */
  confidence: string | null;
  threshold: number;
  tp: number;
  fp: number;
  positives: number;
  negatives: number;
  recall: number;
  precision: number;
  fpr: number;
  alarmRate: number;
  /** Whether precision and the alarm rate are at an assumed prevalence. */
  reweighted: boolean;
}

/** The figures on these cases that the kind of target rests on. */
function evidence(f: TargetFigures): string {
  const all = f.positives + f.negatives;
  switch (f.kind) {
    case 'fewest-alarms-at-recall':
    case 'best-precision-at-recall': {
      const misses = f.positives - f.tp;
      return `On these ${count(f.positives)} positives recall is ${three(f.recall)}; the cutoff allows ${count(misses)} ${misses === 1 ? 'miss' : 'misses'}; precision is ${three(f.precision)}.`;
    }
    case 'max-fpr':
      return `On these ${count(f.negatives)} negatives the false-positive rate is ${three(f.fpr)} (${count(f.fp)} false alarms); recall is ${three(f.recall)}.`;
    case 'max-alarms-per-1000':
      return `On these ${count(all)} cases it flags ${count(f.tp + f.fp)} (${three(f.alarmRate * 1000)} per 1,000${f.reweighted ? ' at the assumed prevalence' : ''}); recall is ${three(f.recall)}.`;
    case 'best-recall-at-precision':
      return `Of the ${count(f.tp + f.fp)} cases it flags here, ${count(f.tp)} are positive (precision ${three(f.precision)}${f.reweighted ? ' at the assumed prevalence' : ''}); recall is ${three(f.recall)}.`;
  }
}

/** E.g. "Recall ≥ 0.9 with 95 % confidence: cutoff 0.3665. On these 102 positives recall is 0.961; the cutoff allows 4 misses; …". */
export function targetStatement(f: TargetFigures): string {
  const promise = f.confidence === null ? `${describeTarget(f.kind, f.value)} on these cases` : `${describeTarget(f.kind, f.value)} with ${f.confidence} confidence`;
  const caveat = f.confidence === null ? ' On new cases the figure may fall short: set a confidence for a target that holds on them.' : '';
  return `${promise}: cutoff ${f.threshold}. ${evidence(f)}${caveat}`;
}
