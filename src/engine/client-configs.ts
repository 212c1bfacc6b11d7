/**
 * How each worker's requests and answers pair up (request ids, the final event, the cancel
 * message), apart from how the worker is started: the page passes a real Worker, the unit tests
 * an in-process fake (tests/unit/fake-worker.ts).
 */
import type { MetricsEvent, MetricsRequest, TrainEvent } from './protocol';
import type { SentTrainRequest } from '../model/train-protocol';
import type { WorkerClientConfig, WorkerLike } from './worker-client';

/** How the metrics worker's requests and answers pair up; `spawn` starts the worker (or a fake). */
export function metricsClientConfig(spawn: () => WorkerLike): WorkerClientConfig<MetricsRequest, MetricsEvent> {
  return { name: 'metrics worker', spawn, requestIdOf: (event) => event.requestId, isFinal: (event) => event.type !== 'bootstrap-progress' };
}

/** How the training worker's runs and events pair up (the request id is the protocol's runId). */
export function trainClientConfig(spawn: () => WorkerLike): WorkerClientConfig<SentTrainRequest, TrainEvent> {
  return {
    name: 'training worker',
    spawn,
    requestIdOf: (event) => event.runId,
    isFinal: (event) => ['done', 'error', 'scored', 'exported', 'lost'].includes(event.type),
    cancelMessage: (runId) => ({ type: 'cancel', runId }),
  };
}
