/// <reference lib="webworker" />
// The metrics worker: its dispatch is src/engine/metrics-controller.ts, where unit tests run it.
import { createMetricsController } from '../src/engine/metrics-controller';

declare const self: DedicatedWorkerGlobalScope;

const controller = createMetricsController((event, transfer = []) => self.postMessage(event, transfer));
self.onmessage = (message: MessageEvent<Parameters<typeof controller.handle>[0]>) => controller.handle(message.data);
