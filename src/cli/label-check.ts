/**
 * A check's label column against the export's positive class: a positive spelt another way
 * (`True` for `1`), a third class, or no positive at all is a configuration mistake (exit 2
 * with the fix), not a failed model (exit 1).
 */
import { labelKey, truthOf } from '../data/label-values';
import { InputError } from './errors';

/** Most distinct label values tracked; a column with more is no label. */
export const MAX_LABEL_VALUES = 64;

export class LabelTally {
  private readonly seen = new Map<string, { weight: number }>();
  /**
   * Each spelling's entry, so a row costs one lookup and no case fold: a label column holds a
   * few spellings over millions of rows. Bounded, as a column of many spellings is refused anyway.
   */
  private readonly bySpelling = new Map<string, { weight: number }>();

  /** The last spelling and its entry: one string compare per row in the usual case. */
  private last: { label: string; entry: { weight: number } } | null = null;

  add(label: string, weight: number): void {
    if (this.last !== null && this.last.label === label) {
      this.last.entry.weight += weight;
      return;
    }
    let entry = this.bySpelling.get(label);
    if (entry === undefined) {
      const key = labelKey(label);
      entry = this.seen.get(key);
      if (entry === undefined) {
        if (this.seen.size >= MAX_LABEL_VALUES) {
          throw new InputError(`the label column has more than ${MAX_LABEL_VALUES} distinct values; is it the label? Name the right one with --label`);
        }
        entry = { weight: 0 };
        this.seen.set(key, entry);
      }
      if (this.bySpelling.size < 4 * MAX_LABEL_VALUES) this.bySpelling.set(label, entry);
    }
    this.last = { label, entry };
    entry.weight += weight;
  }

  /** The classes seen, most frequent first, as the file spells them (case-folded). */
  get values(): string[] {
    return [...this.seen.entries()].sort((a, b) => b[1].weight - a[1].weight).map(([k]) => k);
  }

  /**
   * Refuses a label column that cannot be checked against `positive`: with three or more
   * classes (unless --positive named one), or without the positive class, saying how to fix it.
   */
  verify(positive: string, positiveGiven: boolean, column: string, file: string): void {
    const values = this.values;
    const shown = values
      .slice(0, 6)
      .map((v) => `"${v}"`)
      .join(', ');
    const has = values.includes(labelKey(positive));
    if (values.length >= 3 && !positiveGiven) {
      throw new InputError(
        `${file}: the label column "${column}" has ${values.length} classes (${shown}${values.length > 6 ? ', …' : ''}); check compares one class against the rest only when --positive names it (the export's positive class is "${positive}")`,
      );
    }
    if (has) return;
    const truth = truthOf(positive);
    const same = truth === null ? undefined : values.find((v) => truthOf(v) === truth);
    if (same !== undefined) {
      throw new InputError(
        `${file}: the label column "${column}" spells its classes ${shown}, the export's positive class is "${positive}": pass --positive ${same} (or write the labels as the export does)`,
      );
    }
    throw new InputError(
      `${file}: no row has the export's positive class "${positive}" in "${column}" (it holds ${shown}); name the positive class with --positive, or check the --label column`,
    );
  }
}
