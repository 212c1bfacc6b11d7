/**
 * The report renderer: a golden file of a fixed point (reviewed like code: regenerate with
 * UPDATE_GOLDEN=1 and read the diff), self-containment, escaping, alt text, and the size the
 * report's figures add to an export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDataFile } from '../../../src/data/read-file';
import { choosePoint } from '../../../src/session/choose';
import { parseOperatingPoint, type OperatingPoint } from '../../../src/session/operating-point';
import { renderReport } from '../../../src/report/report-html';
import { REPORT_FIGURES_BUDGET } from '../../../src/session/report-figures';
import { cutoff, scoredRows, tempDir, writeCsv } from '../cli/fixtures';

const GOLDEN = fileURLToPath(new URL('../../fixtures/report/golden.html', import.meta.url));
const WHEN = new Date('2026-12-06T10:00:00.000Z');

async function fixedPoint(): Promise<OperatingPoint> {
  const rows = scoredRows(2000, 11);
  const csv = `id,score,y,region\n${rows.map((r, i) => `${i + 1},${r.score},${r.y},${r.region}`).join('\n')}\n`;
  const bytes = new TextEncoder().encode(csv);
  const dataset = await readDataFile({ name: 'clinic <scores>.csv', size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
  return choosePoint(dataset, {
    scoreColumn: 'score',
    labelColumn: 'y',
    costFp: 1,
    costFn: 8,
    goal: { kind: 'target', target: 'fewest-alarms-at-recall', value: 0.9, confidence: 0.95 },
    toolVersion: '1.0.0',
    createdAt: WHEN,
  });
}

describe('the decision report', () => {
  it('matches the golden file', async () => {
    const html = renderReport(await fixedPoint(), WHEN);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, html);
    expect(html).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is self-contained: no script, no link, no request; names are escaped; every chart has alt text', async () => {
    const point = await fixedPoint();
    const html = renderReport(point, WHEN);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    // The only URL is the SVG namespace, which no browser fetches.
    expect(html.match(/https?:\/\/[^"\s<]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).toContain('clinic &lt;scores&gt;.csv');
    expect(html).not.toContain('clinic <scores>');
    const charts = html.match(/<svg[^>]*>/g) ?? [];
    expect(charts.length).toBe(5);
    for (const svg of charts) expect(svg).toMatch(/role="img" aria-labelledby="[\w-]+-t [\w-]+-d"/);
    expect(html).toContain(`data-threshold="${point.threshold}"`);
    expect(html).toContain('Recall ≥ 0.9 with 95 % confidence: cutoff');
  });

  it('the figures it draws stay within the stated budget of the export', async () => {
    const point = await fixedPoint();
    expect(JSON.stringify(point.figures).length).toBeLessThanOrEqual(REPORT_FIGURES_BUDGET);
    // And they survive the JSON round trip the command reads them through.
    expect(renderReport(parseOperatingPoint(JSON.parse(JSON.stringify(point))), WHEN)).toBe(renderReport(point, WHEN));
  });

  it('cutoff report writes the same document from the point file; a bad point is exit 2', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, scoredRows(1500, 4));
    const chosen = await cutoff('choose', file, '--label', 'y', '-o', `${dir}/p.json`);
    expect(chosen.code).toBe(0);
    const r = await cutoff('report', `${dir}/p.json`);
    expect(r.code).toBe(0);
    const point = parseOperatingPoint(JSON.parse(readFileSync(`${dir}/p.json`, 'utf8')));
    const strip = (s: string) => s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME');
    expect(strip(r.stdout)).toBe(strip(renderReport(point, WHEN)));
    writeFileSync(`${dir}/bad.json`, '{"schemaVersion": 2}');
    const bad = await cutoff('report', `${dir}/bad.json`);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cutoff: .*bad\.json: Not a valid Cutoff operating point/);
  });
});

describe("the report's figures", () => {
  it("read off the metrics worker's prepared view are the same as computed from the curve", async () => {
    const { ScoreCurve } = await import('../../../src/metrics/score-curve');
    const { prepareCurveView } = await import('../../../src/metrics/curve-view');
    const { reportFigures, preparedFiguresOf } = await import('../../../src/session/report-figures');
    const rows = scoredRows(5000, 3);
    const curve = ScoreCurve.from(
      rows.map((r) => r.score),
      rows.map((r) => (r.y === 'yes' ? 1 : 0)),
    );
    const prepared = preparedFiguresOf(prepareCurveView(curve));
    expect(prepared).toBeDefined();
    expect(reportFigures(curve, 0.1, prepared)).toEqual(reportFigures(curve, 0.1));
  });
});
