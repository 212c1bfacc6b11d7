import type { MetricsEvent, MetricsRequest, ParseEvent, ParseRequest, TrainEvent } from '../../src/engine/protocol';
import type { SentTrainRequest } from '../../src/model/train-protocol';
import { metricsClientConfig, trainClientConfig } from '../../src/engine/client-configs';
import { createMetricsCoordinator, type MetricsCoordinator, type MetricsLane } from '../../src/engine/metrics-coordinator';
import { createWorkerClient, type WorkerClient } from '../../src/engine/worker-client';

// Each `new Worker(new URL(…, import.meta.url))` must stay written out like this: it is the
// pattern Vite looks for to bundle the worker as its own chunk.

let coordinator: MetricsCoordinator | null = null;

/**
 * A channel of the page's one metrics coordinator (src/engine/metrics-coordinator.ts): curves
 * and group thresholds on the interactive worker, bootstrap and stability on the background one.
 */
export function createMetricsClient(lane: MetricsLane): WorkerClient<MetricsRequest, MetricsEvent> {
  coordinator ??= createMetricsCoordinator((name) => ({
    ...metricsClientConfig(() => new Worker(new URL('../../workers/metrics.worker.ts', import.meta.url), { type: 'module' })),
    name: name === 'interactive' ? 'metrics worker' : 'background metrics worker',
  }));
  return coordinator.channel(lane);
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

/** A client of a fresh training worker. */
export function createTrainClient(): WorkerClient<SentTrainRequest, TrainEvent> {
  return createWorkerClient(trainClientConfig(() => new Worker(new URL('../../workers/train.worker.ts', import.meta.url), { type: 'module' })));
}
