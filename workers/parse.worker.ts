/// <reference lib="webworker" />
// Parses a dropped CSV off the main thread and sends back the typed Dataset.
import type { ParseEvent, ParseRequest } from '../src/protocol';
import { readCsvFile } from '../src/data/read-file';
import { transferablesOf } from '../src/data/transfer';

declare const self: DedicatedWorkerGlobalScope;

function post(event: ParseEvent, transfer: Transferable[] = []): void {
  self.postMessage(event, transfer);
}

self.onmessage = async (message: MessageEvent<ParseRequest>) => {
  const { requestId, file } = message.data;
  try {
    const dataset = await readCsvFile(file, (p) =>
      post({ type: 'progress', requestId, bytesRead: p.bytesRead, totalBytes: file.size, rows: p.rows }),
    );
    post({ type: 'parsed', requestId, dataset }, transferablesOf(dataset));
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
