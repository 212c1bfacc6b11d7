import type { CategoricalColumn } from './dataset';

/** A column whose spellings were merged, and the sentence that says so. */
export interface MergedSpellings {
  column: CategoricalColumn;
  note: string;
}

/**
 * Merges the spellings of a hand-typed two-valued column: when case-folding turns its
 * values (already trimmed) into exactly two, `Yes`, `YES` and `yes` become one value `yes`.
 * Only then: a column of three real values, or one whose spellings fold into a single
 * value, is left as it is. `padded` says whether some cells had spaces around them.
 */
export function mergeSpellings(column: CategoricalColumn, padded: boolean): MergedSpellings | null {
  const { levels } = column;
  if (levels.length <= 2) return null;
  const folded: string[] = [];
  const groupOf: number[] = [];
  // Stops at the third folded value: a column of a million ids costs three lookups, not a million.
  for (const level of levels) {
    const key = level.toLowerCase();
    let at = folded.indexOf(key);
    if (at === -1) {
      if (folded.length === 2) return null;
      at = folded.push(key) - 1;
    }
    groupOf.push(at);
  }
  if (folded.length !== 2) return null;
  const codes = column.codes.map((code) => (code < 0 ? -1 : groupOf[code]));
  const spelled = folded.map((value, g) => {
    const spellings = levels.filter((_, i) => groupOf[i] === g);
    return `${spellings.map((s) => `"${s}"`).join(', ')} read as "${value}"`;
  });
  const spaces = padded ? ' (spaces around values ignored)' : '';
  return { column: { ...column, codes, levels: folded }, note: `${column.name}: ${spelled.join('; ')}${spaces}.` };
}
