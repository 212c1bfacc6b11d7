import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { ReadOptions } from '../../src/data/read-file';
import type { ParseEvent, ParseRequest } from '../../src/engine/protocol';
import type { PreviousChoices } from '../../src/session/starting-choices';
import type { WorkerClient } from '../../src/engine/worker-client';
import { createParseRunner, IDLE, type Parser, type ParseState } from '../../src/engine/runners/parse-runner';
import { createParseClient } from './worker-clients';

export type { CasesAnswer, Parser, ParseState } from '../../src/engine/runners/parse-runner';

/**
 * Runs CSV parsing in a worker (see createParseRunner). A newer request supersedes an older
 * one; a crashed worker is replaced on the next request.
 */
export function useParser(): Parser & { state: ParseState } {
  const clientRef = useRef<WorkerClient<ParseRequest, ParseEvent> | null>(null);
  const runnerRef = useRef<Parser | null>(null);
  const [state, setState] = useState<ParseState>(IDLE);

  // Made on first use as well as on mount: a child's mount effect may read a file before this
  // component's own effects have run.
  const runner = useCallback((): Parser => {
    clientRef.current ??= createParseClient();
    return (runnerRef.current ??= createParseRunner(clientRef.current, setState));
  }, []);

  useEffect(() => {
    // Started with the page, so a dropped file does not wait for the worker's script to load.
    runner();
    clientRef.current?.warm();
    return () => {
      clientRef.current?.dispose();
      clientRef.current = null;
      runnerRef.current = null;
    };
  }, [runner]);

  const cancel = useCallback(() => runner().cancel(), [runner]);
  const parse = useCallback((file: File, options: ReadOptions, previous?: PreviousChoices) => runner().parse(file, options, previous), [runner]);
  const choicesOf = useCallback((dataset: Dataset) => runner().choicesOf(dataset), [runner]);
  const requestCases = useCallback<Parser['requestCases']>((...args) => runner().requestCases(...args), [runner]);

  return { parse, cancel, choicesOf, requestCases, state };
}
