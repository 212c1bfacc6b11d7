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

describe("the parse worker's 'cases' request", () => {
  /** Reads `csv` through the dispatch and returns the id the page names the file by. */
  async function read(csv: string) {
    const { events, controller } = run();
    await controller.handle({ type: 'parse', requestId: 7, file: new File([csv], 's.csv'), options: DEFAULT_READ_OPTIONS });
    const parsed = events.find((e) => e.type === 'parsed');
    if (parsed?.type !== 'parsed') throw new Error('not parsed');
    return { events, controller, parsed };
  }
  const choice = { labelColumn: 'label', positiveValue: '1', scoreColumn: 'score', weightColumn: null, scoreTransform: 'none' as const };

  it('sends the starting choices with the file, found in the worker', async () => {
    const { parsed } = await read('score,label\n0.9,1\n0.2,0\n0.4,0\n');
    expect(parsed.choices).toEqual({ labelColumn: 'label', positiveValue: '1', mode: 'scores', scoreColumn: 'score', weightColumn: null, scoreTransform: 'none' });
    expect(parsed.datasetId).toBe(7);
  });

  it('builds the cases of a choice on the file it kept, as cutoff choose does, with spare copies for the metrics workers', async () => {
    const { events, controller, parsed } = await read('score,label\n0.9,1\n,0\n0.2,0\n0.4,\n0.7,1\n');
    await controller.handle({ type: 'cases', requestId: 8, datasetId: parsed.datasetId, choice, copies: 2 });
    const answer = events.at(-1);
    if (answer?.type !== 'cases') throw new Error(`no cases: ${JSON.stringify(answer)}`);
    // The row with no label is left out; the one with no score is refused by line.
    expect(answer.error).toMatch(/score column "score" has a missing value .* line 3/);
    expect(answer.labels && Array.from(answer.labels.rows)).toEqual([0, 1, 2, 4]);
    expect(answer.cases).toBeNull();

    const clean = await read('score,label,n\n0.9,1,2\n0.2,0,1\n0.4,,5\n0.7,1,1\n');
    await clean.controller.handle({ type: 'cases', requestId: 9, datasetId: clean.parsed.datasetId, choice: { ...choice, weightColumn: 'n' }, copies: 2 });
    const built = clean.events.at(-1);
    if (built?.type !== 'cases' || !built.cases) throw new Error('no cases');
    expect(Array.from(built.cases.rows)).toEqual([0, 1, 3]);
    expect(Array.from(built.cases.scores)).toEqual([0.9, 0.2, 0.7]);
    expect(Array.from(built.cases.labels)).toEqual([1, 0, 1]);
    expect(built.cases.weights && Array.from(built.cases.weights)).toEqual([2, 1, 1]);
    expect(built.copies).toHaveLength(2);
    for (const copy of built.copies) {
      expect({ scores: Array.from(copy.scores), labels: Array.from(copy.labels), weights: copy.weights && Array.from(copy.weights) }).toEqual({
        scores: [0.9, 0.2, 0.7],
        labels: [1, 0, 1],
        weights: [2, 1, 1],
      });
      expect(copy.scores.buffer).not.toBe(built.cases.scores.buffer);
    }
  });

  it('keeps the label vector and offers a rescaling when only the scores are refused; train mode gets the labels alone', async () => {
    const { events, controller, parsed } = await read('logit,label\n2.5,1\n-1,0\n0.3,0\n');
    await controller.handle({ type: 'cases', requestId: 10, datasetId: parsed.datasetId, choice: { ...choice, scoreColumn: 'logit' }, copies: 2 });
    const refused = events.at(-1);
    expect(refused).toEqual(expect.objectContaining({ type: 'cases', cases: null, copies: [], remedy: { kind: 'rescale-scores', column: 'logit' } }));
    expect(refused?.type === 'cases' && refused.labels?.positives).toBe(1);

    await controller.handle({ type: 'cases', requestId: 11, datasetId: parsed.datasetId, choice: { ...choice, scoreColumn: 'logit', scoreTransform: 'sigmoid' }, copies: 0 });
    const rescaled = events.at(-1);
    expect(rescaled?.type === 'cases' && rescaled.cases?.transform?.kind).toBe('sigmoid');

    await controller.handle({ type: 'cases', requestId: 12, datasetId: parsed.datasetId, choice: { ...choice, scoreColumn: null }, copies: 2 });
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: 'cases', cases: null, error: null, copies: [] }));
  });

  it("answers 'cases-missing' for a file it no longer holds", async () => {
    const { events, controller, parsed } = await read('score,label\n0.9,1\n0.2,0\n');
    await controller.handle({ type: 'parse', requestId: 20, file: new File(['score,label\n0.5,1\n0.1,0\n'], 'b.csv'), options: DEFAULT_READ_OPTIONS });
    await controller.handle({ type: 'cases', requestId: 21, datasetId: parsed.datasetId, choice, copies: 0 });
    expect(events.at(-1)).toEqual({ type: 'cases-missing', requestId: 21 });
  });
});

describe('scores the page holds already', () => {
  it('are not sent twice: with every row labelled and no rescaling, the cases name the score column instead', async () => {
    const { events, controller } = run();
    await controller.handle({ type: 'parse', requestId: 30, file: new File(['score,label\n0.9,1\n0.2,0\n0.4,0\n'], 's.csv'), options: DEFAULT_READ_OPTIONS });
    const choice = { labelColumn: 'label', positiveValue: '1', scoreColumn: 'score', weightColumn: null, scoreTransform: 'none' as const };
    await controller.handle({ type: 'cases', requestId: 31, datasetId: 30, choice, copies: 1 });
    const answer = events.at(-1);
    if (answer?.type !== 'cases' || !answer.cases) throw new Error('no cases');
    expect(answer.scoresAreColumn).toBe(true);
    expect(answer.cases.scores).toHaveLength(0);
    expect(Array.from(answer.copies[0].scores)).toEqual([0.9, 0.2, 0.4]);
  });
});
