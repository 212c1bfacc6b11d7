/**
 * The decision as a document: one self-contained HTML file (inline CSS and SVG, no script, no
 * request) that reads in a browser or a mail client and prints on A4 or Letter. The page's
 * report button and `cutoff report` both call renderReport on the same operating point, so the
 * two files differ only in the time they were written.
 */
import type { OperatingPoint } from '../session/operating-point';
import { extrasSection, figuresSection } from './report-figures-section';
import { ciSection, dataSection, decidedSection, perThousandSection, tripodSection, whySection } from './report-text';
import { escapeHtml as esc } from './svg-charts';

/** The name the page downloads and the command suggests. */
export const REPORT_FILE_NAME = 'cutoff-report.html';

// Light colours only (a printed page and most mail clients are white); contrast ≥ 4.5:1.
const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #ffffff; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; border-bottom: 1px solid #c4c7c5; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
p, ul { margin: .4rem 0; }
.subtitle { color: #44474a; margin: 0 0 1rem; }
.decision { font-size: 1.1rem; }
.num, td, .facts dd { font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.hash { word-break: break-all; font-size: .8em; }
pre { background: #f4f5f6; padding: .5rem .7rem; white-space: pre-wrap; word-break: break-all; border-radius: 4px; }
.facts { display: grid; grid-template-columns: 9.5rem 1fr; gap: .15rem .8rem; margin: .4rem 0; }
.facts dt { color: #44474a; }
.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid #c4c7c5; padding: .2rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f4f5f6; }
td.num { text-align: right; }
.tables { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
.charts { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
svg { max-width: 100%; height: auto; }
svg text { fill: #1b1b1b; }
section, table, .tables { break-inside: auto; }
table, .facts, pre { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
footer { margin-top: 1.5rem; color: #44474a; font-size: .85rem; }
/* The figures start a printed page: their heading never sits alone at the foot of the first. */
@media print { section.figures { break-before: page; page-break-before: always; } }
@page { margin: 14mm 13mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  svg { width: 78mm; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The whole report for a point; `generatedAt` is the one thing that differs between two renderings. */
export function renderReport(point: OperatingPoint, generatedAt: Date): string {
  const title = `Decision report: cutoff ${point.threshold} for ${point.label.column} = ${point.label.positive}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${esc(title)}</h1><p class="subtitle">${esc(point.dataset.fileName)} · evaluated ${esc(point.evaluatedOn)} · made with Cutoff ${esc(point.tool.version)}</p></header>
${decidedSection(point, generatedAt)}
${dataSection(point)}
${whySection(point)}
${perThousandSection(point)}
${figuresSection(point)}
${extrasSection(point)}
${ciSection(point)}
${tripodSection()}
</main>
<footer>Written by Cutoff from the operating point alone: every figure above can be recomputed from operating-point.json and the file whose SHA-256 is stated.</footer>
</body>
</html>
`;
}
