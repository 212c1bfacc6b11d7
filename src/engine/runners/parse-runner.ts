/**
 * The parse runner: reads a dropped file in the parse worker with progress and cancel, and asks
 * it for a label choice's cases; a newer read supersedes the one before. The hook
 * (components/hooks/useParser.ts) only holds its state in React.
 */
import type { Dataset } from '../../data/dataset';
import { DataError, ParseCancelled } from '../../data/errors';
import { rememberLabelSuggestion } from '../../data/label-suggestion';
import { checkFileSize } from '../../data/limits';
import type { ReadOptions } from '../../data/read-file';
import type { ParseEvent, ParseRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import type { CaseChoice } from '../../session/evaluated-cases';
import type { PreviousChoices, StartingChoices } from '../../session/starting-choices';

export interface ParseState {
  busy: boolean;
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export const IDLE: ParseState = { busy: false, fileName: '', bytesRead: 0, totalBytes: 0, rows: 0 };

const PROGRESS_EVERY_MS = 100;

/** Marks around each read, for the parse benchmark (tests/bench/parse.bench.ts). */
export const PARSE_MARKS = { start: 'cutoff:parse-start', end: 'cutoff:parse-end' } as const;

/** A 'cases' answer of the parse worker. */
export type CasesAnswer = Extract<ParseEvent, { type: 'cases' }>;

/** The hook's API. */
export interface Parser {
  /** Reads a file; `previous`: the choices it keeps where they fit (see `choicesOf`). */
  parse: (file: File, options: ReadOptions, previous?: PreviousChoices) => Promise<Dataset>;
  cancel: () => void;
  /** The column choices the worker found for a dataset it read; null for one it did not read. */
  choicesOf: (dataset: Dataset) => StartingChoices | null;
  /**
   * Asks the worker that read `dataset` for a choice's labelled cases (with `copies` spare
   * copies for the metrics workers). `answer` gets null when the worker no longer holds the file
   * (or never read it): the caller builds them itself. Null when there is no worker to ask.
   */
  requestCases: (dataset: Dataset, choice: CaseChoice, copies: number, answer: (event: CasesAnswer | null) => void) => PendingRequest | null;
}

/**
 * The hook's logic without React, on a worker client: `parse` resolves with the Dataset, or
 * rejects with a DataError (carrying the worker's remedy), with ParseCancelled after `cancel`
 * or a newer `parse`, or with the client's crash message. Driven by the fake worker in
 * tests/unit/worker/parser.test.ts.
 */
export function createParseRunner(client: WorkerClient<ParseRequest, ParseEvent>, show: (state: ParseState) => void): Parser {
  let pending: { handle: PendingRequest | null; reject: (error: Error) => void } | null = null;
  // What the worker said about each dataset it sent, keyed by the dataset itself.
  const read = new WeakMap<Dataset, { id: number; choices: StartingChoices }>();

  const cancel = (): void => {
    const current = pending;
    if (!current) return;
    pending = null;
    current.handle?.abandon();
    show(IDLE);
    current.reject(new ParseCancelled());
  };

  const parse = (file: File, options: ReadOptions, previous?: PreviousChoices): Promise<Dataset> => {
    // Refused before a byte is read: the worker would only fail later, out of memory.
    checkFileSize(file);
    cancel();
    show({ busy: true, fileName: file.name, bytesRead: 0, totalBytes: file.size, rows: 0 });
    performance.mark(PARSE_MARKS.start, { detail: { bytes: file.size } });
    return new Promise<Dataset>((resolve, reject) => {
      const entry: { handle: PendingRequest | null; reject: (error: Error) => void } = { handle: null, reject };
      pending = entry;
      let shownAt = Number.NEGATIVE_INFINITY;
      const finish = (): void => {
        if (pending === entry) pending = null;
        show(IDLE);
      };
      entry.handle = client.request((requestId) => ({ type: 'parse', requestId, file, options, previous }), {
        onEvent: (event) => {
          if (event.type === 'progress') {
            // Ten updates a second are enough for a progress bar; each one renders the page.
            const now = performance.now();
            if (now - shownAt >= PROGRESS_EVERY_MS) {
              shownAt = now;
              show({ busy: true, fileName: file.name, bytesRead: event.bytesRead, totalBytes: event.totalBytes, rows: event.rows });
            }
            return;
          }
          finish();
          if (event.type === 'parsed') {
            performance.mark(PARSE_MARKS.end, { detail: { bytes: file.size, rows: event.dataset.rowCount } });
            // Found by the worker on its copy of the file; absent from a test's stand-in.
            if (event.choices) {
              read.set(event.dataset, { id: event.datasetId, choices: event.choices });
              rememberLabelSuggestion(event.dataset, event.labelSuggestion);
            }
            resolve(event.dataset);
          } else if (event.type === 'cancelled') reject(new ParseCancelled());
          else if (event.type === 'error') reject(new DataError(event.message, event.remedy));
        },
        onFailure: (failure) => {
          finish();
          reject(new Error(failure.kind === 'offline' ? failure.message : `${failure.message} Try the file again.`));
        },
      });
    });
  };

  const requestCases: Parser['requestCases'] = (dataset, choice, copies, answer) => {
    const id = read.get(dataset)?.id;
    if (id === undefined) return null;
    // Beside the reads, not superseding them: a new file's read must not drop these, nor these it.
    return client.request((requestId) => ({ type: 'cases', requestId, datasetId: id, choice, copies }), {
      supersedes: false,
      onEvent: (event) => answer(event.type === 'cases' ? event : null),
      onFailure: () => answer(null),
    });
  };

  return { parse, cancel, choicesOf: (dataset) => read.get(dataset)?.choices ?? null, requestCases };
}
