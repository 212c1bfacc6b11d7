/**
 * One flat column chunk of a Parquet row group, decoded page by page with hyparquet's own page
 * decoders but without its list assembly. hyparquet assembles every OPTIONAL column (what
 * DuckDB, Spark and pandas write) value by value into a plain array, boxing each double, even
 * when a page holds no null: on a 10,000,000-row file that was a quarter of the command's time.
 * Here a page without nulls stays the typed array it was decoded into, and a page with nulls is
 * spread into an array holding null where a row has no value, as hyparquet gives it.
 */
import type { ColumnChunk, Compressors, DecodedArray, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, convertWithDictionary, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getTreePath } from 'hyparquet/src/schema.js';

type ColumnDecoder = Parameters<typeof readDataPage>[2];

/** The bytes of a column chunk, as hyparquet's own plan reads them: from the dictionary page (if any) on. */
export function columnChunkRange(chunk: ColumnChunk): { start: number; end: number } | null {
  const meta = chunk.meta_data;
  if (!meta || chunk.file_path) return null;
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  return { start, end: start + Number(meta.total_compressed_size) };
}

/**
 * The `rows` values of a top-level flat column from its chunk's bytes; null when the column is
 * not one this reader handles (nested, or repeated), so the caller reads it with parquetRead.
 */
export function readFlatColumn(bytes: Uint8Array, chunk: ColumnChunk, root: SchemaTree, rows: number, compressors: Compressors): ArrayLike<unknown> | null {
  const meta = chunk.meta_data;
  if (!meta || meta.path_in_schema.length !== 1) return null;
  const schemaPath = getTreePath(root, meta.path_in_schema);
  const element = schemaPath[schemaPath.length - 1].element;
  if (schemaPath.length !== 2 || element.repetition_type === 'REPEATED') return null;
  const decoder: ColumnDecoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    schemaPath,
    codec: meta.codec,
    parsers: DEFAULT_PARSERS,
    compressors,
    utf8: true,
  };
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  // The same column read as REQUIRED: for a page whose definition levels say every row has a value.
  const required: ColumnDecoder = {
    ...decoder,
    schemaPath: [schemaPath[0], { ...schemaPath[1], element: { ...element, repetition_type: 'REQUIRED' } }],
  };
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  let dictionary: DecodedArray | undefined;
  const pages: ArrayLike<unknown>[] = [];
  let count = 0;
  while (count < rows && reader.offset < bytes.byteLength - 1) {
    const header = parquetHeader(reader);
    const compressed = new Uint8Array(bytes.buffer, bytes.byteOffset + reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const size = header.dictionary_page_header?.num_values;
      if (size === undefined) throw new Error('parquet dictionary page header is undefined');
      const page = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, compressors);
      const pageReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
      dictionary = convert(readPlain(pageReader, decoder.type, size, element.type_length), decoder);
    } else if (header.type === 'DATA_PAGE') {
      const daph = header.data_page_header;
      if (!daph) throw new Error('parquet data page header is undefined');
      const page = decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, compressors);
      const values = maxDefinition === 1 ? allDefined(page, daph.num_values) : null;
      const { definitionLevels, dataPage } = values ? readDataPage(values, daph, required) : readDataPage(page, daph, decoder);
      pages.push(spread(convertWithDictionary(dataPage, dictionary, daph.encoding, decoder), definitionLevels, maxDefinition));
      count += daph.num_values;
    } else if (header.type === 'DATA_PAGE_V2') {
      const daph2 = header.data_page_header_v2;
      if (!daph2) throw new Error('parquet data page header v2 is undefined');
      const { definitionLevels, dataPage } = readDataPageV2(compressed, header, decoder);
      pages.push(spread(convertWithDictionary(dataPage, dictionary, daph2.encoding, decoder), definitionLevels, maxDefinition));
      count += daph2.num_rows;
    } else {
      throw new Error(`parquet unsupported page type: ${header.type}`);
    }
  }
  if (count < rows) throw new Error(`parquet column ${meta.path_in_schema.join('.')} holds ${count} of the row group's ${rows} rows`);
  return joinPages(pages, rows);
}

/**
 * A v1 data page's values without its definition levels, when those are one RLE run of the
 * maximum level 1 over every row (an OPTIONAL column with no null in the page, what DuckDB
 * writes): hyparquet would unpack that run into an array of one number a row only to find no
 * null. Null when the levels are anything else; the page is then read as it is.
 */
export function allDefined(page: Uint8Array, rows: number): Uint8Array | null {
  if (page.length < 6) return null;
  const length = new DataView(page.buffer, page.byteOffset, page.byteLength).getUint32(0, true);
  let at = 4;
  let header = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = page[at++];
    header += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80 && at < page.length && shift < 35);
  // Bit 0 clear: an RLE run of header / 2 copies of the next byte's value.
  if (header % 2 !== 0 || Math.floor(header / 2) < rows || page[at] !== 1 || at + 1 !== 4 + length) return null;
  return page.subarray(4 + length);
}

/** A page's values placed at their rows: itself when every row has one, else with null at the rows without. */
function spread(values: DecodedArray, levels: readonly number[] | undefined, maxDefinition: number): ArrayLike<unknown> {
  if (!levels || levels.length === 0) return values;
  const out = new Array<unknown>(levels.length);
  for (let i = 0, k = 0; i < levels.length; i++) out[i] = levels[i] === maxDefinition ? values[k++] : null;
  return out;
}

type TypedArray = Float64Array | Float32Array | Int32Array | BigInt64Array | Uint8Array;

/** The pages of a chunk as one array of `rows` values: one typed array when every page is one of the same kind. */
function joinPages(pages: readonly ArrayLike<unknown>[], rows: number): ArrayLike<unknown> {
  if (pages.length === 1 && pages[0].length === rows) return pages[0];
  const first = pages[0];
  const typed = ArrayBuffer.isView(first) && pages.every((p) => p.constructor === first.constructor);
  if (typed) {
    const Kind = first.constructor as new (length: number) => TypedArray;
    const out = new Kind(rows);
    let at = 0;
    for (const page of pages as TypedArray[]) {
      const part = at + page.length > rows ? page.subarray(0, rows - at) : page;
      (out as Float64Array).set(part as Float64Array, at);
      at += part.length;
    }
    return out;
  }
  const out = new Array<unknown>(rows);
  let at = 0;
  for (const page of pages) for (let i = 0; i < page.length && at < rows; i++) out[at++] = page[i];
  return out;
}
