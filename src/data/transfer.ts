import type { Dataset } from './dataset';

/** The typed-array buffers of a Dataset, so postMessage moves them instead of copying. */
export function datasetTransferables(dataset: Dataset): ArrayBuffer[] {
  const columns = dataset.columns.map((c) => (c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
  return [...columns, dataset.lineOf.buffer as ArrayBuffer];
}
