import { DISTINCT_COUNT_CAP, type Column } from './dataset';
import { YES_NO_SPELLINGS } from './label-values';

/** What a column holds, as the column table shows it. */
export type ColumnType = 'numeric' | 'boolean' | 'categorical' | 'empty';

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Share of rows without a value, 0 … 1. */
  missingShare: number;
  /** More than half the rows have no value. */
  mostlyEmpty: boolean;
  /** Distinct present values, or null when more than DISTINCT_COUNT_CAP. */
  distinct: number | null;
  /** Cells holding ±Infinity (numeric columns only). */
  infinite: number;
}

/** Share of missing cells above which a column is flagged as mostly empty. */
export const MOSTLY_EMPTY_SHARE = 0.5;

/** True when a column's two values are a yes/no pair (`yes/no`, `true/false`, `1/0`, `Y/N`, `T/F`). */
export function isBooleanLike(column: Column): boolean {
  const values = column.kind === 'numeric' ? column.distinct : column.levels;
  if (values === null || values.length !== 2) return false;
  const [a, b] = values.map((v) => v.toLowerCase());
  return YES_NO_SPELLINGS.some(([yes, no]) => (a === yes && b === no) || (a === no && b === yes));
}

/** The column table's row for one column. */
export function summarizeColumn(column: Column, rowCount: number): ColumnSummary {
  const missingShare = rowCount === 0 ? 0 : column.missing / rowCount;
  const distinct = column.kind === 'numeric' ? column.distinctCount : column.levels.length;
  let type: ColumnType = column.kind;
  if (column.missing === rowCount) type = 'empty';
  else if (isBooleanLike(column)) type = 'boolean';
  return {
    name: column.name,
    type,
    missingShare,
    mostlyEmpty: missingShare > MOSTLY_EMPTY_SHARE,
    distinct,
    infinite: column.kind === 'numeric' ? column.infinite : 0,
  };
}

/** A distinct count as text: "12", or "> 1000" past the cap. */
export function describeDistinct(distinct: number | null): string {
  return distinct === null ? `> ${DISTINCT_COUNT_CAP}` : String(distinct);
}
