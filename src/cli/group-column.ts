/**
 * The columns `choose` names, checked before anything is chosen: a `--group` column that cannot
 * split the cases into groups is exit 2 saying why and what would work, never silently one
 * threshold for everyone; a name the header holds twice, or one column named by two options, is
 * exit 2 too, never silently the first.
 */
import type { Dataset } from '../data/dataset';
import { findColumn } from '../data/dataset';
import { isGroupColumn, MAX_GROUPS } from '../decision/decision-inputs';
import { InputError } from './errors';
import { shown } from './shown';

/** A name the header holds more than once (the reader says which) is ambiguous, and so is one column named by two options. */
export function checkChooseColumns(dataset: Dataset, used: { score: string; label: string; weight?: string; group?: string }, file: string): void {
  const named: [string, string | undefined][] = [
    ['--score', used.score],
    ['--label', used.label],
    ['--weight', used.weight],
    ['--group', used.group],
  ];
  for (const [option, name] of named) {
    if (name !== undefined && dataset.duplicatedNames?.includes(name)) {
      throw new InputError(`${file} has more than one column named ${shown(name)}; rename all but one so ${option} names one column`);
    }
  }
  for (let i = 0; i < named.length; i++) {
    const other = named.slice(0, i).find(([, name]) => name !== undefined && name === named[i][1]);
    if (other) throw new InputError(`${other[0]} and ${named[i][0]} both name the column ${shown(named[i][1] ?? '')}; each needs its own column`);
  }
}

export function checkGroupColumn(dataset: Dataset, name: string, used: { score: string; label: string; weight?: string }, file: string): void {
  const column = findColumn(dataset, name);
  if (!column) {
    const names = dataset.columns
      .filter(isGroupColumn)
      .map((c) => c.name)
      .filter((c) => c !== used.score && c !== used.label);
    const offer = names.length > 0 ? `; columns that can be groups: ${names.slice(0, 8).map(shown).join(', ')}${names.length > 8 ? ', …' : ''}` : '';
    throw new InputError(`${file} has no column ${shown(name)} for --group${offer}`);
  }
  for (const [option, other] of [
    ['--score', used.score],
    ['--label', used.label],
    ['--weight', used.weight],
  ] as const) {
    if (other === name) throw new InputError(`--group names ${shown(name)}, which is also the ${option} column; name the column whose values get their own thresholds`);
  }
  if (isGroupColumn(column)) return;
  if (column.kind === 'categorical') {
    throw new InputError(
      `--group ${shown(name)} has ${column.levels.length} values; per-group thresholds take at most ${MAX_GROUPS} (one small ROC each): merge them into a new column with fewer groups`,
    );
  }
  const count = column.distinctCount === null ? 'more than 1000' : String(column.distinctCount);
  throw new InputError(`--group ${shown(name)} is a number column with ${count} distinct values: bin it into a column with a few groups (up to 20 numbers or ${MAX_GROUPS} names)`);
}
