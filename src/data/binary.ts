/**
 * True when the start of a file looks like binary data rather than text: a NUL byte, or
 * many control characters. Spreadsheets saved as .xlsx and images are caught here.
 */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

/** True when the bytes start with Parquet's magic number `PAR1`. */
export function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** True when the bytes start like a zip archive, which is what .xlsx and .ods workbooks are. */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** True when the bytes start like an OLE compound file: an Excel 97–2003 .xls, or a password-protected .xlsx. */
export function isCompoundFile(head: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return head.length >= 8 && magic.every((byte, i) => head[i] === byte);
}

/**
 * What a compound file holds, by its streams' names (UTF-16 in its directory): Office's
 * password protection puts an .xlsx into an "EncryptedPackage" stream; an old workbook has a
 * "Workbook" (or "Book") stream.
 */
export function compoundFileKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'other' {
  if (hasUtf16(bytes, 'EncryptedPackage')) return 'encrypted';
  return hasUtf16(bytes, 'Workbook') || hasUtf16(bytes, 'Book') ? 'xls' : 'other';
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let at = bytes.indexOf(first); at >= 0 && at + text.length * 2 <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    for (let i = 0; i < text.length; i++) if (bytes[at + 2 * i] !== text.charCodeAt(i) || bytes[at + 2 * i + 1] !== 0) continue outer;
    return true;
  }
  return false;
}
