import { describe, expect, it } from 'vitest';
import { createParseController } from '../../../src/engine/parse-controller';
import type { ParseEvent } from '../../../src/engine/protocol';
import { DEFAULT_READ_OPTIONS } from '../../../src/data/read-options';

function run() {
  const events: ParseEvent[] = [];
  const controller = createParseController((event) => events.push(event));
  return { events, controller };
}

describe('the parse worker dispatch', () => {
  it('reads a file and sends back the dataset', async () => {
    const { events, controller } = run();
    const file = new File(['score,label\n0.9,1\n0.2,0\n0.4,0\n'], 's.csv');
    await controller.handle({ type: 'parse', requestId: 1, file, options: DEFAULT_READ_OPTIONS });
    const parsed = events.find((e) => e.type === 'parsed');
    expect(parsed && parsed.type === 'parsed' && parsed.dataset.rowCount).toBe(3);
  });

  it('answers a file it cannot read with an error message, not a dead worker', async () => {
    const { events, controller } = run();
    await controller.handle({ type: 'parse', requestId: 2, file: new File([''], 'empty.csv'), options: DEFAULT_READ_OPTIONS });
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: 'error', requestId: 2 }));
  });

  it('a cancel stops the read in progress', async () => {
    const { events, controller } = run();
    const big = new File([`score,label\n${'0.5,1\n'.repeat(400_000)}`], 'big.csv');
    const reading = controller.handle({ type: 'parse', requestId: 3, file: big, options: DEFAULT_READ_OPTIONS });
    await controller.handle({ type: 'cancel', requestId: 3 });
    await reading;
    expect(events.at(-1)).toEqual({ type: 'cancelled', requestId: 3 });
  });
});
