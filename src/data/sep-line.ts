/**
 * Excel's `sep=;` first line: Excel writes it (and reads it) to say which delimiter the file
 * uses, whatever the machine's list separator. It is not a row of the table.
 */
const SEP_LINE = /^sep=(.)(\r\n|\n|\r|$)/i;

/** The delimiter a `sep=X` first line names, and how many characters the line takes; null without one. */
export function readSepLine(text: string): { delimiter: string; length: number } | null {
  const match = SEP_LINE.exec(text);
  if (!match || match[1] === '"' || match[1] === '\r' || match[1] === '\n') return null;
  return { delimiter: match[1], length: match[0].length };
}
