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
 * A streaming decoder for an encoding. ISO-8859-1 is decoded by hand: the Encoding Standard
 * (and so TextDecoder) treats that label as Windows-1252, which reads bytes 0x80–0x9F as
 * `€`, `‘`, … instead of the C1 control characters ISO-8859-1 has there.
 */
export function streamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'iso-8859-1') return { decode: latin1 };
  const decoder = new TextDecoder(encoding);
  return { decode: (chunk, last) => decoder.decode(chunk, { stream: !last }) };
}

/** Characters decoded per String.fromCharCode call: well under any engine's argument limit. */
const LATIN1_BLOCK = 8192;

function latin1(chunk: Uint8Array): string {
  let text = '';
  for (let at = 0; at < chunk.length; at += LATIN1_BLOCK) {
    text += String.fromCharCode(...chunk.subarray(at, at + LATIN1_BLOCK));
  }
  return text;
}
