/**
 * The page and the command read every file the same: each fixture in tests/fixtures/data and
 * generated dialect variants are read by the page's reader (readDataFile, run in Node) and by
 * the command's (openTable), and give the same columns, cells, labels and counts; every file
 * with a score and a label gives the same confusion matrix in the page and in `cutoff check`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDataFile, DEFAULT_READ_OPTIONS } from '../../../src/data/read-file';
import type { Dataset } from '../../../src/data/dataset';
import { encodeLabels } from '../../../src/data/label';
import { suggestLabel } from '../../../src/data/label-suggestion';
import { labelKey } from '../../../src/data/label-values';
import { openTable, type Cell } from '../../../src/cli/table-reader';
import { cellNumber, labelOf } from '../../../src/cli/cells';
import { cutoff, tempDir, writePoint } from './fixtures';

const FIXTURES = join(__dirname, '../../fixtures/data');
const dir = tempDir();

async function pageRead(path: string): Promise<Dataset> {
  return readDataFile(new File([readFileSync(path)], basename(path)), DEFAULT_READ_OPTIONS);
}

async function commandRead(path: string): Promise<{ columns: string[]; rows: Cell[][]; decimalComma: boolean }> {
  const table = await openTable(path);
  const rows: Cell[][] = [];
  try {
    for await (const batch of table.batches()) rows.push(...batch.rows);
  } finally {
    await table.close();
  }
  return { columns: table.columns, rows, decimalComma: table.decimalComma };
}

const SCORE_NAMES = ['score', 'risk'];

/** Generated variants of one table: every delimiter, line break, BOM, quoting, sep= line and gzip. */
function variants(): { name: string; bytes: Uint8Array }[] {
  const rows = Array.from({ length: 300 }, (_, i) => {
    const positive = (i * 7) % 5 === 0;
    const score = Math.round(((positive ? 0.4 : 0) + ((i * 37) % 100) / 170) * 1000) / 1000;
    return { score, label: positive ? 'fraud' : 'ok', group: ['north', 'south', 'east'][i % 3], amount: (i * 13.25) % 900 };
  });
  const render = (delimiter: string, eol: string, quote: boolean, decimalComma: boolean) => {
    const q = (s: string) => (quote ? `"${s}"` : s);
    const n = (x: number) => (decimalComma ? String(x).replace('.', ',') : String(x));
    return [['score', 'label', 'group', 'amount'].map(q).join(delimiter), ...rows.map((r) => [n(r.score), q(r.label), q(r.group), n(r.amount)].join(delimiter))].join(eol) + eol;
  };
  const enc = (text: string) => new TextEncoder().encode(text);
  const out: { name: string; bytes: Uint8Array }[] = [
    { name: 'comma-lf.csv', bytes: enc(render(',', '\n', false, false)) },
    { name: 'comma-crlf-quoted.csv', bytes: enc(render(',', '\r\n', true, false)) },
    { name: 'semicolon-decimal-comma.csv', bytes: enc(render(';', '\r\n', false, true)) },
    { name: 'semicolon-sep-line.csv', bytes: enc(`sep=;\r\n${render(';', '\r\n', true, true)}`) },
    { name: 'tab.tsv', bytes: enc(render('\t', '\n', false, false)) },
    { name: 'pipe-bom.csv', bytes: enc(`\uFEFF${render('|', '\n', false, false)}`) },
    { name: 'cr-only.csv', bytes: enc(render(',', '\r', false, false)) },
  ];
  out.push({ name: 'semicolon-decimal-comma.csv.gz', bytes: gzipSync(out[2].bytes) });
  out.push({ name: 'scores.csv.gz', bytes: gzipSync(out[0].bytes) });
  return out;
}

const files = [
  ...readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.mjs') && !f.endsWith('.py'))
    .map((f) => join(FIXTURES, f)),
  ...variants().map((v) => {
    const path = join(dir, v.name);
    writeFileSync(path, v.bytes);
    return path;
  }),
];

describe('the page and the command read every file the same', () => {
  for (const path of files) {
    it(basename(path), async () => {
      const page = await pageRead(path);
      const command = await commandRead(path);
      expect(command.columns).toEqual(page.columns.map((c) => c.name));
      expect(command.rows.length).toBe(page.rowCount);
      expect(command.decimalComma).toBe(page.decimalComma);
      page.columns.forEach((column, c) => {
        const cells = command.rows.map((r) => r[c]);
        if (column.kind === 'numeric') {
          const read = cells.map((cell) => cellNumber(cell, command.decimalComma));
          expect(read, column.name).toEqual(Array.from(column.values));
        } else {
          const read = cells.map((cell) => labelOf(cell, command.decimalComma));
          const shown = Array.from(column.codes, (code) => (code < 0 ? null : column.levels[code]));
          // The page merges a hand-typed column's case spellings (Yes, YES → yes); the command matches them ignoring case.
          expect(
            read.map((v) => (v === null ? null : labelKey(v))),
            column.name,
          ).toEqual(shown.map((v) => (v === null ? null : labelKey(v))));
        }
      });
    });
  }
});

describe('the same confusion matrix in the page and in cutoff check', () => {
  for (const path of files) {
    it(basename(path), async () => {
      const page = await pageRead(path);
      const scoreColumn = page.columns.find((c) => SCORE_NAMES.includes(c.name) && c.kind === 'numeric');
      const choice = suggestLabel(page);
      if (!scoreColumn || scoreColumn.kind !== 'numeric' || !choice?.positive) return;
      const labelColumn = page.columns.find((c) => c.name === choice.column);
      if (!labelColumn) throw new Error('no label column');
      const { labels, rows } = encodeLabels(labelColumn, choice.positive);
      const threshold = 0.4;
      const point = writePoint(
        dir,
        { label: { column: choice.column, positive: choice.positive }, source: { kind: 'scores', scoreColumn: scoreColumn.name, weightColumn: null }, threshold },
        `${basename(path)}.point.json`,
      );
      const run = await cutoff('check', point, path, '--json');
      const missingScore = Array.from(rows).some((r) => !Number.isFinite(scoreColumn.values[r]));
      if (missingScore) {
        // The page refuses a labelled row without a score; so does the command.
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/not a number/);
        return;
      }
      const matrix = { tp: 0, fp: 0, tn: 0, fn: 0 };
      rows.forEach((r, i) => {
        const predicted = scoreColumn.values[r] >= threshold;
        const key = predicted ? (labels[i] ? 'tp' : 'fp') : labels[i] ? 'fn' : 'tn';
        matrix[key]++;
      });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { confusion: typeof matrix; rows: number };
      expect(report.confusion).toEqual(matrix);
      expect(report.rows).toBe(rows.length);
    });
  }
});
