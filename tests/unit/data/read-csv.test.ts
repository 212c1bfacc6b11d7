import { open, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamOf, type ByteSource } from '../../../src/data/byte-source';
import { CHUNK_BYTES } from '../../../src/data/csv-stream';
import { readCsv } from '../../../src/data/read-csv';
import { DEFAULT_READ_OPTIONS } from '../../../src/data/read-options';

const dir = await mkdtemp(join(tmpdir(), 'cutoff-read-csv-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A file on disk as the CLI would hand it over: read range by range, never whole. */
async function diskSource(path: string, name: string, reads: number[]): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path);
  const { size } = await handle.stat();
  return {
    name,
    size,
    read: async (start, end) => {
      const length = Math.min(end, size) - start;
      reads.push(length);
      const bytes = new Uint8Array(length);
      await handle.read(bytes, 0, length, start);
      return bytes;
    },
    close: () => handle.close(),
  };
}

describe('readCsv from any byte source (the CLI reads files this way)', () => {
  it('streams a file from disk chunk by chunk into the same Dataset', async () => {
    const path = join(dir, 'big.csv');
    let text = 'score,label\n';
    for (let i = 0; i < 150_000; i++) text += `${(i % 1000) / 1000},${i % 3 === 0 ? 'yes' : 'no'}\n`;
    await writeFile(path, text);
    const reads: number[] = [];
    const source = await diskSource(path, 'big.csv', reads);
    const d = await readCsv(streamOf(source, CHUNK_BYTES), source.size, DEFAULT_READ_OPTIONS, {}, 'f'.repeat(64));
    await source.close();
    expect(d.rowCount).toBe(150_000);
    expect(d.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical']);
    expect(Math.max(...reads)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(reads.length).toBeGreaterThan(2);
  });

  it('takes a larger cell limit from the caller (off a browser tab, the CLI may hold more)', async () => {
    const path = join(dir, 'small.csv');
    await writeFile(path, 'a,b\n1,2\n3,4\n5,6\n');
    const small = await diskSource(path, 'small.csv', []);
    await expect(readCsv(streamOf(small, CHUNK_BYTES), small.size, DEFAULT_READ_OPTIONS, { maxCells: 4 }, 'x')).rejects.toThrow(/more than 4 cells/);
    await small.close();
  });
});
