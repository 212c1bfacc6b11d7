/**
 * The columns `cutoff check` reads: the options first, then what the export names, each found
 * as FILE writes it. A name that starts like a formula (`=sc`) is written by `cutoff curve` and
 * `apply` with a leading apostrophe (the CSV writer's guard), so `'=sc` in FILE is taken for it,
 * with a note: the round trip holds without defusing the headers less.
 */
import { guardedText } from '../data/csv-writer';
import type { OperatingPoint } from '../session/operating-point';
import { InputError } from './errors';

export interface CheckColumnOptions {
  score?: string;
  label?: string;
  positive?: string;
  weight?: string;
  /** The export's group column under another name in FILE (an engine's GROUP BY output, a renamed column). */
  group?: string;
}

/** The file's columns: options first, then what the export names; `count` of a score,label[,group],count table as weight. */
export function columnsFor(point: OperatingPoint, options: CheckColumnOptions, fileColumns: readonly string[]) {
  const notes: string[] = [];
  const asWritten = (name: string): string => {
    if (fileColumns.includes(name)) return name;
    const guarded = guardedText(name);
    if (guarded === name || !fileColumns.includes(guarded)) return name;
    notes.push(`the column "${name}" is read from "${guarded}", as the CSV writer's formula guard wrote it`);
    return guarded;
  };
  const score = asWritten(options.score ?? (point.source.kind === 'scores' ? point.source.scoreColumn : 'score'));
  const label = asWritten(options.label ?? point.label.column);
  if (options.group !== undefined && !point.groups) throw new InputError('--group names the column of per-group thresholds, but this operating point has none');
  const group = point.groups ? asWritten(options.group ?? point.groups.column) : null;
  let weight = options.weight === undefined ? null : asWritten(options.weight);
  if (weight === null && point.source.kind === 'scores' && point.source.weightColumn) {
    const recorded = asWritten(point.source.weightColumn);
    if (fileColumns.includes(recorded)) weight = recorded;
  }
  // `cutoff curve` output: score,label,count, or score,label,group,count with --group.
  const aggregated = fileColumns.length === 3 || (fileColumns.length === 4 && group !== null && fileColumns.includes(group));
  if (weight === null && aggregated && fileColumns.includes('count') && fileColumns.includes(score) && fileColumns.includes(label)) {
    weight = 'count';
    notes.push(`read as aggregated ${fileColumns.length === 4 ? 'score,label,group,count' : 'score,label,count'} rows: "count" is each row's weight`);
  }
  // Without the label column (and none named), a scoring job's output: drift only.
  const labelled = options.label !== undefined || fileColumns.includes(label);
  return { score, label, labelled, weight, aggregated: weight === 'count' && options.weight === undefined, positive: options.positive ?? point.label.positive, group, notes };
}
