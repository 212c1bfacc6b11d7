/**
 * The report's words and tables, in the order a reader asks: what was decided, on what, why,
 * what it means per 1,000 cases, and what CI will check. Every figure comes from the point.
 */
import { detectableDrop } from '../metrics/two-sample';
import { naturalFrequencies } from '../metrics/prevalence';
import { rateOf } from '../metrics/rates';
import type { OperatingPoint } from '../session/operating-point';
import { escapeHtml as esc } from './svg-charts';

export const n3 = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));
const pct = (x: number): string => `${Number((x * 100).toPrecision(3))} %`;
export const count = (x: number): string => {
  const rounded = Number.isInteger(x) ? x : Number(x.toFixed(1));
  const [whole, fraction] = String(rounded).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
};

const EVALUATED: Record<OperatingPoint['evaluatedOn'], string> = {
  validation: 'the hold-out validation split: cases the model did not learn from',
  'out-of-fold': 'out-of-fold scores: every labelled case, each scored by a model fitted without it',
  'all rows': 'all rows of the file, as scored',
};

/** A definition list from label/value pairs (values are HTML). */
export function facts(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function decidedSection(point: OperatingPoint, generatedAt: Date): string {
  const band = point.band ? ` Cases scoring from ${point.band.lower} up to ${point.band.upper} go to review instead of being decided.` : '';
  return `<section><h2>1. What was decided</h2>
<p class="decision">Flag a case as positive when its score is at least <strong class="num" data-threshold="${point.threshold}">${point.threshold}</strong> (rule: <code>${esc(point.rule)}</code>).${band}</p>
${facts([
  ['Decided', esc(point.createdAt)],
  ['Made with', `Cutoff ${esc(point.tool.version)} (operating point schema version ${point.schemaVersion})`],
  ['Report written', `${esc(generatedAt.toISOString())}`],
])}</section>`;
}

function sourceText(point: OperatingPoint): string {
  const s = point.source;
  if (s.kind === 'scores') return `the score column <code>${esc(s.scoreColumn)}</code>${s.weightColumn ? `, weighted by <code>${esc(s.weightColumn)}</code>` : ''}`;
  if (s.kind === 'trained') {
    const m = s.model;
    const layers = m.layers.join(' → ');
    const cv = m.crossValidation
      ? `; ${m.crossValidation.folds}-fold cross-validation, refit for ${m.crossValidation.refitEpochs} epochs on ${count(m.crossValidation.refitRows)} rows`
      : '';
    // The loss's name may already state its pos_weight ("weighted BCE on logits, pos_weight 42.0").
    const weight = m.loss.includes('pos_weight') ? '' : `, pos_weight ${n3(m.posWeight)}`;
    return `a neural network trained in Cutoff: hidden layers ${esc(layers)}, loss ${esc(m.loss)}${weight}, ${m.epochs} epochs, learning rate ${m.learningRate}, batch ${m.batchSize}, seed ${m.seed}, backend ${esc(m.backend)}, validation fraction ${m.validationFraction}${cv}; ${m.features.length} input columns`;
  }
  const m = s.model;
  return `the model <code>${esc(m.fileName)}</code> (loss ${esc(m.loss)}, trained on ${esc(m.trainedOn.fileName)})${m.scoredOwnTrainingRows ? ' — scored on its own training rows, so the figures are optimistic' : ''}`;
}

function transformText(point: OperatingPoint): string {
  const t = point.scoreTransform ?? (point.source.kind === 'scores' ? point.source.scoreTransform : null);
  return t ? esc(JSON.stringify(t)) : 'none (the scores are used as they are)';
}

export function dataSection(point: OperatingPoint): string {
  const d = point.dataset;
  return `<section><h2>2. On what</h2>
${facts([
  ['File', `<code>${esc(d.fileName)}</code>`],
  ['SHA-256', `<code class="hash">${d.sha256}</code>`],
  ['Rows', count(d.rows)],
  ['Label', `<code>${esc(point.label.column)}</code>, positive class <code>${esc(point.label.positive)}</code>`],
  ['Positives', `${count(d.positives)} of the file's rows; prevalence on the evaluated cases ${pct(point.prevalence.observed)}`],
  ['Evaluated on', esc(EVALUATED[point.evaluatedOn])],
  ['Scores from', sourceText(point)],
  ['Score transform', transformText(point)],
])}</section>`;
}

export function whySection(point: OperatingPoint): string {
  const { falsePositive: cfp, falseNegative: cfn } = point.costs;
  const ratio = point.impliedCostRatio;
  const range = ratio
    ? `On these cases this cutoff is the cheapest for any cost ratio C<sub>FN</sub> : C<sub>FP</sub> from ${ratio.low === null ? '0' : n3(ratio.low)} to ${ratio.high === null ? 'no upper limit' : n3(ratio.high)}.`
    : 'No cost ratio makes this cutoff the cheapest on these cases.';
  const targets = (point.targets ?? []).map((t) => `<li>${esc(t.statement ?? `${t.kind} ${t.value}`)}</li>`).join('');
  const bayes = cfp + cfn > 0 ? cfp / (cfp + cfn) : null;
  return `<section><h2>3. Why this cutoff</h2>
