import type { MetricsEvent, MetricsRequest, ParseEvent, ParseRequest, TrainEvent, TrainRequest } from '../../src/protocol';
import { createWorkerClient, type WorkerClient } from '../../src/worker-client';

// Each `new Worker(new URL(…, import.meta.url))` must stay written out like this: it is the
// pattern Vite looks for to bundle the worker as its own chunk.

/** A client of a fresh metrics worker (curves and bootstrap intervals). */
export function createMetricsClient(): WorkerClient<MetricsRequest, MetricsEvent> {
  return createWorkerClient<MetricsRequest, MetricsEvent>({
    name: 'metrics worker',
    spawn: () => new Worker(new URL('../../workers/metrics.worker.ts', import.meta.url), { type: 'module' }),
    requestIdOf: (event) => event.requestId,
    isFinal: (event) => event.type !== 'bootstrap-progress',
  });
}

/** A client of a fresh CSV-reading worker. */
export function createParseClient(): WorkerClient<ParseRequest, ParseEvent> {
  return createWorkerClient<ParseRequest, ParseEvent>({
    name: 'file reader',
    spawn: () => new Worker(new URL('../../workers/parse.worker.ts', import.meta.url), { type: 'module' }),
    requestIdOf: (event) => event.requestId,
    isFinal: (event) => event.type !== 'progress',
    cancelMessage: (requestId) => ({ type: 'cancel', requestId }),
  });
}

/** A client of a fresh training worker; the request id is the protocol's runId. */
export function createTrainClient(): WorkerClient<TrainRequest, TrainEvent> {
  return createWorkerClient<TrainRequest, TrainEvent>({
    name: 'training worker',
    spawn: () => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' }),
    requestIdOf: (event) => event.runId,
    isFinal: (event) => ['done', 'error', 'scored', 'exported', 'lost'].includes(event.type),
    cancelMessage: (runId) => ({ type: 'cancel', runId }),
  });
}
