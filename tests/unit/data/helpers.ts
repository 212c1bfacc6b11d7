import { DEFAULT_READ_OPTIONS, readDataFile, type ReadOptions } from '../../../src/data/read-file';
import type { Dataset } from '../../../src/data/dataset';

/** Reads CSV text (or bytes) as the worker reads a dropped file. */
export function datasetOf(content: string | Uint8Array, options: Partial<ReadOptions> = {}, name = 'test.csv'): Promise<Dataset> {
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  return readDataFile(new File([part], name), { ...DEFAULT_READ_OPTIONS, ...options });
}
