/**
 * A label cell as the page names its class: trimmed, a number written as JavaScript writes it
 * (`1.0` and `1` are the class "1", as in a numeric column), nothing for a missing token. Two
 * labels are the same class when they match ignoring case, as the page merges `Yes`/`yes`.
 */
import { isMissingToken } from './missing';
import { readNumber } from './number-cell';

/** The class a label cell names; null when the cell holds no value. */
export function labelOfCell(text: string, decimalComma = false): string | null {
  const trimmed = text.trim();
  if (isMissingToken(trimmed)) return null;
  const number = readNumber(trimmed, decimalComma);
  return number === number ? String(number) : trimmed;
}

/** The key two spellings of one class share. */
export function labelKey(label: string): string {
  return label.toLowerCase();
}

/** True when two labels name the same class. */
export function sameLabel(a: string, b: string): boolean {
  return a === b || labelKey(a) === labelKey(b);
}

/**
 * The one list of yes/no spellings, lower case, the "yes" one first: read as a label's truth, as
 * a boolean-looking column, and as the positive class on a tie in counts.
 */
export const YES_NO_SPELLINGS: readonly (readonly [string, string])[] = [
  ['yes', 'no'],
  ['true', 'false'],
  ['y', 'n'],
  ['t', 'f'],
  ['1', '0'],
  ['positive', 'negative'],
  ['pos', 'neg'],
];

const TRUE_SPELLINGS = new Set(YES_NO_SPELLINGS.map(([yes]) => yes));
const FALSE_SPELLINGS = new Set(YES_NO_SPELLINGS.map(([, no]) => no));

/** The truth a yes/no spelling stands for (`1`, `True`, `yes`, …); null for any other label. */
export function truthOf(label: string): boolean | null {
  const key = labelKey(label.trim());
  if (TRUE_SPELLINGS.has(key)) return true;
  if (FALSE_SPELLINGS.has(key)) return false;
  return null;
}
