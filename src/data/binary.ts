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

/**
 * The text encoding of a file from its first bytes: UTF-16 when it starts with a UTF-16 byte
 * order mark (Excel's "Unicode text" export), UTF-8 otherwise.
 */
export function sniffEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
