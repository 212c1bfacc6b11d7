import type { Dataset } from './dataset';

/** The typed-array buffers of a Dataset, so postMessage moves them instead of copying. */
export function datasetTransferables(dataset: Dataset): ArrayBuffer[] {
  const columns = dataset.columns.map((c) => (c.kind === 'numeric' ? c.values.buffer : c.codes.buffer) as ArrayBuffer);
  return [...columns, dataset.lineOf.buffer as ArrayBuffer];
}

/**
 * A copy of a Dataset with buffers of its own, so a worker can hand the copy over (transferred)
 * and keep the original for later requests.
 */
export function copyDataset(dataset: Dataset): Dataset {
  const columns = dataset.columns.map((c) => (c.kind === 'numeric' ? { ...c, values: c.values.slice() } : { ...c, codes: c.codes.slice() }));
  return { ...dataset, columns, lineOf: dataset.lineOf.slice() };
}
