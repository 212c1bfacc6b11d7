import { useEffect, useRef, type RefObject } from 'react';
import type { MetricsLane } from '../../src/engine/metrics-coordinator';
import type { MetricsEvent, MetricsRequest } from '../../src/engine/protocol';
import type { WorkerClient } from '../../src/engine/worker-client';
import { createMetricsClient } from './worker-clients';

/**
 * A runner on its own metrics channel for the component's life: `create` makes it from the
 * channel's client on mount (the first `create` is the one used), and the channel is let go on
 * unmount. Effects declared after this one find the runner in place.
 */
export function useMetricsRunner<R>(lane: MetricsLane, create: (client: WorkerClient<MetricsRequest, MetricsEvent>) => R): RefObject<R | null> {
  const runnerRef = useRef<R | null>(null);
  const createRef = useRef(create);
  useEffect(() => {
    const client = createMetricsClient(lane);
    runnerRef.current = createRef.current(client);
    return () => {
      runnerRef.current = null;
      client.dispose();
    };
  }, [lane]);
  return runnerRef;
}
