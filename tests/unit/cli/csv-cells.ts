/** Reading back CSV the tests' commands write. */

/** Cells of a CSV written by Cutoff's writer (quoted cells with doubled quotes), one array per line. */
export function csvRows(text: string): string[][] {
  return csvCells(text).map((row) => row.map((cell) => cell ?? ''));
}

/**
 * Cells of a CSV, where an unquoted empty cell is null (as PostgreSQL's COPY … CSV writes NULL
 * with FORCE_QUOTE *) and a quoted one is text. Lines never hold a newline here.
 */
export function csvCells(text: string): (string | null)[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const cells: (string | null)[] = [];
      const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
      for (let m = re.exec(line); m !== null; m = re.exec(line)) {
        cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1] === '' ? null : m[1]);
        if (m[2] === '') break;
      }
      return cells;
    });
}