<p>A missed positive was priced at ${count(cfn)} and a false alarm at ${count(cfp)} (${esc(point.costs.unit)} units): a miss costs as much as ${cfp > 0 ? Number((cfn / cfp).toPrecision(4)) : '∞'} false alarms. ${range}
${bayes === null ? '' : `For calibrated probabilities the cost-optimal cutoff would be C<sub>FP</sub>/(C<sub>FP</sub>+C<sub>FN</sub>) = ${n3(bayes)}.`}</p>
${targets ? `<p>Targets set:</p><ul>${targets}</ul>` : ''}</section>`;
}

function frequencyRow(label: string, f: { tp: number; fp: number; tn: number; fn: number }): string {
  const r = (x: number) => count(Math.round(x));
  return `<tr><th scope="row">${esc(label)}</th><td>${r(f.tp + f.fn)}</td><td>${r(f.tp)}</td><td>${r(f.fn)}</td><td>${r(f.fp)}</td><td>${r(f.tp + f.fp)}</td></tr>`;
}

export function perThousandSection(point: OperatingPoint): string {
  const rows = [frequencyRow(`At the observed prevalence (${pct(point.prevalence.observed)})`, naturalFrequencies(point.confusion, null))];
  if (point.prevalence.assumed !== null)
    rows.push(frequencyRow(`At the assumed prevalence (${pct(point.prevalence.assumed)})`, naturalFrequencies(point.confusion, point.prevalence.assumed)));
  const f = naturalFrequencies(point.confusion, point.prevalence.assumed);
  return `<section><h2>4. What it means per 1,000 cases</h2>
<p>Of every 1,000 cases, ${count(Math.round(f.tp + f.fn))} are positive: the cutoff catches ${count(Math.round(f.tp))} of them and misses ${count(Math.round(f.fn))}, and raises ${count(Math.round(f.fp))} false alarms among the rest.</p>
<table><thead><tr><th scope="col">Per 1,000 cases</th><th scope="col">Positive</th><th scope="col">Caught</th><th scope="col">Missed</th><th scope="col">False alarms</th><th scope="col">Flagged in all</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></section>`;
}

export function ciSection(point: OperatingPoint): string {
  const g = point.guardrails;
  if (!g) return `<section><h2>7. What CI will check</h2><p>This point records no guardrails.</p></section>`;
  const alpha = g.alpha ?? 0.01;
  const tests = (g.compare ?? []).length + (g.maxDrift !== null && g.maxDrift !== undefined ? 1 : 0) + (point.targets?.length ?? 0);
  const share = tests > 0 ? alpha / tests : alpha;
  const c = point.confusion;
  const lines: string[] = [];
  for (const metric of g.compare ?? []) {
    const [x, n] = metric === 'recall' ? [c.tp, c.tp + c.fn] : [c.tp, c.tp + c.fp];
    const before = rateOf(x, n);
    const drop = before === null ? null : detectableDrop(before, n, n, share);
    // At a figure of 0 or 1 the pooled variance vanishes and the power formula says nothing useful.
    const power = drop !== null && drop >= 0.001 ? `; a file of this size detects a drop of ${n3(drop)} with 90 % power` : '';
    lines.push(`${metric} must not drop below ${n3(before)} (one-sided two-sample test${power})`);
  }
  if (g.minRecall !== null && g.minRecall !== undefined) lines.push(`recall of at least ${g.minRecall}`);
  if (g.minPrecision !== null && g.minPrecision !== undefined) lines.push(`precision of at least ${g.minPrecision}`);
  if (g.maxAlarmRate !== null && g.maxAlarmRate !== undefined) lines.push(`an alarm rate of at most ${g.maxAlarmRate}`);
  if (g.maxDrift !== null && g.maxDrift !== undefined) lines.push(`score drift (PSI) of at most ${g.maxDrift}, when the KS test shows the shift is real`);
  for (const t of point.targets ?? []) lines.push(`the target still holds: ${esc(t.statement?.split(':')[0] ?? t.kind)} (exact binomial test)`);
  const quote = (name: string) => (/^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`);
  const label = quote(point.label.column);
  // A model's new rows are scored by the exported model first (its column is "score").
  const command =
    point.source.kind === 'scores'
      ? `npx cutoff check operating-point.json NEW_FILE.csv --score ${quote(point.source.scoreColumn)} --label ${label}`
      : `npx cutoff apply operating-point.json NEW_FILE.csv --model cutoff-model.zip -o scored.csv\nnpx cutoff check operating-point.json scored.csv --label ${label}`;
  return `<section><h2>7. What CI will check</h2>
<p>On each new labelled file, <code>cutoff check</code> fails (exit 1) when one of these fails, holding the whole family at a ${pct(alpha)} false-alarm rate (each test at ${n3(share)}):</p>
<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>
<p>The command:</p><pre><code>${esc(command)}</code></pre></section>`;
}

/** The sections as TRIPOD 2015 items (Collins et al., BMJ 2015) they answer. */
export function tripodSection(): string {
  const rows: [string, string, string][] = [
    ['4a, 5a', 'Source of data; participants', '2. On what'],
    ['7a, 10b', 'Outcome; model type and building', '2. On what (label, scores from)'],
    ['10d', 'Measures used to assess performance', '5. Figures'],
    ['11', 'Risk groups', '1. What was decided; 6. Groups and bands'],
    ['13a', 'Flow of participants, outcome counts', '2. On what; 4. Per 1,000 cases'],
    ['15b', 'How to use the prediction model', '1. What was decided; 7. What CI will check'],
    ['16', 'Performance measures with confidence intervals (discrimination, calibration)', '5. Figures'],
    ['20 (TRIPOD+AI 12e)', 'Clinical utility', '3. Why; 4. Per 1,000 cases; decision curve'],
  ];
  return `<section class="tripod"><h2>8. TRIPOD items this report answers</h2>
<table><thead><tr><th scope="col">Item</th><th scope="col">Asks for</th><th scope="col">Where</th></tr></thead>
<tbody>${rows.map(([i, a, w]) => `<tr><td>${i}</td><td>${esc(a)}</td><td>${esc(w)}</td></tr>`).join('')}</tbody></table></section>`;
}
