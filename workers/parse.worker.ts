/// <reference lib="webworker" />
// Parses a dropped CSV or Parquet file off the main thread and sends back the typed Dataset.
import { DataError, ParseCancelled } from '../src/data/errors';
import { readDataFile } from '../src/data/read-file';
import { datasetTransferables } from '../src/data/transfer';
import type { ParseEvent, ParseRequest } from '../src/engine/protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The read in progress, so a cancel message can stop it between chunks. */
const running = new Map<number, AbortController>();

function post(event: ParseEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

self.onmessage = async (message: MessageEvent<ParseRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') {
    running.get(request.requestId)?.abort();
    return;
  }
  const { requestId, file, options } = request;
  const controller = new AbortController();
  running.set(requestId, controller);
  try {
    const dataset = await readDataFile(file, options, {
      signal: controller.signal,
      onProgress: (p) => post({ type: 'progress', requestId, bytesRead: p.bytesRead, totalBytes: file.size, rows: p.rows }),
    });
    post({ type: 'parsed', requestId, dataset }, datasetTransferables(dataset));
  } catch (error) {
    if (error instanceof ParseCancelled) post({ type: 'cancelled', requestId });
    else {
      const remedy = error instanceof DataError ? error.remedy : null;
      post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error), remedy });
    }
  } finally {
    running.delete(requestId);
  }
};
