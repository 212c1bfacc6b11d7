/**
 * Writes a minimal .xlsx the way Excel lays one out (shared strings, a styles part with date
 * formats, a workbook with its relationships), for tests that need what openpyxl does not write:
 * shared strings, phonetic runs, the 1904 date system, other prefixes, a huge sheet.
 */
import { zipSync, strToU8 } from 'fflate';

export interface TestSheet {
  name: string;
  /** The <sheetData> element's content, as written. */
  xml: string;
  hidden?: boolean;
  /** Written after </sheetData>, e.g. <mergeCells>. */
  after?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of the given sheets; style 1 is a date (numFmt 14), style 2 a custom date-time, style 3 a time of day. */
export function writeXlsx(sheets: TestSheet[], options: { strings?: string[]; date1904?: boolean; level?: 0 | 6 } = {}): Uint8Array {
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>`, `<Relationship Id="rIdT" Type="${R}/sharedStrings" Target="/xl/sharedStrings.xml"/>`);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="${NS}" count="${options.strings?.length ?? 0}">${(options.strings ?? []).map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('')}</sst>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${s.xml}</sheetData>${s.after ?? ''}</worksheet>`);
  });
  return zipSync(files, { level: options.level ?? 6 });
}

/** A <row> of cells: numbers as numbers, strings inline, null left out. */
export function row(r: number, cells: (number | string | null)[]): string {
  const xml = cells.map((cell, i) => {
    if (cell === null) return '';
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof cell === 'number' ? `<c r="${ref}"><v>${cell}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${cell}</t></is></c>`;
  });
  return `<row r="${r}">${xml.join('')}</row>`;
}
