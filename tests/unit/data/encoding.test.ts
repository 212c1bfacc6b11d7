import { describe, expect, it } from 'vitest';
import { detectEncoding, isValidUtf8, streamDecoder } from '../../../src/data/encoding';
import { findColumn } from '../../../src/data/dataset';
import { datasetOf } from './helpers';

/** Text as Windows-1252 bytes (only Latin-1 letters plus the euro sign here). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0)));
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + 2 * text.length);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return bytes;
}

const GERMAN = 'Tumorgröße;Maß;Preis €;label\n2,5;groß;10;ja\n3,1;klein;12;nein\n';

describe('encoding detection', () => {
  it('takes a BOM first, then UTF-8 when the bytes are valid, else Windows-1252', () => {
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(new TextEncoder().encode('größe'))).toBe('utf-8');
    expect(detectEncoding(cp1252('größe'))).toBe('windows-1252');
  });

  it('does not mistake a UTF-8 character cut off at the end of the first chunk for invalid bytes', () => {
    const bytes = new TextEncoder().encode('abc ß');
    expect(isValidUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
    expect(isValidUtf8(new Uint8Array([0x61, 0xdf, 0x61]))).toBe(false);
  });

  it('obeys the user: UTF-16 takes its byte order from the BOM', () => {
    expect(detectEncoding(cp1252('größe'), 'iso-8859-1')).toBe('iso-8859-1');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]), 'utf-16')).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0x61, 0]), 'utf-16')).toBe('utf-16le');
  });

  it('decodes a character split across two chunks whole', () => {
    const bytes = new TextEncoder().encode('aß');
    const decoder = streamDecoder('utf-8');
    expect(decoder.decode(bytes.subarray(0, 2), false) + decoder.decode(bytes.subarray(2), true)).toBe('aß');
  });

  it('reads ISO-8859-1 by hand: 0x80 is a control character there, the euro sign in Windows-1252', () => {
    expect(streamDecoder('iso-8859-1').decode(new Uint8Array([0x80, 0xe9]), true)).toBe('\u0080é');
    expect(streamDecoder('windows-1252').decode(new Uint8Array([0x80, 0xe9]), true)).toBe('€é');
  });
});

describe('reading files in other encodings', () => {
  it('reads a Windows-1252 file from Excel, headers and cells intact, and says so', async () => {
    const d = await datasetOf(cp1252(GERMAN));
    expect(d.encoding).toBe('windows-1252');
    expect(d.columns.map((c) => c.name)).toEqual(['Tumorgröße', 'Maß', 'Preis €', 'label']);
    const size = findColumn(d, 'Tumorgröße');
    expect(size?.kind === 'numeric' && Array.from(size.values)).toEqual([2.5, 3.1]);
    expect(findColumn(d, 'Maß')?.kind === 'categorical' && findColumn(d, 'Maß')).toMatchObject({ levels: ['groß', 'klein'] });
    expect(d.notes[0]).toMatch(/^Read as Windows-1252 text: the bytes are not valid UTF-8/);
  });

  it('re-reads with the encoding the user chose', async () => {
    const d = await datasetOf(new TextEncoder().encode(GERMAN), { encoding: 'windows-1252' });
    expect(d.columns[0].name).toBe('TumorgrÃ¶ÃŸe');
    expect(d.notes[0]).toBe('Read as Windows-1252 text, as chosen.');
  });

  it('reads UTF-16 big-endian and little-endian files by their BOM', async () => {
    for (const bigEndian of [false, true]) {
      const d = await datasetOf(utf16('größe\tlabel\n1\tyes\n2\tno\n', bigEndian));
      expect(d.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
      expect(d.columns.map((c) => c.name)).toEqual(['größe', 'label']);
      expect(d.rowCount).toBe(2);
    }
  });

  it('refuses UTF-16 without a BOM as binary, and reads it once the user chooses UTF-16', async () => {
    const bytes = utf16('a\tlabel\n1\tyes\n2\tno\n', false).subarray(2);
    await expect(datasetOf(bytes)).rejects.toThrow(/looks binary/);
    const d = await datasetOf(bytes, { encoding: 'utf-16' });
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'label']);
    expect(d.notes[0]).toBe('Read as UTF-16LE text, as chosen.');
  });

  it('drops a UTF-8 BOM and says nothing', async () => {
    const d = await datasetOf('\uFEFFa,label\n1,yes\n2,no\n');
    expect(d.columns[0].name).toBe('a');
    expect(d.encoding).toBe('utf-8');
    expect(d.notes).toEqual([]);
  });
});
