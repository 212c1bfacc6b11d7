/**
 * ReadOptions.columns (what `cutoff choose` reads with): the kept columns are the ones the
 * page's whole read gives, cell for cell, with the same rows, lines, encoding and refusals,
 * across chunks split by hand (no quote) and by Papa (a quote), blank and ragged lines; and
 * the reader names a header's repeated names, never mistaking a real `score (2)` for a copy.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset';
import { datasetOf } from './helpers';

/** Several 512 KB chunks, so most rows are read after the header, through the projected split. */
const ROWS = 60_000;

function body(eol: string, extra: (i: number) => string = () => ''): string {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const score = ((i * 7919) % 10007) / 10007;
    const y = (i * 31) % 7 === 0 ? 1 : 0;
    lines.push(`${i},${score},${y},${['north', 'south', 'east', 'west'][i % 4]},${(i * 13) % 97},note ${i % 50}${extra(i)}`);
  }
  return `id,score,y,region,amount,text\n${lines.join(eol)}${eol}`;
}

/** The wanted columns of a dataset and everything the command reads off it. */
function shape(d: Dataset, wanted: readonly string[]) {
  return {
    columns: d.columns.filter((c) => wanted.includes(c.name)),
    rowCount: d.rowCount,
    lineOf: Array.from(d.lineOf),
    encoding: d.encoding,
    delimiter: d.delimiter,
    sha256: d.sha256,
    duplicatedNames: d.duplicatedNames,
  };
}

async function same(content: string | Uint8Array, wanted: readonly string[], options = {}): Promise<Dataset> {
  const whole = await datasetOf(content, options);
  const kept = await datasetOf(content, { ...options, columns: wanted });
  expect(kept.columns.map((c) => c.name)).toEqual(whole.columns.map((c) => c.name).filter((n) => wanted.includes(n)));
  expect(shape(kept, wanted)).toEqual(shape(whole, wanted));
  return kept;
}

async function sameError(content: string, wanted: readonly string[], options = {}): Promise<void> {
  const whole = await datasetOf(content, options).then(
    () => 'read',
    (e: Error) => e.message,
  );
  const kept = await datasetOf(content, { ...options, columns: wanted }).then(
    () => 'read',
    (e: Error) => e.message,
  );
  expect(whole).not.toBe('read');
  expect(kept).toBe(whole);
}

describe('ReadOptions.columns', () => {
  it('keeps only the named columns, cell for cell as the whole read gives them, LF and CRLF', async () => {
    for (const eol of ['\n', '\r\n']) {
      const kept = await same(body(eol), ['score', 'y', 'region']);
      expect(kept.columns.map((c) => c.name)).toEqual(['score', 'y', 'region']);
    }
    // Asked for out of file order: kept in file order, as the page lists them.
    const kept = await same(body('\n'), ['region', 'score']);
    expect(kept.columns.map((c) => c.name)).toEqual(['score', 'region']);
  });

  it('reads blank lines, lines of only delimiters and quoted chunks as the page does', async () => {
    const text = body('\n', (i) => (i % 9000 === 17 ? '\n\n,,,,,\n , , ,,,\n' : i % 20000 === 5 ? `\n${i},0.5,1,"quoted, north",1,"a ""b"""` : ''));
    await same(text, ['score', 'y', 'region']);
    // A row whose kept cells are empty is still a row (its other cells are not).
    const gaps = body('\n', (i) => (i % 7000 === 3 ? `\n${i},,,,5,x` : ''));
    await same(gaps, ['score', 'y']);
    await same(gzipSync(body('\n')), ['score', 'y']);
    await same(body('\n').replaceAll(',', ';'), ['score', 'y']);
  });

  it('refuses ragged lines with the same message, or skips them the same', async () => {
    const ragged = body('\n', (i) => (i % 5000 === 1234 ? `\n${i},0.5,1` : i === 59_000 ? `\n1,2,3,4,5,6,7` : ''));
    await sameError(ragged, ['score', 'y']);
    const kept = await same(ragged, ['score', 'y'], { skipRagged: true });
    expect(kept.rowCount).toBe(ROWS);
  });

  it('types every column when one named is not in the header (a message can offer the others)', async () => {
    const d = await datasetOf(body('\n'), { columns: ['score', 'nosuch'] });
    expect(d.columns.map((c) => c.name)).toEqual(['id', 'score', 'y', 'region', 'amount', 'text']);
  });

  it('names the repeated header names, and not a real column called "score (2)"', async () => {
    const dup = await datasetOf('score,score,y\n0.1,0.9,1\n0.2,0.8,0\n');
    expect(dup.columns.map((c) => c.name)).toEqual(['score', 'score (2)', 'y']);
    expect(dup.duplicatedNames).toEqual(['score']);
    const real = await datasetOf('score,score (2),y\n0.1,0.9,1\n0.2,0.8,0\n');
    expect(real.duplicatedNames).toEqual([]);
    const kept = await datasetOf(body('\n').replace('id,score', 'score,score'), { columns: ['score', 'y'] });
    expect(kept.duplicatedNames).toEqual(['score']);
  });
});
