import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset';
import { DEFAULT_READ_OPTIONS } from '../../../src/data/read-options';
import { readDataFile } from '../../../src/data/read-file';
import { takeCopy } from '../../../src/engine/spare-copies';
import { createCasesRunner, type CasesAnswer, type CasesResult, type CasesSource } from '../../../src/engine/cases-runner';
import { labelledCases, scoresCases } from '../../../src/session/evaluated-cases';

const choice = { labelColumn: 'label', positiveValue: '1', scoreColumn: 'score', weightColumn: null, scoreTransform: 'none' as const };

async function dataset(): Promise<Dataset> {
  return readDataFile(new File(['score,label\n0.9,1\n0.2,0\n0.4,0\n0.7,1\n'], 's.csv'), DEFAULT_READ_OPTIONS);
}

function runner(source: CasesSource) {
  const shown: (CasesResult | null)[] = [];
  return { shown, run: createCasesRunner(source, (state) => shown.push(state)).run };
}

describe('the page’s cases runner', () => {
  it('builds the cases itself, by the same pipeline as cutoff choose, when no worker holds the file', async () => {
    const data = await dataset();
    const { shown, run } = runner(() => null);
    run(data, choice);
    const result = shown.at(-1)?.result;
    expect(result?.cases && Array.from(result.cases.scores)).toEqual(Array.from(scoresCases(data, choice).cases.scores));
    const again = runner((_d, _c, _n, answer) => (answer(null), { abandon: () => {} }));
    again.run(data, choice);
    expect(again.shown.at(-1)?.result).toEqual(labelledCases(data, choice));
  });

  it("uses the page's own score column when the worker says the scores are it, and offers the worker's copies to the metrics requests", async () => {
    const data = await dataset();
    const built = labelledCases(data, choice);
    if (!built.cases) throw new Error('no cases');
    const copy = { scores: built.cases.scores.slice(), labels: built.cases.labels.slice(), weights: null };
    const answer: CasesAnswer = { ...built, cases: { ...built.cases, scores: new Float64Array(0) }, copies: [copy], scoresAreColumn: true };
    const { shown, run } = runner((_d, _c, copies, reply) => {
      expect(copies).toBe(2);
      reply(answer);
      return { abandon: () => {} };
    });
    run(data, choice);
    const cases = shown.at(-1)?.result.cases;
    const column = data.columns[0];
    expect(column.kind === 'numeric' && cases?.scores).toBe(column.kind === 'numeric' ? column.values : null);
    if (!cases) throw new Error('no cases');
    expect(takeCopy(cases.scores, cases.labels, cases.weights)).toBe(copy);
    expect(takeCopy(cases.scores, cases.labels, cases.weights)).toBeNull();
  });

  it('a newer choice supersedes a pending one, and a train-mode choice asks for no copies', async () => {
    const data = await dataset();
    const abandoned: number[] = [];
    const asked: number[] = [];
    const { run } = runner((_d, _c, copies) => {
      asked.push(copies);
      const id = asked.length;
      return { abandon: () => abandoned.push(id) };
    });
    run(data, choice);
    run(data, { ...choice, scoreColumn: null });
    expect(abandoned).toEqual([1]);
    expect(asked).toEqual([2, 0]);
  });
});
