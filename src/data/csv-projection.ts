/**
 * The hand split of an unquoted chunk for a reader that wants a few columns of a wide file
 * (the command): only the projected cells are made, and every row's field count is still
 * checked, so a ragged row is refused as the page refuses it.
 */

/** The row a blank line becomes in a projected batch (compared by identity). */
export const BLANK_ROW: string[] = [''];

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
export function splitProjected(text: string, end: number, delimiter: string, projection: { fields: Int32Array; width: number }, firstLine: number) {
  const { fields, width } = projection;
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
      if (
        text
          .slice(start, stop)
          .split(delimiter)
          .every((c) => c.trim() === '')
      )
        rows.push(BLANK_ROW);
      else throw new RaggedRow(line, field + 1);
    } else rows.push(cells);
    lineList.push(line);
    start = next;
  }
  return { rows, lines: Uint32Array.from(lineList), line };
}
