/**
 * Excel workbooks in the command: a workbook gives the same confusion matrix as the same sheet
 * saved as CSV, in the page and in `cutoff check`; --sheet reads another sheet in every command
 * that reads FILE; bad workbooks are exit 2 with one line.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset';
import { encodeLabels } from '../../../src/data/label';
import { readDataFile } from '../../../src/data/read-file';
import { cutoff, tempDir, writePoint } from './fixtures';

const FIXTURES = join(__dirname, '../../fixtures');
const dir = tempDir();
const clinicPoint = writePoint(
  dir,
  { label: { column: 'label', positive: 'yes' }, source: { kind: 'scores', scoreColumn: 'score', weightColumn: null }, threshold: 0.4 },
  'clinic.point.json',
);

async function pageRead(path: string): Promise<Dataset> {
  return readDataFile(new File([readFileSync(path)], basename(path)));
}

/** The page's matrix at 0.4 on score, label = yes. */
async function pageMatrix(path: string): Promise<{ tp: number; fp: number; tn: number; fn: number }> {
  const d = await pageRead(path);
  const score = d.columns.find((c) => c.name === 'score');
  const label = d.columns.find((c) => c.name === 'label');
  if (score?.kind !== 'numeric' || !label) throw new Error('no score or label');
  const { labels, rows } = encodeLabels(label, 'yes');
  const m = { tp: 0, fp: 0, tn: 0, fn: 0 };
  rows.forEach((r, i) => {
    const alarm = score.values[r] >= 0.4;
    m[alarm ? (labels[i] ? 'tp' : 'fp') : labels[i] ? 'fn' : 'tn']++;
  });
  return m;
}

describe('a workbook in the command', () => {
  it('gives the same matrix in the page and in cutoff check as the same sheet saved as CSV', async () => {
    const book = join(FIXTURES, 'data/clinic.xlsx');
    const csv = join(FIXTURES, 'data/clinic.csv');
    const [fromBook, fromCsv] = await Promise.all([cutoff('check', clinicPoint, book, '--json'), cutoff('check', clinicPoint, csv, '--json')]);
    expect(fromBook.stderr).toBe('');
    const confusion = (run: { stdout: string }) => (JSON.parse(run.stdout) as { confusion: unknown }).confusion;
    expect(confusion(fromBook)).toEqual(confusion(fromCsv));
    expect(confusion(fromBook)).toEqual(await pageMatrix(book));
    expect(await pageMatrix(book)).toEqual(await pageMatrix(csv));
  });

  it('reads another sheet with --sheet in check, apply, curve, choose and compare', async () => {
    const file = join(FIXTURES, 'data/clinic-sheets.xlsx');
    const point = writePoint(
      dir,
      { label: { column: 'outcome', positive: 'event' }, source: { kind: 'scores', scoreColumn: 'risk', weightColumn: null }, threshold: 0.5 },
      'sheets.point.json',
    );
    const check = await cutoff('check', point, file, '--sheet', 'Q2 scores', '--json');
    expect(check.stderr).toBe('');
    expect((JSON.parse(check.stdout) as { rows: number }).rows).toBe(100);
    const apply = await cutoff('apply', point, file, '--score', 'risk', '--sheet', 'Q2 scores');
    expect(apply.stdout.trim().split('\n')).toHaveLength(101);
    const curve = await cutoff('curve', file, '--score', 'risk', '--label', 'outcome', '--sheet', 'Q2 scores');
    expect(curve.code).toBe(0);
    const choose = await cutoff('choose', file, '--score', 'risk', '--label', 'outcome', '--positive', 'event', '--sheet', 'Q2 scores');
    expect(choose.stderr).toBe('');
    expect(choose.stdout).toContain('"rows"');
    const compare = await cutoff('compare', file, '--score', 'risk', '--score', 'risk', '--sheet', 'Q2 scores');
    // The same column twice is refused before the file is read; --sheet is still an option compare takes.
    expect(compare.stderr).not.toMatch(/Unknown option/);
  });

  it('is exit 2 with one line for a missing sheet, --sheet on a CSV, and merged header cells', async () => {
    const missing = await cutoff('check', clinicPoint, join(FIXTURES, 'data/clinic.xlsx'), '--sheet', 'Q9');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cutoff: .*clinic\.xlsx has no sheet "Q9"; its sheets are "patients"\.\n$/);
    const csv = await cutoff('check', clinicPoint, join(FIXTURES, 'data/clinic.csv'), '--sheet', 'patients');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/is not an Excel workbook; --sheet names a sheet of an \.xlsx file/);
    const merged = await cutoff('curve', join(FIXTURES, 'workbooks/merged-header.xlsx'), '--label', 'outcome');
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/header row 1 has merged cells \(B1:C1\)/);
    expect(merged.stderr.trim().split('\n')).toHaveLength(1);
  });
});
