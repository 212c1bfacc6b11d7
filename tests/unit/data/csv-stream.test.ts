import { describe, expect, it } from 'vitest';
import { memorySource, streamOf } from '../../../src/data/byte-source';
import { detectDialect, streamCsv, type CsvStreamOptions } from '../../../src/data/csv-stream';
import { DataError, ParseCancelled } from '../../../src/data/errors';

async function rowsOf(text: string | Uint8Array, options: CsvStreamOptions & { chunkBytes?: number } = {}) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const dialect = await streamCsv(streamOf(memorySource('t.csv', bytes), options.chunkBytes ?? 1 << 19), options, (batch) => {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  });
  return { rows, lines, dialect };
}

const TRICKY = 'id,note,label\r\n1,"two\r\nlines",yes\r\n2,"a ""quoted"", comma",no\r\n\r\n3,plain,no\r\n';

describe('streamCsv', () => {
  it('parses quotes, embedded line breaks and CRLF, with the true line of each row', async () => {
    const { rows, lines, dialect } = await rowsOf(TRICKY);
    expect(dialect).toEqual({ delimiter: ',', linebreak: '\r\n', encoding: 'utf-8' });
    expect(rows).toEqual([['id', 'note', 'label'], ['1', 'two\r\nlines', 'yes'], ['2', 'a "quoted", comma', 'no'], [''], ['3', 'plain', 'no']]);
    expect(lines).toEqual([1, 2, 4, 5, 6]);
  });

  it('gives the same rows and lines whatever the chunk size', async () => {
    const whole = await rowsOf(TRICKY);
    for (const chunkBytes of [1, 2, 3, 5, 8, 13]) {
      const chunked = await rowsOf(TRICKY, { chunkBytes });
      expect(chunked.rows, `chunk ${chunkBytes}`).toEqual(whole.rows);
      expect(chunked.lines, `chunk ${chunkBytes}`).toEqual(whole.lines);
    }
  });

  it('decodes a UTF-8 character split between chunks and drops the BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFFnom,ville\nZoë,Saint-Étienne\n€,日本\n');
    const { rows } = await rowsOf(bytes, { chunkBytes: 3 });
    expect(rows).toEqual([
      ['nom', 'ville'],
      ['Zoë', 'Saint-Étienne'],
      ['€', '日本'],
    ]);
  });

  it('reads UTF-16 when told', async () => {
    const text = 'a;b\n1;2\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const { rows } = await rowsOf(bytes, { encoding: 'utf-16', chunkBytes: 5 });
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('detects ; tab and | and takes the delimiter the user chose', async () => {
    expect((await rowsOf('a;b\n1,5;2\n')).dialect.delimiter).toBe(';');
    expect((await rowsOf('a\tb\n1\t2\n')).dialect.delimiter).toBe('\t');
    expect((await rowsOf('a|b\n1|2\n')).dialect.delimiter).toBe('|');
    const forced = await rowsOf('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(forced.rows).toEqual([
      ['a;b', 'c'],
      ['1;2', '3'],
    ]);
  });

  it('refuses a quote that is never closed, with its line', async () => {
    const text = 'a,b\n1,2\n3,"oops\n4,5\n';
    await expect(rowsOf(text)).rejects.toThrow(/Line 3 opens a quoted cell/);
    await expect(rowsOf(text, { chunkBytes: 4 })).rejects.toThrow(DataError);
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    let batches = 0;
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    const run = streamCsv(streamOf(memorySource('t.csv', new TextEncoder().encode(text)), 100), { signal: controller.signal }, () => {
      if (++batches === 3) controller.abort();
    });
    await expect(run).rejects.toThrow(ParseCancelled);
    expect(batches).toBe(3);
  });

  it('reports progress in bytes', async () => {
    const seen: number[] = [];
    await rowsOf('a,b\n1,2\n3,4\n', { chunkBytes: 4, onProgress: (b) => seen.push(b) });
    // The first half megabyte is read before parsing starts (the encoding is chosen on it).
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((b, i) => i === 0 || b >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(12);
  });
});

describe('detectDialect', () => {
  it('finds the line break even when the user fixes the delimiter', () => {
    expect(detectDialect('a|b\r1|2\r', '|')).toEqual({ delimiter: '|', linebreak: '\r' });
  });
});
