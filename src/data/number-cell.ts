/**
 * Reading one CSV cell as a number, on the hot path of typing every cell of a file: the
 * common shapes go straight to `Number()`, only padded or unusual text reaches a regex.
 */

const STRICT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(\d+,\d*|,\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(inf|infinity|∞)$/i;

function startsNumber(code: number): boolean {
  // digit, '+', '-', '.'
  return (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46;
}

function endsNumber(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46;
}

/** 'x', 'b', 'o' in either case: `Number('0x1f')` is 31, but a CSV cell 0x1f is text. */
function isRadixLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower === 120 || lower === 98 || lower === 111;
}

/**
 * The number a cell holds, ±Infinity for an infinite one (`inf`, `-Infinity`, `1e999`), or NaN
 * when it holds text or nothing. Surrounding spaces are ignored; hex, binary and octal literals
 * are text. With `decimalComma` (files delimited by `;`), `1,5` reads as 1.5.
 */
export function readNumber(cell: string, decimalComma = false): number {
  const n = cell.length;
  if (n === 0) return Number.NaN;
  const first = cell.charCodeAt(0);
  if (startsNumber(first) && endsNumber(cell.charCodeAt(n - 1))) {
    if (first === 48 && n > 2 && isRadixLetter(cell.charCodeAt(1))) return Number.NaN;
    const value = +cell;
    if (value === value) return value;
    return decimalComma ? commaNumber(cell) : Number.NaN;
  }
  return slowNumber(cell.trim(), decimalComma);
}

function slowNumber(text: string, decimalComma: boolean): number {
  if (text === '') return Number.NaN;
  if (STRICT_NUMBER.test(text)) return Number(text);
  const infinite = INFINITY.exec(text);
  if (infinite) return infinite[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return decimalComma ? commaNumber(text) : Number.NaN;
}

function commaNumber(text: string): number {
  return DECIMAL_COMMA.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
}
