import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memorySource, streamOf } from '../../../src/data/byte-source';
import { DataError } from '../../../src/data/errors';
import { openInput } from '../../../src/data/open-input';
import { datasetOf } from './helpers';

const CSV = 'score,label\n' + Array.from({ length: 2000 }, (_, i) => `${(i % 100) / 100},${i % 4 === 0 ? 'yes' : 'no'}`).join('\n') + '\n';

describe('openInput: gzip and the format from the bytes, not the name', () => {
  it('inflates a .csv.gz as it streams and reads the same table', async () => {
    const plain = await datasetOf(CSV, {}, 'scores.csv');
    const packed = await datasetOf(gzipSync(CSV), {}, 'scores.csv.gz');
    expect(packed.rowCount).toBe(plain.rowCount);
    expect(packed.columns).toEqual(plain.columns);
    expect(packed.notes[0]).toMatch(/Unpacked from gzip/);
  });

  it('finds gzip by its bytes whatever the name, and reads a .gz that is plain text, saying so', async () => {
    expect((await datasetOf(gzipSync(CSV), {}, 'export.dat')).rowCount).toBe(2000);
    const named = await datasetOf(CSV, {}, 'scores.csv.gz');
    expect(named.rowCount).toBe(2000);
    expect(named.notes.join(' ')).toMatch(/named \.gz but is not gzip-compressed/);
  });

  it('refuses at once a gzip whose trailer says it unpacks past the limit, naming both sizes', async () => {
    const packed = gzipSync('score,label\n' + '0.5,1\n'.repeat(400_000));
    let inflated = false;
    const source = memorySource('bomb.csv.gz', packed);
    const watched = { ...source, read: (start: number, end: number) => ((inflated ||= start > 0 && end < packed.length - 4), source.read(start, end)) };
    await expect(openInput(watched, { maxInflatedBytes: 1 << 20 })).rejects.toThrow(
      /^bomb\.csv\.gz is gzip-compressed: \d+ KB that unpack to 2\.3 MB \(as its trailer says\), more than the 1\.0 MB that can be read here/,
    );
    // Only the head (to see it is gzip) and the trailer were read: nothing was inflated.
    expect(inflated).toBe(false);
    // Within the limit, the same file reads.
    await expect(openInput(memorySource('ok.csv.gz', packed), { maxInflatedBytes: 8 << 20 })).resolves.toMatchObject({ format: 'csv', gzip: true });
  });

  it('refuses a truncated gzip, naming it', async () => {
    const packed = gzipSync(CSV);
    await expect(datasetOf(packed.subarray(0, packed.length - 200), {}, 'cut.csv.gz')).rejects.toThrow(/cut\.csv\.gz is a gzip file that ends early \(truncated/);
  });

  it('refuses a gzip whose data is damaged', async () => {
    const packed = Uint8Array.from(gzipSync(CSV));
    for (let i = 20; i < 60; i++) packed[i] ^= 0xa5;
    await expect(datasetOf(packed, {}, 'bad.csv.gz')).rejects.toThrow(/bad\.csv\.gz (starts like a gzip file but its compressed data is damaged|is a gzip file that ends early)/);
  });

  it('refuses binary inside gzip, and a gzip that unpacks past the limit', async () => {
    const binary = new Uint8Array(5000).map((_, i) => (i * 37) % 7);
    await expect(datasetOf(gzipSync(binary), {}, 'blob.gz')).rejects.toThrow(/blob\.gz \(gzip-compressed\) is not a text CSV file/);
    const drain = async () => {
      // A stream has no trailer to read first: the limit is met while inflating.
      const input = await openInput(streamOf(memorySource('big.csv.gz', gzipSync(CSV)), 1 << 16), { maxInflatedBytes: 1000 });
      if (input.format !== 'csv') throw new Error('expected csv');
      for await (const chunk of input.stream.chunks()) void chunk;
    };
    await expect(drain()).rejects.toThrow(/big\.csv\.gz is gzip-compressed and unpacks to more than 1 KB/);
  });

  it('reads a gzip-compressed Parquet file whole', async () => {
    const { readFileSync } = await import('node:fs');
    const parquet = readFileSync(new URL('../../fixtures/data/customers-snappy.parquet', import.meta.url));
    const d = await datasetOf(gzipSync(parquet), {}, 'customers.parquet.gz');
    expect(d.format).toBe('parquet');
    expect(d.rowCount).toBe(5000);
  });

  it('says what a refused file is', async () => {
    await expect(datasetOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {}, 'book.xlsx')).rejects.toThrow(DataError);
    await expect(datasetOf(gzipSync(new Uint8Array(0)), {}, 'none.csv.gz')).rejects.toThrow(/gzip-compressed but holds nothing/);
  });
});
