/**
 * Which text encoding a CSV's bytes are in, and decoding them while they stream in. Excel
 * saves "CSV" in the machine's ANSI code page (Windows-1252 in Western Europe) and "Unicode
 * text" as UTF-16 with a byte order mark; everything else is UTF-8.
 */

/** The encodings Cutoff reads. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

/** What the user may choose instead of detection; 'utf-16' takes its byte order from the BOM. */
export const ENCODING_CHOICES = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16'] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

/** How each encoding is named on the page. */
export function encodingName(encoding: TextEncoding | EncodingChoice): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-16':
      return 'UTF-16';
    case 'utf-16le':
      return 'UTF-16LE';
    case 'utf-16be':
      return 'UTF-16BE';
    case 'windows-1252':
      return 'Windows-1252';
    case 'iso-8859-1':
      return 'ISO-8859-1';
  }
}

/** The encoding a byte order mark at the start of the bytes announces, or null without one. */
export function encodingFromBom(head: Uint8Array): TextEncoding | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  return null;
}

/**
 * True when the bytes are valid UTF-8, allowing a character cut off at the end (the bytes are
 * the first chunk of a longer file).
 */
export function isValidUtf8(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding to read a file in, from its first chunk: the user's choice; else a BOM; else
 * UTF-8 when the bytes are valid UTF-8, and Windows-1252 (which decodes any byte) when not.
 */
export function detectEncoding(head: Uint8Array, choice: EncodingChoice | null = null): TextEncoding {
  const bom = encodingFromBom(head);
  if (choice === 'utf-16') return bom === 'utf-16be' ? 'utf-16be' : 'utf-16le';
  if (choice !== null) return choice;
  if (bom !== null) return bom;
  return isValidUtf8(head) ? 'utf-8' : 'windows-1252';
}

/** Decodes a stream of byte chunks; a character split across two chunks is decoded whole. */
export interface StreamDecoder {
  decode(chunk: Uint8Array, last: boolean): string;
}

/**
 * A streaming decoder for an encoding. The single-byte encodings are decoded by hand: the
 * Encoding Standard (and so a browser's TextDecoder) reads the label ISO-8859-1 as
 * Windows-1252, and Node's TextDecoder reads Windows-1252 as ISO-8859-1; they differ in
 * bytes 0x80–0x9F (`€`, `‘`, `Ÿ`… in Windows-1252, control characters in ISO-8859-1).
 */
export function streamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'iso-8859-1') return { decode: (chunk) => singleByte(chunk, null) };
  if (encoding === 'windows-1252') return { decode: (chunk) => singleByte(chunk, CP1252_HIGH) };
  const decoder = new TextDecoder(encoding);
  return { decode: (chunk, last) => decoder.decode(chunk, { stream: !last }) };
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five unassigned ones as their byte, as browsers do). */
const CP1252_HIGH = Uint16Array.from('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ', (ch) => ch.charCodeAt(0));

/** Characters decoded per String.fromCharCode call: well under any engine's argument limit. */
const BLOCK = 8192;

function singleByte(chunk: Uint8Array, high: Uint16Array | null): string {
  let text = '';
  const codes = new Uint16Array(Math.min(BLOCK, chunk.length));
  for (let at = 0; at < chunk.length; at += BLOCK) {
    const n = Math.min(BLOCK, chunk.length - at);
    for (let i = 0; i < n; i++) {
      const byte = chunk[at + i];
      codes[i] = high !== null && byte >= 0x80 && byte < 0xa0 ? high[byte - 0x80] : byte;
    }
    text += String.fromCharCode(...codes.subarray(0, n));
  }
  return text;
}
