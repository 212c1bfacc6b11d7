/** What `cutoff check` reports, as JSON (`--json`) and as text. */
import type { Confusion } from '../metrics';
import type { Floor } from './floors';
import { alarmRateOf } from '../metrics/rates';
import { escaped } from './shown';

export type { Floor } from './floors';

export interface CheckReport {
  file: string;
  rows: number;
  unlabelled: number;
  /** Whether the file had its label column: without it only the score distribution is checked. */
  labelled: boolean;
  /** Cases the rows stand for: their summed weight (rows of an aggregated file each stand for `count` cases). */
  cases: number;
  /** Positive cases (weighted). */
  positives: number;
  threshold: number;
  columns: { score: string; label: string; positive: string; weight: string | null; group: string | null };
  confusion: Confusion | null;
  metrics: {
    recall: number | null;
    precision: number | null;
    specificity: number | null;
    f1: number | null;
    accuracy: number | null;
    alarmRate: number;
    rocAuc: number | null;
    averagePrecision: number | null;
  };
  /** How ROC-AUC and AP were computed: exactly, or from bins when the file has too many distinct scores. */
  ranking: { exact: true } | { exact: false; bins: number; errorBound: { rocAuc: number; averagePrecision: number } };
  exported: { confusion: Confusion; recall: number | null; precision: number | null; rocAuc: number | null; averagePrecision: number | null; rows: number };
  drift: { psi: number; ks: number; ksPValue: number; bins: number } | null;
  groups: {
    value: string;
    threshold: number;
    confusion: Confusion;
    recall: number | null;
    precision: number | null;
    exported: { recall: number | null; precision: number | null } | null;
  }[];
  bands: { name: string; rows: number; positives: number }[];
  review: { rows: number } | null;
  /** The false-alarm rate the floors are held at together, and how many tests share it. */
  family: { alpha: number; tests: number };
  floors: Floor[];
  passed: boolean;
  notes: string[];
}

// Counts past 2^53 (relative weights such as 1e300) are no counts: shown to 4 digits, not 22.
const fmt = (x: number | null, digits = 4): string =>
  x === null ? '—' : Math.abs(x) > Number.MAX_SAFE_INTEGER ? x.toPrecision(4) : Number.isInteger(x) ? String(x) : x.toFixed(digits);
const pFmt = (p: number): string => (p < 1e-4 ? p.toExponential(1) : p.toFixed(4));

