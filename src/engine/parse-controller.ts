/**
 * The parse worker's dispatch: reads a dropped file with the one reader (src/data) off the main
 * thread, reports progress, honours a cancel between chunks and sends back the typed Dataset
 * with its buffers transferred. workers/parse.worker.ts only wires it to the worker's messages.
 */
import { DataError, ParseCancelled } from '../data/errors';
import { readDataFile } from '../data/read-file';
import { datasetTransferables } from '../data/transfer';
import type { ParseEvent, ParseRequest } from './protocol';

export type ParsePost = (event: ParseEvent, transfer?: Transferable[]) => void;

export function createParseController(post: ParsePost): { handle(request: ParseRequest): Promise<void> } {
  /** The reads in progress, so a cancel message can stop one between chunks. */
  const running = new Map<number, AbortController>();
  return {
    async handle(request: ParseRequest): Promise<void> {
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
    },
  };
}
