/**
 * An .xlsx workbook opened for reading: its sheets in order (from workbook.xml and its
 * relationships), which cell styles are dates (styles.xml), whether serial days count from 1900
 * or 1904, and the shared strings the cells point into. Every part is scanned by xml-scan, so
 * no XML library is loaded.
 */
import type { ByteSource } from './byte-source';
import { DataError } from './errors';
import { entryChunks, entryText, readZipDirectory, type ZipEntry } from './zip-directory';
import { attribute, decodeExcelEscapes, XmlScanner, type XmlHandler } from './xml-scan';

export interface SheetInfo {
  name: string;
  /** Where its XML is in the archive; null for a chart sheet or a part that is missing. */
  entry: ZipEntry | null;
  hidden: boolean;
}

export interface Workbook {
  source: ByteSource;
  sheets: SheetInfo[];
  /** Serial day 0 is 1904-01-01 (old Mac Excel) rather than 1899-12-30. */
  date1904: boolean;
  /** By cell style index: 1 when its number format shows a date. */
  dateStyles: Uint8Array;
  strings: string[];
  maxInflatedBytes: number;
}

/** Most bytes the small parts (sheet list, relationships, styles) may unpack to. */
const SMALL_PART_BYTES = 64 * 2 ** 20;

/** Excel's built-in number formats that show a date (14–17, 22; 27–36 and 50–58 in East Asian versions). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Opens a workbook's index; the cells are read by xlsx-sheet. */
export async function openWorkbook(source: ByteSource, maxInflatedBytes: number): Promise<Workbook> {
  const entries = await readZipDirectory(source);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const workbookPath = await officeDocument(source, byName);
  const workbookEntry = byName.get(workbookPath);
  if (!workbookEntry) {
    if (byName.has('mimetype') || byName.has('content.xml'))
      throw new DataError(`${source.name} is an OpenDocument spreadsheet (.ods), which Cutoff does not read. Save it as .xlsx or CSV.`);
    const names = entries.slice(0, 3).map((e) => e.name);
    throw new DataError(
      `${source.name} is a zip archive (holding ${names.join(', ')}${entries.length > 3 ? ', …' : ''}), not an Excel workbook. Unzip it and drop the CSV, Parquet or .xlsx file inside.`,
    );
  }
  const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsEntry = byName.get(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
  const rels = relsEntry ? relationships(await entryText(source, relsEntry, SMALL_PART_BYTES), folder) : new Map<string, Relationship>();
  const { sheets, date1904 } = sheetList(await entryText(source, workbookEntry, SMALL_PART_BYTES), rels, byName);
  const styles = [...rels.values()].find((r) => r.type.endsWith('/styles'));
  const stylesEntry = styles ? byName.get(styles.target) : undefined;
  const strings = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const stringsEntry = strings ? byName.get(strings.target) : undefined;
  return {
    source,
    sheets,
    date1904,
    dateStyles: stylesEntry ? dateStyles(await entryText(source, stylesEntry, SMALL_PART_BYTES)) : new Uint8Array(0),
    strings: stringsEntry ? await sharedStrings(source, stringsEntry, maxInflatedBytes) : [],
    maxInflatedBytes,
  };
}

interface Relationship {
  type: string;
  target: string;
}

/** The workbook part named by the package's relationships (xl/workbook.xml as Excel writes it). */
async function officeDocument(source: ByteSource, byName: Map<string, ZipEntry>): Promise<string> {
  const root = byName.get('_rels/.rels');
  if (!root) return 'xl/workbook.xml';
  const rels = relationships(await entryText(source, root, SMALL_PART_BYTES), '');
  return [...rels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
}

/** Relationship ids to their type and target, the target made a path in the archive. */
function relationships(xml: string, folder: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  scan(xml, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const id = attribute(attrs, 'Id');
      const target = attribute(attrs, 'Target');
      if (id === null || target === null || attribute(attrs, 'TargetMode') === 'External') return;
      found.set(id, { type: attribute(attrs, 'Type') ?? '', target: resolvePath(folder, target) });
    },
  });
  return found;
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function sheetList(xml: string, rels: Map<string, Relationship>, byName: Map<string, ZipEntry>): { sheets: SheetInfo[]; date1904: boolean } {
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  scan(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const value = attribute(attrs, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
      if (name !== 'sheet') return;
      // The relationship id is `r:id` in Excel's files; another prefix is allowed.
      const id = attribute(attrs, 'r:id') ?? /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(` ${attrs}`)?.[1] ?? '';
      const rel = rels.get(id);
      const worksheet = rel !== undefined && rel.type.endsWith('/worksheet');
      const state = attribute(attrs, 'state');
      sheets.push({
        name: attribute(attrs, 'name') ?? `Sheet${sheets.length + 1}`,
        entry: worksheet ? (byName.get(rel.target) ?? null) : null,
        hidden: state === 'hidden' || state === 'veryHidden',
      });
    },
  });
  return { sheets, date1904 };
}

/** Which cell styles (cellXfs, by index) show their number as a date. */
function dateStyles(xml: string): Uint8Array {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scan(xml, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(attribute(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return Uint8Array.from(formats, (id) => {
    const code = custom.get(id);
    return (code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code)) ? 1 : 0;
  });
}

/**
 * True when a number format shows a date: its first section has a day or year part once quoted
 * text, escaped characters, padding and [colour]/[locale] codes are taken out. A time of day
 * alone (`h:mm`) or an elapsed time (`[h]:mm`) stays a number, a fraction of a day.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare.split(';')[0]);
}

/** The shared strings, in order: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
async function sharedStrings(source: ByteSource, entry: ZipEntry, maxBytes: number): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const scanner = new XmlScanner({
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inText = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== null) {
        strings.push(decodeExcelEscapes(current.join('')));
        current = null;
      }
    },
    text(text) {
      if (inText && current !== null) current.push(text);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of entryChunks(source, entry, maxBytes)) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  return strings;
}

/** Scans a whole small part. */
function scan(xml: string, handler: Partial<XmlHandler>): void {
  const scanner = new XmlScanner({ open: handler.open ?? noop, close: handler.close ?? noop, text: handler.text ?? noop });
  scanner.push(xml);
}

function noop(): void {
  // Nothing to do for this part.
}
