import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ParseCancelled } from '../../../src/data/errors';
import { DEFAULT_READ_OPTIONS, readDataFile } from '../../../src/data/read-file';
import { datasetOf } from './helpers';

describe('readDataFile', () => {
  it('fingerprints the bytes with SHA-256', async () => {
    const text = 'x,label\n1,yes\n2,no\n';
    const d = await datasetOf(text);
    expect(d.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('refuses a zip that is cut short before parsing it', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]);
    await expect(datasetOf(zip, {}, 'book.xlsx')).rejects.toThrow(/book\.xlsx looks like an Excel workbook \(a zip archive\) but is damaged or incomplete/);
  });

  it('reads UTF-16 text with its byte order mark and says so', async () => {
    const text = 'a\tlabel\n1\tyes\n2\tno\n';
    const bytes = new Uint8Array(2 + 2 * text.length);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const d = await datasetOf(bytes);
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'label']);
    expect(d.notes[0]).toBe('Read as UTF-16LE text (the file starts with a UTF-16 byte order mark).');
    expect(d.encoding).toBe('utf-16le');
  });

  it('reports progress and can be cancelled', async () => {
    const file = new File(['a,b\n' + '1,2\n'.repeat(300_000)], 'long.csv');
    const controller = new AbortController();
    const seen: number[] = [];
    const run = readDataFile(file, DEFAULT_READ_OPTIONS, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.rows);
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow(ParseCancelled);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
  });
});
