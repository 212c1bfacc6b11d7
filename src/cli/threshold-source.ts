/** Reads a per-threshold count table (src/data/threshold-table) whole: such tables are small. */
import { recognizeThresholdTable, thresholdBins, THRESHOLD_TABLE_NAMES, type ThresholdBins, type ThresholdRow, type ThresholdTableLayout } from '../data/threshold-table';
import { DataError } from '../data/errors';
import { cellNumber, cellText } from './cells';
import { InputError } from './errors';
import type { Table } from './table-reader';

/** More rows than this is not a threshold table but a scored file with odd column names. */
const MAX_THRESHOLD_ROWS = 1_000_000;

export interface ReadThresholdTable extends ThresholdBins {
  layout: ThresholdTableLayout;
  /** e.g. "BigQuery ML ML.ROC_CURVE". */
  name: string;
}

export function thresholdLayoutOf(table: Table): ThresholdTableLayout | null {
  return recognizeThresholdTable(table.columns);
}

export async function readThresholdTable(table: Table, layout: ThresholdTableLayout, file: string): Promise<ReadThresholdTable> {
  const rows: ThresholdRow[] = [];
  const wanted = [layout.threshold, layout.tp, layout.fp, layout.tn, layout.fn];
  for await (const batch of table.batches(wanted)) {
    const at = wanted.map((c) => batch.layout.indexOf(c));
    for (let i = 0; i < batch.rows.length; i++) {
      const row = batch.rows[i];
      const values = at.map((j) => cellNumber(row[j], table.decimalComma));
      const bad = values.findIndex((v) => Number.isNaN(v));
      if (bad >= 0) throw new InputError(`${file} row ${batch.firstRow + i}: "${cellText(row[at[bad]]).slice(0, 40)}" in column "${wanted[bad]}" is not a number`);
      rows.push({ threshold: values[0], tp: values[1], fp: values[2], tn: values[3], fn: values[4] });
      if (rows.length > MAX_THRESHOLD_ROWS) throw new InputError(`${file} looks like a ${THRESHOLD_TABLE_NAMES[layout.kind]} table but has over ${MAX_THRESHOLD_ROWS} rows`);
    }
  }
  try {
    return { ...thresholdBins(rows), layout, name: THRESHOLD_TABLE_NAMES[layout.kind] };
  } catch (error) {
    if (error instanceof DataError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}
