/**
 * Section 5 and 6 of the report: the matrix and metrics with their intervals, the charts, the
 * threshold's stability, and the groups, bands and comparison when the point has them.
 */
import type { OperatingPoint } from '../session/operating-point';
import { calibrationChart, decisionCurveChart, prChart, rocChart, scoresChart } from './report-charts';
import { count, n3 } from './report-text';
import { escapeHtml as esc } from './svg-charts';

const METRICS: [keyof OperatingPoint['metrics'], string][] = [
  ['recall', 'Recall (sensitivity)'],
  ['specificity', 'Specificity'],
  ['precision', 'Precision (PPV)'],
  ['npv', 'NPV'],
  ['f1', 'F1'],
  ['mcc', 'MCC'],
  ['accuracy', 'Accuracy'],
  ['rocAuc', 'ROC-AUC'],
  ['averagePrecision', 'Average precision'],
  ['expectedCostPerCase', 'Expected cost per case'],
];

function matrixTable(point: OperatingPoint): string {
  const c = point.confusion;
  return `<table class="matrix" data-testid="report-matrix" data-tp="${c.tp}" data-fp="${c.fp}" data-tn="${c.tn}" data-fn="${c.fn}">
<caption>Confusion matrix at cutoff ${point.threshold}</caption>
<thead><tr><th scope="col">Actual \\ predicted</th><th scope="col">Flagged</th><th scope="col">Not flagged</th></tr></thead>
<tbody><tr><th scope="row">Positive</th><td>${count(c.tp)} caught</td><td>${count(c.fn)} missed</td></tr>
<tr><th scope="row">Negative</th><td>${count(c.fp)} false alarms</td><td>${count(c.tn)} rightly cleared</td></tr></tbody></table>`;
}

function metricsTable(point: OperatingPoint): string {
  const intervals = point.metrics.intervals ?? {};
  const rows = METRICS.map(([key, label]) => {
    const value = point.metrics[key];
    const ci = intervals[key];
    const interval = ci ? `${n3(ci.low)}–${n3(ci.high)} (${esc(ci.method)})` : '—';
    return `<tr><th scope="row">${label}</th><td class="num">${typeof value === 'number' ? n3(value) : '—'}</td><td>${interval}</td></tr>`;
  });
  return `<table class="metrics"><caption>Metrics at the cutoff, with 95 % intervals</caption>
<thead><tr><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">95 % interval</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Charts two by two; each figure is kept whole on a printed page. */
function chartGrid(charts: (string | null)[]): string {
  return `<div class="charts">${charts
    .filter((c): c is string => c !== null)
    .map((c) => `<figure>${c}</figure>`)
    .join('')}</div>`;
}

function stabilityBlock(point: OperatingPoint): string {
  const s = point.stability;
  if (!s) return '';
  const rows = s.thresholds.map((t) => `<tr><th scope="row">${esc(t.rule)}</th><td>${n3(t.spread.low)}–${n3(t.spread.high)}</td></tr>`).join('');
  return `<h3>The threshold's stability</h3><p>Across ${s.resamples} ${s.method === 'k-fold' ? 'folds' : 'bootstrap resamples'}, each rule's threshold moved within:</p>
<table><thead><tr><th scope="col">Rule</th><th scope="col">Range of thresholds</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function figuresSection(point: OperatingPoint): string {
  return `<section class="figures"><h2>5. Figures</h2>
<div class="tables">${matrixTable(point)}${metricsTable(point)}</div>
${chartGrid([rocChart(point), prChart(point), scoresChart(point), calibrationChart(point), decisionCurveChart(point)])}
${stabilityBlock(point)}</section>`;
}

function groupsBlock(point: OperatingPoint): string {
  const g = point.groups;
  if (!g) return '';
  const rows = g.thresholds
    .map((t) => {
      const m = t.metrics ?? {};
      const c = t.confusion;
      return `<tr><th scope="row">${esc(t.value)}</th><td class="num">${t.threshold}</td><td>${c ? count(c.tp + c.fn) : '—'}</td><td class="num">${n3(m.recall)}</td><td class="num">${n3(m.precision)}</td><td class="num">${n3(m.fpr)}</td></tr>`;
    })
    .join('');
  return `<h3>Thresholds per group (${esc(g.column)}, strategy ${esc(g.strategy)})</h3>
<table><thead><tr><th scope="col">Group</th><th scope="col">Cutoff</th><th scope="col">Positives</th><th scope="col">Recall</th><th scope="col">Precision</th><th scope="col">FPR</th></tr></thead><tbody>${rows}</tbody></table>
${g.otherThreshold !== undefined ? `<p>A group not listed here gets the cutoff ${g.otherThreshold}.</p>` : ''}`;
}

function bandsBlock(point: OperatingPoint): string {
  const parts: string[] = [];
  if (point.band) parts.push(`<p>Review band: scores from ${point.band.lower} up to ${point.band.upper} are sent to a person instead of being decided.</p>`);
  const b = point.bands;
  if (b && b.cuts.length > 0) {
    const edges = [0, ...b.cuts, 1];
    const rows = b.names
      .map((name, i) => `<tr><th scope="row">${esc(name || `band ${i + 1}`)}</th><td>${edges[i]} ≤ score ${i === b.names.length - 1 ? '≤' : '<'} ${edges[i + 1]}</td></tr>`)
      .join('');
    parts.push(`<table><caption>Risk bands</caption><thead><tr><th scope="col">Band</th><th scope="col">Scores</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  return parts.length > 0 ? `<h3>Review and risk bands</h3>${parts.join('')}` : '';
}

function comparisonBlock(point: OperatingPoint): string {
  const c = point.comparison;
  if (!c) return '';
  const test = c.test ? `<p>DeLong's paired test: ROC-AUC difference ${n3(c.test.aucDiff)} (95 % CI ${n3(c.test.ciLow)} to ${n3(c.test.ciHigh)}), p = ${n3(c.test.p)}.</p>` : '';
  return `<h3>Compared with ${esc(c.label)}</h3><p>${esc(c.label)}: ROC-AUC ${n3(c.rocAuc)}, average precision ${n3(c.averagePrecision)}.</p>${test}${c.statement ? `<p>${esc(c.statement)}</p>` : ''}`;
}

export function extrasSection(point: OperatingPoint): string {
  const body = groupsBlock(point) + bandsBlock(point) + comparisonBlock(point);
  return `<section><h2>6. Groups, bands and comparisons</h2>${body || '<p>None were used: one cutoff for every case, no review band, no second model.</p>'}</section>`;
}
