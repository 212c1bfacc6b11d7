import { describe, expect, it } from 'vitest';
import { checkFileSize, describeBytes, MAX_FILE_BYTES } from '../../../src/data/limits';

describe('file limits', () => {
  it('refuses an empty file and one larger than the page can hold, by size alone', () => {
    expect(() => checkFileSize({ name: 'e.csv', size: 0 })).toThrow('e.csv is empty: there are no rows to read.');
    expect(() => checkFileSize({ name: 'huge.csv', size: MAX_FILE_BYTES + 1 })).toThrow(/huge\.csv is 256\.0 MB; Cutoff reads files up to 256\.0 MB/);
    expect(() => checkFileSize({ name: 'ok.csv', size: MAX_FILE_BYTES })).not.toThrow();
  });

  it('writes sizes as people read them', () => {
    expect(describeBytes(100)).toBe('1 KB');
    expect(describeBytes(34 * 2 ** 20 + 2 ** 19)).toBe('34.5 MB');
  });
});
