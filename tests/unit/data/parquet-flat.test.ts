/**
 * The flat-column page reader (src/data/parquet-flat) against hyparquet's own reader: the same
 * values, row for row, on files DuckDB writes with nulls, dictionaries, every common type,
 * several pages a group and both data page versions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/data/byte-source';
import { allDefined } from '../../../src/data/parquet-flat';
import { openParquetFile } from '../../../src/data/parquet-file';

const dir = mkdtempSync(join(tmpdir(), 'cutoff-parquet-flat-'));
const files: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE t AS SELECT i AS id,
    CASE WHEN i % 7 = 0 THEN NULL ELSE (hash(i) % 1000003) / 1000003.0 END AS score,
    CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 3)::INTEGER END AS label,
    CASE WHEN i % 13 = 0 THEN NULL ELSE ['Lima', 'Oslo', 'Pune'][1 + i % 3] END AS city,
    (i % 2 = 0) AS flag, (i * 1.25)::DECIMAL(12, 2) AS amount, DATE '2024-01-01' + (i % 400)::INTEGER AS day,
    (i % 5)::FLOAT AS small
    FROM range(30000) r(i)`);
  for (const [name, options] of [
    ['v1', "ROW_GROUP_SIZE 4096, COMPRESSION 'snappy'"],
    ['v2', "ROW_GROUP_SIZE 8192, COMPRESSION 'snappy', PARQUET_VERSION V2"],
    ['plain', "ROW_GROUP_SIZE 30000, COMPRESSION 'uncompressed', DICTIONARY_COMPRESSION_RATIO_THRESHOLD -1"],
  ] as const) {
    const path = join(dir, `${name}.parquet`);
    await c.run(`COPY t TO '${path}' (FORMAT parquet, ${options})`);
    files[name] = new Uint8Array(readFileSync(path));
  }
  c.closeSync();
  db.closeSync();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readGroup decodes flat columns as hyparquet does', () => {
  for (const name of ['v1', 'v2', 'plain']) {
    it(`on the ${name} file`, async () => {
      const bytes = files[name];
      const file = await openParquetFile(memorySource(`${name}.parquet`, bytes));
      const columns = file.columns.map((col) => col.name);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const expected = await parquetReadObjects({ file: buffer, metadata: parquetMetadata(buffer), columns });
      expect(file.groups.length).toBeGreaterThan(0);
      for (const group of file.groups) {
        const decoded = await file.readGroup(columns, group);
        for (const column of columns) {
          const values = decoded.get(column);
          expect(values?.length).toBe(group.rowEnd - group.rowStart);
          const got = Array.from(values ?? [], (v) => v);
          const want = expected.slice(group.rowStart, group.rowEnd).map((row) => row[column] as unknown);
          expect(got, `${column} rows ${group.rowStart}–${group.rowEnd}`).toEqual(want);
        }
      }
    });
  }
});

describe('allDefined: a page whose definition levels say every row has a value', () => {
  /** A v1 page: the levels' byte length, then the hybrid-encoded levels, then the values. */
  const page = (levels: number[], values: number[]) => {
    const bytes = [levels.length & 0xff, (levels.length >> 8) & 0xff, 0, 0, ...levels, ...values];
    return new Uint8Array(bytes);
  };
  it('is the values after one RLE run of level 1 over every row', () => {
    // 300 rows: the varint 600 (0xd8 0x04), then the level 1.
    expect(Array.from(allDefined(page([0xd8, 0x04, 1], [7, 8, 9]), 300) ?? [])).toEqual([7, 8, 9]);
  });
  it('is null for a shorter run, a run of nulls, or bit-packed levels (which may hold nulls)', () => {
    expect(allDefined(page([0xd8, 0x04, 1], [7]), 301)).toBeNull();
    expect(allDefined(page([0xd8, 0x04, 0], [7]), 300)).toBeNull();
    expect(allDefined(page([0x03, 0xff], [7]), 8)).toBeNull();
  });
});
