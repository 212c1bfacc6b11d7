import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { ParseEvent, ParseRequest } from '../../src/protocol';

export interface ParseState {
  busy: boolean;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

const IDLE: ParseState = { busy: false, bytesRead: 0, totalBytes: 0, rows: 0 };

/**
 * Runs CSV parsing in a worker. `parse` resolves with the Dataset or rejects with the
 * worker's message; a newer request supersedes an older one.
 */
export function useParser(): { parse: (file: File) => Promise<Dataset>; state: ParseState } {
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const [state, setState] = useState<ParseState>(IDLE);

  useEffect(() => () => workerRef.current?.terminate(), []);

  const parse = useCallback((file: File) => {
    const worker = (workerRef.current ??= new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), {
      type: 'module',
    }));
    const requestId = ++requestRef.current;
    setState({ busy: true, bytesRead: 0, totalBytes: file.size, rows: 0 });
    return new Promise<Dataset>((resolve, reject) => {
      const onMessage = (message: MessageEvent<ParseEvent>) => {
        const event = message.data;
        if (event.requestId !== requestId) return;
        if (event.type === 'progress') {
          setState({ busy: true, bytesRead: event.bytesRead, totalBytes: event.totalBytes, rows: event.rows });
          return;
        }
        worker.removeEventListener('message', onMessage);
        setState(IDLE);
        if (event.type === 'parsed') resolve(event.dataset);
        else reject(new Error(event.message));
      };
      worker.addEventListener('message', onMessage);
      const request: ParseRequest = { type: 'parse', requestId, file };
      worker.postMessage(request);
    });
  }, []);

  return { parse, state };
}
