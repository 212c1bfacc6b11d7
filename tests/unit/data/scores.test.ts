import { describe, expect, it } from 'vitest';
import { findColumn } from '../../../src/data/dataset';
import { DataError } from '../../../src/data/errors';
import { encodeLabels } from '../../../src/data/label';
import { scoreInputs, suggestCountColumn, suggestScoreColumn } from '../../../src/data/scores';
import { datasetOf } from './helpers';
import { defined } from '../defined';

async function inputsOf(text: string, ...rest: [string | null, ('none' | 'min-max' | 'sigmoid' | 'percent')?]) {
  const d = await datasetOf(text);
  const { rows } = encodeLabels(defined(findColumn(d, 'label')), '1');
  return scoreInputs(d, rows, 'score', ...rest);
}

describe('scoreInputs', () => {
  it('reads probabilities and weights for the labelled rows', async () => {
    const inputs = await inputsOf('score,label,count\n0.9,1,3\n0.2,0,5\n0.4,,1\n0.5,0,2\n', 'count');
    expect(Array.from(inputs.scores)).toEqual([0.9, 0.2, 0.5]);
    expect(Array.from(defined(inputs.weights))).toEqual([3, 5, 2]);
    expect(inputs.transform).toBeNull();
  });

  it('refuses a score outside [0, 1] by its file line and offers rescaling', async () => {
    const error = await inputsOf('score,label\n0.2,1\n\n1.7,0\n0.4,0\n', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/"score" has 1\.7 on line 4: scores must be probabilities between 0 and 1/);
    expect((error as DataError).remedy).toEqual({ kind: 'rescale-scores', column: 'score' });
  });

  it('offers dividing by 100 first when the scores look like percentages', async () => {
    const error = await inputsOf('score,label\n20,1\n85,0\n40,0\n', null).catch((e: unknown) => e);
    expect((error as DataError).message).toMatch(/"score" has 20 on line 2: its scores run from 0 to 100, like percentages/);
    expect((error as DataError).remedy).toEqual({ kind: 'rescale-scores', column: 'score', percent: true });
    const inputs = await inputsOf('score,label\n20,1\n85,0\n40,0\n', null, 'percent');
    expect(Array.from(inputs.scores)).toEqual([0.2, 0.85, 0.4]);
    expect(inputs.transform).toEqual({ kind: 'divide', by: 100 });
  });

  it('rescales by min-max or sigmoid when asked', async () => {
    const text = 'score,label\n-2,1\n0,0\n2,0\n';
    const minMax = await inputsOf(text, null, 'min-max');
    expect(Array.from(minMax.scores)).toEqual([0, 0.5, 1]);
    expect(minMax.transform).toEqual({ kind: 'min-max', min: -2, max: 2 });
    const sigmoid = await inputsOf(text, null, 'sigmoid');
    expect(sigmoid.scores[1]).toBe(0.5);
    expect(sigmoid.scores[0]).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
  });

  it('names the column and line of a missing or infinite score, and of a bad weight', async () => {
    await expect(inputsOf('score,label\n0.2,1\nNaN,0\n', null)).rejects.toThrow(/"score" has a missing value \(blank, NA or NaN\) on line 3/);
    await expect(inputsOf('score,label\n0.2,1\n0.1,0\ninf,0\n', null, 'min-max')).rejects.toThrow(/"score" has an infinite value \(Infinity\) on line 4/);
    await expect(inputsOf('score,label,w\n0.2,1,1\n0.1,0,-1\n', 'w')).rejects.toThrow(/"w" has -1 on line 3/);
    await expect(inputsOf('score,label,w\n0.2,1,1\n0.1,0,inf\n', 'w')).rejects.toThrow(/"w" has Infinity on line 3/);
  });
});

describe('score and count suggestions', () => {
  it('suggests a score named like one: in [0, 1] first, a raw "score" otherwise', async () => {
    expect(suggestScoreColumn(await datasetOf('p,label\n0.2,1\n0.9,0\n'), 'label')).toBe('p');
    expect(suggestScoreColumn(await datasetOf('p,label\n2,1\n9,0\n'), 'label')).toBeNull();
    expect(suggestScoreColumn(await datasetOf('score,label\n-2.5,1\n3,0\n'), 'label')).toBe('score');
    expect(suggestScoreColumn(await datasetOf('age,label\n0.2,1\n0.9,0\n'), 'label')).toBeNull();
  });

  it('suggests the count column of an aggregated file', async () => {
    const d = await datasetOf('score,label,n\n0.9,1,30\n0.9,0,5\n0.2,0,300\n');
    expect(suggestCountColumn(d, ['score', 'label'])).toBe('n');
    expect(suggestCountColumn(await datasetOf('score,label,count\n0.9,1,-3\n0.1,0,2\n'), ['score', 'label'])).toBeNull();
    expect(suggestCountColumn(await datasetOf('score,label,x\n0.9,1,3\n0.1,0,2\n'), ['score', 'label'])).toBeNull();
  });
});
