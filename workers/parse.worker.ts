/// <reference lib="webworker" />
// The parse worker: its dispatch is src/engine/parse-controller.ts, where unit tests run it.
import { createParseController } from '../src/engine/parse-controller';
import type { ParseRequest } from '../src/engine/protocol';

declare const self: DedicatedWorkerGlobalScope;

const controller = createParseController((event, transfer = []) => self.postMessage(event, transfer));
self.onmessage = (message: MessageEvent<ParseRequest>) => void controller.handle(message.data);
