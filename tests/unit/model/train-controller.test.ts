import { beforeAll, describe, expect, test } from 'vitest';
import { createTrainController } from '../../../src/model/train-controller';
import { recorder, tf, trainRun } from './helpers';

beforeAll(async () => {
  await tf.core.setBackend('cpu');
});

describe('createTrainController', () => {
  test('announces the backend, then runs', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    c.handle(trainRun(100, 2, { epochs: 1 }, 3));
    await c.idle();
    expect(events.map((e) => e.type)).toEqual(['backend', 'split', 'epoch', 'done']);
    expect(events[0]).toEqual({ type: 'backend', runId: 3, backend: 'cpu', reason: 'cpu: chosen in settings' });
  });

  test('a new train request cancels the running one; cancel stops a run within a second', async () => {
    const baseline = tf.core.memory().numTensors;
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { hooks: { yieldEveryMs: 5 } });
    c.handle(trainRun(2000, 4, { epochs: 1000, batchSize: 16 }, 1));
    await new Promise((r) => setTimeout(r, 150));
    c.handle(trainRun(2000, 4, { epochs: 1000, batchSize: 16 }, 2));
    await new Promise((r) => setTimeout(r, 150));
    const asked = performance.now();
    c.handle({ type: 'cancel', runId: 2 });
    await c.idle();
    expect(performance.now() - asked).toBeLessThan(1000);
    const dones = events.filter((e) => e.type === 'done');
    expect(dones).toEqual([
      expect.objectContaining({ runId: 1, reason: 'cancelled' }),
      expect.objectContaining({ runId: 2, reason: 'cancelled' }),
    ]);
    // Run 2 starts only after run 1 has finished.
    const firstOf2 = events.findIndex((e) => e.runId === 2);
    expect(events.findIndex((e) => e.type === 'done' && e.runId === 1)).toBeLessThan(firstOf2);
    expect(tf.core.memory().numTensors).toBe(baseline);
  });

  test('a cancel for an unknown run is ignored, and a queued cancelled run reports at once', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit);
    c.handle({ type: 'cancel', runId: 9 });
    c.handle(trainRun(100, 2, { epochs: 1 }, 9));
    await c.idle();
    expect(events.at(-1)).toEqual({ type: 'done', runId: 9, reason: 'completed', epochsRun: 1 });
  });

  test('a failing backend choice becomes an error event', async () => {
    const { events, emit } = recorder();
    const c = createTrainController(tf, emit, { selectBackend: () => Promise.reject(new Error('no backend')) });
    c.handle(trainRun(100, 2, { epochs: 1 }, 4));
    await c.idle();
    expect(events).toEqual([{ type: 'error', runId: 4, message: 'training failed: no backend' }]);
  });
});
