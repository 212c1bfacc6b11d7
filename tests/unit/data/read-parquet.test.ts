import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/data/byte-source';
import type { Column } from '../../../src/data/dataset';
import { findColumn } from '../../../src/data/dataset';
import { ParseCancelled } from '../../../src/data/errors';
import { suggestLabel } from '../../../src/data/label-suggestion';
import { readParquet } from '../../../src/data/read-parquet';
import { datasetOf } from './helpers';

/** Fixtures written by DuckDB: tests/fixtures/data/write-parquet.mjs. */
const FIXTURES = join(import.meta.dirname, '../../fixtures/data');

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(FIXTURES, name)));
}

function kinds(columns: readonly Column[]): string[] {
  return columns.map((c) => `${c.name}:${c.kind}`);
}

describe('readParquet on files DuckDB wrote', () => {
  for (const codec of ['snappy', 'zstd', 'gzip']) {
    it(`reads ${codec} pages into the same typed columns as a CSV`, async () => {
      const d = await datasetOf(await fixture(`customers-${codec}.parquet`), {}, `customers-${codec}.parquet`);
      expect(d.format).toBe('parquet');
      expect(d.rowCount).toBe(5000);
      expect(kinds(d.columns)).toEqual(['customer_id:numeric', 'spend:numeric', 'age:numeric', 'city:categorical', 'member:categorical', 'churned:categorical']);
      // int64 (BigInt) → number; a nullable INTEGER has NaN where it is NULL (every tenth row).
      const id = findColumn(d, 'customer_id');
      expect(id?.kind === 'numeric' && [id.values[0], id.values[4999]]).toEqual([1, 5000]);
      const age = findColumn(d, 'age');
      expect(age?.missing).toBe(500);
      expect(age?.kind === 'numeric' && Number.isNaN(age.values[9])).toBe(true);
      // Dictionary-encoded strings with NULLs, and a boolean column read as two values.
      const city = findColumn(d, 'city');
      expect(city?.kind === 'categorical' && [...city.levels].sort()).toEqual(['Lima', 'Oslo', 'Pune', 'Rome']);
      expect(city?.missing).toBe(Math.floor(5000 / 17));
      const member = findColumn(d, 'member');
      expect(member?.kind === 'categorical' && [...member.levels].sort()).toEqual(['false', 'true']);
      expect(d.rowIdColumns).toEqual(['customer_id']);
      expect(suggestLabel(d)).toEqual({ column: 'churned', positive: 'yes' });
      expect(d.notes[0]).toContain(`${codec} compressed`);
    });
  }

  it('reads row group by row group, with progress, and stops on cancel', async () => {
    const bytes = await fixture('customers-snappy.parquet');
    const seen: number[] = [];
    await readParquet(memorySource('c.parquet', bytes), { onProgress: (p) => seen.push(p.rows) }, 'x');
    expect(seen).toEqual([2048, 4096, 5000]);
    const controller = new AbortController();
    const run = readParquet(memorySource('c.parquet', bytes), { signal: controller.signal, onProgress: () => controller.abort() }, 'x');
    await expect(run).rejects.toThrow(ParseCancelled);
  });

  it('refuses a table larger than the cell limit before decoding it', async () => {
    const run = readParquet(memorySource('c.parquet', await fixture('customers-zstd.parquet')), { maxCells: 1000 }, 'x');
    await expect(run).rejects.toThrow(/holds 5,000 rows of 6 columns, more than the 1,000 cells/);
  });

  it('leaves nested columns out and says so', async () => {
    const d = await datasetOf(await fixture('nested.parquet'), {}, 'nested.parquet');
    expect(d.columns.map((c) => c.name)).toEqual(['x', 'label']);
    expect(d.notes.join(' ')).toContain('Nested column "pair"');
  });

  it('refuses a .parquet name on bytes that are not Parquet', async () => {
    await expect(datasetOf('a,b\n1,2\n', {}, 'fake.parquet')).rejects.toThrow(/does not start like a Parquet file/);
  });
});

describe('Parquet dates', () => {
  it('DATE and TIMESTAMPTZ columns are days since 1970-01-01, as the command reads them', async () => {
    const d = await datasetOf(await fixture('dates.parquet'), {}, 'dates.parquet');
    const visit = findColumn(d, 'visit');
    const seen = findColumn(d, 'seen_at');
    if (visit?.kind !== 'numeric' || seen?.kind !== 'numeric') throw new Error('dates not numeric');
    expect([visit.values[0], visit.values[1]]).toEqual([18262, 18263]);
    expect(seen.values[1]).toBeCloseTo(18262 + 11 / 24, 9);
    expect(visit.readAs).toContain('read as dates');
  });
});
