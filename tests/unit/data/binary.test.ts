import { describe, expect, it } from 'vitest';
import { looksBinary, sniffEncoding } from '../../../src/data/binary';

describe('binary and encoding sniffing', () => {
  it('tells text from binary', () => {
    expect(looksBinary(new TextEncoder().encode('a,b\r\n1,2\tx\n'))).toBe(false);
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))).toBe(true);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('recognises UTF-16 byte order marks', () => {
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
  });
});
