import { describe, expect, test } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { crc32, isZip, readZip, writeZip } from '../../../src/model/zip';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('zip', () => {
  test('crc32 of a known string', () => {
    expect(crc32(bytes('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  test('writes a stored archive that reads back, deterministically', async () => {
    const entries = [
      { name: 'model.json', data: bytes('{"a":1}') },
      { name: 'dir/ünïcode.bin', data: Uint8Array.from([0, 1, 2, 255]) },
    ];
    const zip = writeZip(entries);
    expect(isZip(zip)).toBe(true);
    expect(writeZip(entries)).toEqual(zip);
    expect(await readZip(zip)).toEqual(entries);
  });

  test('reads deflated entries (a user may re-zip the files) and rejects damage', async () => {
    const data = bytes('x'.repeat(1000));
    const stored = writeZip([{ name: 'a.txt', data }]);
    // Rewrite the one entry as deflated: method 8 and the compressed size in both headers.
    const packed = deflateRawSync(data);
    const name = bytes('a.txt');
    const local = new Uint8Array(30 + name.length + packed.length);
    local.set(stored.subarray(0, 30 + name.length));
    local.set(packed, 30 + name.length);
    const central = stored.slice(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, packed.length, true);
    const cv = new DataView(central.buffer);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, packed.length, true);
    const endAt = 46 + name.length;
    cv.setUint32(endAt + 16, local.length, true);
    const deflated = new Uint8Array(local.length + central.length);
    deflated.set(local);
    deflated.set(central, local.length);
    expect(await readZip(deflated)).toEqual([{ name: 'a.txt', data }]);

    const damaged = stored.slice();
    damaged[40] ^= 0xff;
    await expect(readZip(damaged)).rejects.toThrow('"a.txt" is damaged (checksum mismatch)');
    await expect(readZip(bytes('not a zip at all, just some text here'))).rejects.toThrow('not a ZIP archive');
  });
});
