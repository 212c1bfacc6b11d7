/**
 * The page's one metrics client. Every view that needs the metrics worker (curves, groups,
 * bootstrap, threshold stability) asks the coordinator for a channel instead of starting a
 * worker of its own. Two workers sit behind it: 'interactive' answers what the user is
 * looking at now (curves, group thresholds), 'background' the resampling that may take
 * seconds (bootstrap, stability), so a slow interval never holds up a new epoch's curve.
 * Within a channel a new request supersedes the last; across channels requests run side by side.
 */
import type { MetricsEvent, MetricsRequest } from './protocol';
import { createWorkerClient, type PendingRequest, type RequestOptions, type WorkerClient, type WorkerClientConfig } from './worker-client';

export type MetricsLane = 'interactive' | 'background';
export type MetricsClient = WorkerClient<MetricsRequest, MetricsEvent>;

export interface MetricsCoordinator {
  /** A client for one view: its own channel on the lane's worker; dispose() releases it. */
  channel(lane: MetricsLane): MetricsClient;
  /** Workers running now, for tests. */
  readonly running: number;
}

export function createMetricsCoordinator(config: (lane: MetricsLane) => WorkerClientConfig<MetricsRequest, MetricsEvent>): MetricsCoordinator {
  const clients = new Map<MetricsLane, MetricsClient>();
  let open = 0;
  let nextChannel = 0;
  const clientOf = (lane: MetricsLane): MetricsClient => {
    let client = clients.get(lane);
    if (!client) clients.set(lane, (client = createWorkerClient(config(lane))));
    return client;
  };
  return {
    get running() {
      return clients.size;
    },
    channel(lane) {
      const name = `channel-${++nextChannel}`;
      const mine = new Set<PendingRequest>();
      let released = false;
      open++;
      return {
        request(build, options: RequestOptions<MetricsEvent>) {
          const pending = clientOf(lane).request(build, { ...options, channel: name });
          mine.add(pending);
          return pending;
        },
        warm: () => clientOf(lane).warm(),
        post: (message, transfer) => clientOf(lane).post(message, transfer),
        generation: () => clientOf(lane).generation(),
        restart: (detail) => clientOf(lane).restart(detail),
        dispose() {
          if (released) return;
          released = true;
          for (const pending of mine) pending.abandon();
          mine.clear();
          // The last view gone (the page unmounted): the workers go too.
          if (--open === 0) {
            for (const client of clients.values()) client.dispose();
            clients.clear();
          }
        },
      };
    },
  };
}
