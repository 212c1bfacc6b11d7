import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellNumber } from '../../../src/data/cell-value';
import { readDate } from '../../../src/data/date-cell';
import { fitPreprocessor } from '../../../src/data/preprocess';
import { featureColumns } from '../../../src/data/features';
import { datasetOf } from './helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/data/${name}`, import.meta.url)));

describe('readDate', () => {
  it('reads the forms the tools write, as days since 1970-01-01', () => {
    expect(readDate('1970-01-02')).toEqual({ days: 1, form: 'ISO 8601 date' });
    expect(readDate('2020-01-01')?.days).toBe(18262);
    expect(readDate('01JAN2020')).toEqual({ days: 18262, form: 'SAS DATE9.' });
    expect(readDate('1jan2020')?.days).toBe(18262);
    expect(readDate('01JAN2020:12:00:00')).toEqual({ days: 18262.5, form: 'SAS DATETIME.' });
    expect(readDate('2020/01/01')).toEqual({ days: 18262, form: 'year/month/day' });
    // psql's timestamptz, JavaScript's toISOString, pandas' naive date-time.
    expect(readDate('2020-01-01 12:00:00+00')).toEqual({ days: 18262.5, form: 'ISO 8601 date-time' });
    expect(readDate('2020-01-01T12:00:00.000Z')?.days).toBe(18262.5);
    expect(readDate('2020-01-01 12:00')?.days).toBe(18262.5);
    expect(readDate('2020-01-01T12:00:00+02:00')?.days).toBeCloseTo(18262.5 - 2 / 24, 12);
    expect(readDate('2020-01-01T12:00:00-0530')?.days).toBeCloseTo(18262.5 + 5.5 / 24, 12);
  });

  it('refuses what is not a real day or is ambiguous', () => {
    for (const text of ['2021-02-29', '2020-13-01', '2020-01-32', '31FOO2020', '03/04/2020', '20200101', '12345678', '2020-01-01T25:00', 'soon', '', '2020-01-01 10:00:00+19'])
      expect(readDate(text), text).toBeNull();
    expect(readDate('2020-02-29')?.days).toBe(18321);
  });

  it('agrees with Date.UTC on every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(readDate(iso)?.days).toBeCloseTo(ms / 86_400_000, 9);
        expect(readDate(iso.slice(0, 10))?.days).toBe(Math.floor(ms / 86_400_000));
      }),
    );
  });
});

describe('date columns', () => {
  it('a psql export: timestamptz, dates with NULLs and ISO time stamps become numbers, in the page and the command', async () => {
    const d = await datasetOf(fixture('psql-dates.csv'), {}, 'psql-dates.csv');
    const byName = (name: string) => d.columns.find((c) => c.name === name);
    for (const [name, form] of [
      ['signed_up_at', 'ISO 8601 date-time'],
      ['first_order', 'ISO 8601 date'],
      ['last_seen_utc', 'ISO 8601 date-time'],
    ] as const) {
      const column = byName(name);
      if (column?.kind !== 'numeric') throw new Error(`${name} is not numeric`);
      expect(column.dateForm).toBe(form);
      expect(column.readAs).toContain('days since 1970-01-01');
    }
    const first = byName('first_order');
    if (first?.kind !== 'numeric') throw new Error('first_order');
    expect(first.missing).toBe(30);
    expect(first.values[0]).toBe(cellNumber('2022-02-02', false));
    const signed = byName('signed_up_at');
    if (signed?.kind !== 'numeric') throw new Error('signed_up_at');
    expect(signed.values[1]).toBe(cellNumber('2021-03-03 02:02:00+00', false));
  });

  it('a SAS DATE9. column is one model input with a note, never one input per day', async () => {
    const d = await datasetOf(fixture('sas-export.csv'), {}, 'sas-export.csv');
    const visit = d.columns.find((c) => c.name === 'VISIT');
    expect(visit?.kind).toBe('numeric');
    const columns = featureColumns(d, 'BAD', ['ID', 'P_BAD1', 'I_BAD']);
    const rows = Uint32Array.from({ length: d.rowCount }, (_, i) => i);
    const pre = fitPreprocessor(columns, rows);
    expect(pre.inputs.filter((name) => name.startsWith('VISIT'))).toEqual(['VISIT']);
    expect(pre.notes).toContain('"VISIT" holds dates (SAS DATE9.): it enters the model as one number, days since 1970-01-01.');
  });

  it('a column with one text cell among dates stays text; dates written two ways stay text', async () => {
    const mixed = await datasetOf('d,y\n2020-01-01,0\n2020-01-02,1\nsoon,0\n');
    expect(mixed.columns[0].kind).toBe('categorical');
    const twoWays = await datasetOf('d,y\n2020-01-01,0\n02JAN2020,1\n');
    expect(twoWays.columns[0].kind).toBe('categorical');
    const isoMix = await datasetOf('d,y\n2020-01-01,0\n2020-01-02 06:00:00,1\n');
    expect(isoMix.columns[0].kind === 'numeric' && isoMix.columns[0].dateForm).toBe('ISO 8601 date-time');
  });
});
