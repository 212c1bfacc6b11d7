import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { DataError, ParseCancelled } from '../../src/data/errors';
import { checkFileSize } from '../../src/data/limits';
import type { ReadOptions } from '../../src/data/read-file';
import type { ParseEvent, ParseRequest } from '../../src/protocol';

export interface ParseState {
  busy: boolean;
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

const IDLE: ParseState = { busy: false, fileName: '', bytesRead: 0, totalBytes: 0, rows: 0 };

const PROGRESS_EVERY_MS = 100;

/** Marks around each read, for the parse benchmark (tests/bench/parse.bench.ts). */
export const PARSE_MARKS = { start: 'cutoff:parse-start', end: 'cutoff:parse-end' } as const;

function createParseWorker(): Worker {
  return new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), { type: 'module' });
}

interface Pending {
  requestId: number;
  reject: (error: Error) => void;
}

/**
 * Runs CSV parsing in a worker. `parse` resolves with the Dataset, or rejects with a DataError
 * (carrying the worker's remedy), or with ParseCancelled after `cancel`. A newer request
 * supersedes an older one; a crashed worker is replaced on the next request.
 */
export function useParser(): { parse: (file: File, options: ReadOptions) => Promise<Dataset>; cancel: () => void; state: ParseState } {
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const pendingRef = useRef<Pending | null>(null);
  const [state, setState] = useState<ParseState>(IDLE);

  useEffect(() => {
    // Started with the page, so a dropped file does not wait for the worker's script to load.
    workerRef.current ??= createParseWorker();
    return () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    };
  }, []);

  const cancel = useCallback(() => {
    const pending = pendingRef.current;
    if (!pending) return;
    pendingRef.current = null;
    workerRef.current?.postMessage({ type: 'cancel', requestId: pending.requestId } satisfies ParseRequest);
    setState(IDLE);
    pending.reject(new ParseCancelled());
  }, []);

  const parse = useCallback((file: File, options: ReadOptions) => {
    // Refused before a byte is read: the worker would only fail later, out of memory.
    checkFileSize(file);
    const older = pendingRef.current;
    if (older) {
      workerRef.current?.postMessage({ type: 'cancel', requestId: older.requestId } satisfies ParseRequest);
      older.reject(new ParseCancelled());
    }
    const worker = (workerRef.current ??= createParseWorker());
    const requestId = ++requestRef.current;
    setState({ busy: true, fileName: file.name, bytesRead: 0, totalBytes: file.size, rows: 0 });
    performance.mark(PARSE_MARKS.start, { detail: { bytes: file.size } });
    return new Promise<Dataset>((resolve, reject) => {
      let shownAt = Number.NEGATIVE_INFINITY;
      const finish = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onCrash);
        if (pendingRef.current?.requestId === requestId) pendingRef.current = null;
      };
      const onMessage = (message: MessageEvent<ParseEvent>) => {
        const event = message.data;
        if (event.requestId !== requestId) return;
        if (event.type === 'progress') {
          // Ten updates a second are enough for a progress bar; each one renders the page.
          const now = performance.now();
          if (pendingRef.current?.requestId === requestId && now - shownAt >= PROGRESS_EVERY_MS) {
            shownAt = now;
            setState({ busy: true, fileName: file.name, bytesRead: event.bytesRead, totalBytes: event.totalBytes, rows: event.rows });
          }
          return;
        }
        const current = pendingRef.current?.requestId === requestId;
        finish();
        if (!current) return;
        setState(IDLE);
        if (event.type === 'parsed') {
          performance.mark(PARSE_MARKS.end, { detail: { bytes: file.size, rows: event.dataset.rowCount } });
          resolve(event.dataset);
        } else if (event.type === 'cancelled') reject(new ParseCancelled());
        else reject(new DataError(event.message, event.remedy));
      };
      const onCrash = (event: ErrorEvent) => {
        finish();
        worker.terminate();
        if (workerRef.current === worker) workerRef.current = null;
        setState(IDLE);
        reject(new Error(`The file reader stopped unexpectedly (${event.message || 'worker error'}); it has been restarted. Try the file again.`));
      };
      pendingRef.current = { requestId, reject };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onCrash);
      worker.postMessage({ type: 'parse', requestId, file, options } satisfies ParseRequest);
    });
  }, []);

  return { parse, cancel, state };
}
