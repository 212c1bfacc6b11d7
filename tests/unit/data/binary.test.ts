import { describe, expect, it } from 'vitest';
import { isParquet, isZip, looksBinary } from '../../../src/data/binary';

describe('binary and encoding sniffing', () => {
  it('tells text from binary', () => {
    expect(looksBinary(new TextEncoder().encode('a,b\r\n1,2\tx\n'))).toBe(false);
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))).toBe(true);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('knows Parquet and zip (xlsx) files by their first bytes', () => {
    expect(isParquet(new TextEncoder().encode('PAR1\u0015'))).toBe(true);
    expect(isParquet(new TextEncoder().encode('PAR,label'))).toBe(false);
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
  });
});