/** The report as text: matrix, metrics beside the exported ones, drift, floors, verdict. */
export function formatCheck(r: CheckReport): string {
  const lines: string[] = [];
  const rows = r.cases !== r.rows ? `${fmt(r.rows)} rows standing for ${fmt(r.cases)} cases` : `${fmt(r.rows)} rows`;
  const what = r.labelled ? `${rows}, ${fmt(r.positives)} positive cases ("${r.columns.positive}" in "${r.columns.label}")` : `${rows}, no label column`;
  lines.push(`cutoff check: ${r.file}: ${what}, score "${r.columns.score}"${r.columns.weight ? `, weight "${r.columns.weight}"` : ''}`);
  lines.push(`decision: score >= ${r.threshold}${r.columns.group ? ` (per-group thresholds on "${r.columns.group}")` : ''}`);
  lines.push('');
  if (r.confusion) {
    lines.push('             predicted +   predicted −');
    lines.push(`  actual +   TP ${fmt(r.confusion.tp).padEnd(10)} FN ${fmt(r.confusion.fn)}`);
    lines.push(`  actual −   FP ${fmt(r.confusion.fp).padEnd(10)} TN ${fmt(r.confusion.tn)}`);
    lines.push('');
    lines.push(`  ${'metric'.padEnd(18)}${'now'.padEnd(10)}exported`);
    const row = (name: string, now: number | null, then: number | null) => lines.push(`  ${name.padEnd(18)}${fmt(now).padEnd(10)}${fmt(then)}`);
    row('recall', r.metrics.recall, r.exported.recall);
    row('precision', r.metrics.precision, r.exported.precision);
    row('alarm rate', r.metrics.alarmRate, alarmRateOf(r.exported.confusion));
    row('ROC-AUC', r.metrics.rocAuc, r.exported.rocAuc);
    row('average precision', r.metrics.averagePrecision, r.exported.averagePrecision);
    if (!r.ranking.exact)
      lines.push(
        `  (ROC-AUC within ±${r.ranking.errorBound.rocAuc.toExponential(2)}, AP within ±${r.ranking.errorBound.averagePrecision.toExponential(2)}: ${r.ranking.bins} bins)`,
      );
    for (const g of r.groups)
      lines.push(
        `  group ${g.value}: threshold ${g.threshold}, recall ${fmt(g.recall)}${g.exported ? ` (exported ${fmt(g.exported.recall)})` : ''}, precision ${fmt(g.precision)}${g.exported ? ` (exported ${fmt(g.exported.precision)})` : ''}`,
      );
  } else {
    lines.push(`  alarm rate now ${fmt(r.metrics.alarmRate)}, exported ${fmt(alarmRateOf(r.exported.confusion))}`);
    lines.push('  recall and precision were not checked: the file has no label column');
  }
  for (const b of r.bands) lines.push(`  band ${b.name}: ${fmt(b.rows)} rows${r.confusion ? `, ${fmt(b.positives)} positive` : ''}`);
  if (r.review) lines.push(`  review band: ${fmt(r.review.rows)} rows`);
  lines.push('');
  lines.push(
    r.drift
      ? `drift: PSI ${r.drift.psi.toFixed(4)}, KS ${r.drift.ks.toFixed(4)} (p = ${pFmt(r.drift.ksPValue)}) against the exported ${r.drift.bins}-bin score histogram`
      : 'drift: not checked (the export has no score histogram)',
  );
  for (const note of r.notes) lines.push(`note: ${note}`);
  lines.push('');
  if (r.floors.length === 0) lines.push('floors: none set (pass --min-recall, --min-precision, --max-alarm-rate or --max-drift, or set guardrails in the export)');
  else lines.push(`floors: held together at a ${+(r.family.alpha * 100).toFixed(4)}% false-alarm rate (${r.family.tests === 1 ? 'one test' : `${r.family.tests} tests share it`})`);
  for (const f of r.floors) lines.push(`  ${f.notTested ? '--  ' : f.ok ? 'ok  ' : 'FAIL'} ${floorLine(f)}`);
  lines.push(r.passed ? 'PASS' : `FAIL: ${failureLine(r)}`);
  // Names and group values come from files: their control characters are printed escaped.
  return `${lines.map(escaped).join('\n')}\n`;
}

function floorLine(f: Floor): string {
  if (f.notTested) return `${f.name} not tested: ${f.notTested} (exported ${fmt(f.limit)})`;
  if (f.kind === 'present') return `${f.name}: ${f.ok ? `${fmt(f.value)} cases` : 'no rows in this file'} (--require-groups)`;
  if (f.kind === 'no drop' && f.test) {
    const detect = f.test.detectableDrop === null ? '' : `; this file detects a drop of ${fmt(f.test.detectableDrop)} with 90% power`;
    return `${f.name} ${fmt(f.value)} vs ${fmt(f.limit)} exported: p = ${pFmt(f.test.pValue)} (fails below ${pFmt(f.test.alpha)})${detect}`;
  }
  if (f.target && f.test) {
    return `${f.name}: ${fmt(f.value)} on this file; binomial p = ${pFmt(f.test.pValue)} that the target holds (fails below ${pFmt(f.test.alpha)})`;
  }
  const from = f.from === 'option' ? 'option' : 'from the export';
  if (f.test) return `${f.name} ${fmt(f.value)}, ceiling ${f.limit} (${from}); KS p = ${pFmt(f.test.pValue)}: fails when over the ceiling and p < ${pFmt(f.test.alpha)}`;
  return `${f.name} ${fmt(f.value)} ${f.kind === 'min' ? '>=' : '<='} ${f.limit} (${from})`;
}

export function failureLine(r: CheckReport): string {
  return escaped(
    r.floors
      .filter((f) => !f.ok)
      .map((f) => {
        if (f.kind === 'present') return `${f.name} has no rows in this file (--require-groups)`;
        if (f.kind === 'no drop') return `${f.name} ${fmt(f.value)} dropped from ${fmt(f.limit)} (p = ${f.test ? pFmt(f.test.pValue) : '—'})`;
        if (f.target) return `${f.name} not met: ${fmt(f.value)} on this file (p = ${f.test ? pFmt(f.test.pValue) : '—'})`;
        return `${f.name} ${fmt(f.value)} ${f.kind === 'min' ? '<' : '>'} ${f.kind === 'min' ? 'floor' : 'ceiling'} ${f.limit}`;
      })
      .join('; '),
  );
}
