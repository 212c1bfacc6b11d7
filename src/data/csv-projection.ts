/**
 * The hand split of an unquoted chunk for a reader that wants a few columns of a wide file
 * (the command): only the projected cells are made, and every row's field count is still
 * checked, so a ragged row is refused as the page refuses it.
 */

/** The row a blank line becomes in a projected batch (compared by identity). */
export const BLANK_ROW: string[] = [''];

/**
 * The row a ragged line becomes in a projected batch when the projection asks for the page's
 * rows (`pageRows`): the page counts ragged lines and names them all, so it is not thrown.
 */
export const RAGGED_ROW: string[] = [];

/** Which fields a projected split keeps, and how the table's rows are checked. */
export interface CsvProjection {
  /** The fields kept, by position, in the order their cells are wanted. */
  fields: Int32Array;
  /** The table's field count: every row is checked against it. */
  width: number;
  /**
   * Rows as the page's TableBuilder takes them: a ragged line is RAGGED_ROW (not thrown) and a
   * line of only delimiters and spaces is BLANK_ROW whatever its width, as the page skips it.
   */
  pageRows?: boolean;
}

/** A row with another number of fields than the table's, found while splitting by hand. */
export class RaggedRow extends Error {
  constructor(
    readonly line: number,
    readonly fields: number,
  ) {
    super(`line ${line} has ${fields} fields`);
  }
}

/**
 * The complete lines of `text[0, end)` split on the delimiter, keeping only the projected
 * fields (in projection order); blank lines give an empty row, as Papa gives `['']`.
 */
export function splitProjected(text: string, end: number, delimiter: string, projection: CsvProjection, firstLine: number) {
  const { fields, width, pageRows = false } = projection;
  let lastField = 0;
  for (const f of fields) lastField = Math.max(lastField, f);
  const slotOf = new Int32Array(lastField + 1).fill(-1);
  fields.forEach((f, slot) => (slotOf[f] = slot));
  const rows: string[][] = [];
  const lineList: number[] = [];
  let line = firstLine;
  const step = delimiter.length;
  for (let start = 0; start < end; line++) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop >= end) stop = end;
    const next = stop + 1;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop === start) {
      rows.push(BLANK_ROW);
      lineList.push(line);
      start = next;
      continue;
    }
    const cells = new Array<string>(fields.length);
    let field = 0;
    for (let at = start; ; field++) {
      let cut = text.indexOf(delimiter, at);
      if (cut < 0 || cut > stop) cut = stop;
      if (field <= lastField) {
        const slot = slotOf[field];
        if (slot >= 0) cells[slot] = text.slice(at, cut);
      }
      if (cut === stop) break;
      at = cut + step;
    }
    if (field + 1 !== width) {
      // A blank-looking row (only delimiters and spaces) is skipped by the readers, not refused.
      if (pageRows ? pageBlank(text, start, stop, delimiter) : blankLine(text, start, stop, delimiter)) rows.push(BLANK_ROW);
      else if (pageRows) rows.push(RAGGED_ROW);
      else throw new RaggedRow(line, field + 1);
    } else if (pageRows && pageBlank(text, start, stop, delimiter)) rows.push(BLANK_ROW);
    else rows.push(cells);
    lineList.push(line);
    start = next;
  }
  return { rows, lines: Uint32Array.from(lineList), line };
}

/** True when the line holds only delimiters and spaces. */
function blankLine(text: string, start: number, stop: number, delimiter: string): boolean {
  return text
    .slice(start, stop)
    .split(delimiter)
    .every((c) => c.trim() === '');
}

/** The page's blank row (TableBuilder's isBlank): only a line whose first cell is empty or starts with a space or control character is looked at whole. */
function pageBlank(text: string, start: number, stop: number, delimiter: string): boolean {
  return (text.charCodeAt(start) <= 32 || text.startsWith(delimiter, start)) && blankLine(text, start, stop, delimiter);
}
