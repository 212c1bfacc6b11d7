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
