import { describe, expect, it } from 'vitest';
import { metricsClientConfig } from '../../../src/engine/client-configs';
import { createMetricsCoordinator } from '../../../src/engine/metrics-coordinator';
import type { MetricsEvent, MetricsRequest } from '../../../src/engine/protocol';
import { fakeSpawner } from '../fake-worker';

const curve = (requestId: number): MetricsRequest => ({ type: 'curve', requestId, scores: new Float64Array(1), labels: new Uint8Array(1), weights: null });

function setup() {
  const spawners = { interactive: fakeSpawner(), background: fakeSpawner() };
  const coordinator = createMetricsCoordinator((lane) => metricsClientConfig(spawners[lane].spawn));
  return { spawners, coordinator };
}

describe('the metrics coordinator', () => {
  it('runs every view on two workers, and a view supersedes only its own requests', () => {
    const { spawners, coordinator } = setup();
    const views = [coordinator.channel('interactive'), coordinator.channel('interactive'), coordinator.channel('background'), coordinator.channel('background')];
    const seen: string[] = [];
    const ask = (v: number) => views[v].request(curve, { onEvent: (e: MetricsEvent) => seen.push(`${v}:${e.type}`), onFailure: () => seen.push(`${v}:failed`) });
    ask(0);
    ask(1);
    ask(0); // supersedes view 0's first request, not view 1's
    ask(2);
    ask(3);
    expect(coordinator.running).toBe(2);
    expect(spawners.interactive.workers).toHaveLength(1);
    expect(spawners.background.workers).toHaveLength(1);
    const ids = spawners.interactive.current().posted.map((p) => (p.message as MetricsRequest).requestId);
    for (const id of ids) spawners.interactive.current().reply({ type: 'error', requestId: id, message: 'x' });
    expect(seen).toEqual(['1:error', '0:error']);
  });

  it('a released view hears nothing more; the last one released stops the workers', () => {
    const { spawners, coordinator } = setup();
    const a = coordinator.channel('interactive');
    const b = coordinator.channel('background');
    const seen: string[] = [];
    const pending = a.request(curve, { onEvent: (e) => seen.push(e.type), onFailure: () => seen.push('failed') });
    a.dispose();
    spawners.interactive.current().reply({ type: 'error', requestId: pending.id, message: 'late' });
    expect(seen).toEqual([]);
    expect(spawners.interactive.current().terminated).toBe(false);
    b.dispose();
    expect(spawners.interactive.current().terminated).toBe(true);
    expect(coordinator.running).toBe(0);
  });
});
