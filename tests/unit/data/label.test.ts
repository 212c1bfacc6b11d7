import { describe, expect, it } from 'vitest';
import { findColumn } from '../../../src/data/dataset';
import { encodeLabels, explainLabelChoice, explainMultiClass, explainNoLabel, positiveForColumn } from '../../../src/data/label';
import { suggestLabel } from '../../../src/data/label-suggestion';
import { datasetOf } from './helpers';
import { defined } from '../defined';

/** A digits-like table: 64 pixel columns around an `is_nine` label, some pixels on in a single row. */
function pixels(rows: number): string {
  const names = [...Array.from({ length: 32 }, (_, i) => `px${i}`), 'is_nine', ...Array.from({ length: 32 }, (_, i) => `px${i + 32}`)];
  const lines = [names.join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = names.map((name, c) => (name === 'is_nine' ? String(r % 10 === 9 ? 1 : 0) : String(c % 7 === 0 ? (r === 3 ? 16 : 0) : (r * c) % 17)));
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

describe('label suggestion rule', () => {
  it('takes a telling name (is_*) over a pixel whose rarer value occurs once', async () => {
    const d = await datasetOf(pixels(200));
    expect(suggestLabel(d)).toEqual({ column: 'is_nine', positive: '1' });
  });

  it('knows has_*, *_flag, *_label and *_target, the outcome-naming patterns first', async () => {
    expect(suggestLabel(await datasetOf('has_car,x,churn_flag\n1,1,0\n0,2,1\n1,3,0\n'))?.column).toBe('churn_flag');
    expect(suggestLabel(await datasetOf('is_adult,x,default_target\n1,1,0\n0,2,1\n1,3,0\n'))?.column).toBe('default_target');
    expect(suggestLabel(await datasetOf('x,has_car\n1,1\n2,0\n'))?.column).toBe('has_car');
  });

  it('otherwise takes the last two-valued column whose rarer class has 10 rows and 0.5 % of them', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${i % 20 === 0 ? 1 : 0},${i === 7 ? 1 : 0},${i}`);
    const d = await datasetOf(`sick,rare,x\n${rows.join('\n')}\n`);
    expect(suggestLabel(d)).toEqual({ column: 'sick', positive: '1' });
  });

  it('falls back to a column with a single rare row only when nothing else exists', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i === 7 ? 1 : 0},${(i * 3) % 11}`);
    expect(suggestLabel(await datasetOf(`rare,x\n${rows.join('\n')}\n`))).toEqual({ column: 'rare', positive: '1' });
  });

  it('gives a hand-picked label the same positive class as the suggestion: the rarer value', async () => {
    const d = await datasetOf('diagnosis,x\nmalignant,1\nbenign,2\nbenign,3\n');
    expect(positiveForColumn(defined(findColumn(d, 'diagnosis')))).toBe('malignant');
    expect(suggestLabel(d)?.positive).toBe('malignant');
    expect(positiveForColumn(defined(findColumn(await datasetOf('y,x\na,1\nb,2\nc,3\n'), 'y')))).toBeNull();
  });
});

describe('label suggestion and encoding', () => {
  it('suggests the two-valued column with its rarer value as positive', async () => {
    const d = await datasetOf('x,sick,group\n1,no,a\n2,yes,b\n3,no,c\n4,no,a\n');
    expect(suggestLabel(d)).toEqual({ column: 'sick', positive: 'yes' });
  });

  it('suggests a 0/1 numeric column and encodes it', async () => {
    const d = await datasetOf('x,y\n0.5,1\n0.2,0\n0.1,0\n');
    expect(suggestLabel(d)).toEqual({ column: 'y', positive: '1' });
    const vector = encodeLabels(defined(findColumn(d, 'y')), '1');
    expect(Array.from(vector.labels)).toEqual([1, 0, 0]);
  });

  it('returns null when no column has two values', async () => {
    const d = await datasetOf('x,v\n1,a\n2,b\n3,c\n');
    expect(suggestLabel(d)).toBeNull();
  });

  it('drops rows with a missing label and counts them', async () => {
    const d = await datasetOf('x,y\n1,a\n2,b\n3,NA\n4,a\n');
    const vector = encodeLabels(defined(findColumn(d, 'y')), 'b');
    expect(vector.dropped).toBe(1);
    expect(Array.from(vector.rows)).toEqual([0, 1, 3]);
    expect(vector.positives).toBe(1);
  });

  it('treats the other values as negative when there are three or more', async () => {
    const d = await datasetOf('x,y\n1,a\n2,b\n3,c\n');
    expect(Array.from(encodeLabels(defined(findColumn(d, 'y')), 'c').labels)).toEqual([0, 0, 1]);
  });

  it('refuses a label with one class', async () => {
    const d = await datasetOf('x,y\n1,a\n2,a\n');
    expect(() => encodeLabels(defined(findColumn(d, 'y')), 'a')).toThrow(/only one class/);
  });
});

describe('explainNoLabel', () => {
  it('names a label column with a single class', async () => {
    const d = await datasetOf('a,b,label\n1,2,yes\n3,4,yes\n');
    expect(explainNoLabel(d)).toMatch(/"label" has only one class: every row is "yes"/);
  });
  it('asks the user to choose otherwise', async () => {
    const d = await datasetOf('a,b\n1,x\n2,y\n3,z\n');
    expect(explainNoLabel(d)).toMatch(/exactly two values/);
  });
});

describe('positive class on a tie', () => {
  it('prefers the value that reads as positive', async () => {
    const d = await datasetOf('x,y\n1,0\n2,1\n');
    expect(suggestLabel(d)).toEqual({ column: 'y', positive: '1' });
    const e = await datasetOf('x,outcome\n1,yes\n2,no\n');
    expect(suggestLabel(e)).toEqual({ column: 'outcome', positive: 'yes' });
  });
});

describe('three or more label values', () => {
  it('suggests a column named like a label without a positive value, and says what to do', async () => {
    const d = await datasetOf('x,label\n1,a\n2,b\n3,c\n4,a\n');
    expect(suggestLabel(d)).toEqual({ column: 'label', positive: null });
    expect(explainMultiClass(defined(findColumn(d, 'label')))).toBe(
      'The label column "label" has 3 values ("a", "b", "c"), not two. Choose the positive class under Positive class: Cutoff then compares it with all the other values (one versus the rest).',
    );
  });

  it('explains a label-named column with too many values to be a class', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},${i * 1.5}`).join('\n');
    const d = await datasetOf(`x,target\n${rows}\n`);
    expect(suggestLabel(d)).toBeNull();
    expect(explainNoLabel(d)).toMatch(/"target" is named like a label but has more than 20 different values/);
  });
});

describe('explainLabelChoice', () => {
  it('asks for what is missing, and nothing once both are chosen', async () => {
    const d = await datasetOf('x,grade,ok\n1,a,yes\n2,b,no\n3,c,no\n');
    expect(explainLabelChoice(d, 'grade', null)).toMatch(/"grade" has 3 values \("a", "b", "c"\), not two/);
    expect(explainLabelChoice(d, 'ok', null)).toBe('Choose the positive class of the label column "ok".');
    expect(explainLabelChoice(d, 'grade', 'b')).toBeNull();
    expect(explainLabelChoice(d, null, null)).toMatch(/exactly two values|Choose the label column/);
  });
});

describe('the label suggestion skips a model’s predictions', () => {
  it("prefers SAS's outcome BAD over its predicted class I_BAD, with . read as a missing number", async () => {
    const { readFileSync } = await import('node:fs');
    const { datasetOf } = await import('./helpers');
    const { suggestLabel, isPredictionName } = await import('../../../src/data/label-suggestion');
    const d = await datasetOf(new Uint8Array(readFileSync(new URL('../../fixtures/data/sas-export.csv', import.meta.url))), {}, 'sas-export.csv');
    expect(suggestLabel(d)?.column).toBe('BAD');
    const amount = d.columns.find((c) => c.name === 'AMOUNT');
    const age = d.columns.find((c) => c.name === 'AGE');
    expect([amount?.kind, age?.kind]).toEqual(['numeric', 'numeric']);
    expect(amount?.missing).toBeGreaterThan(0);
    for (const name of ['I_BAD', 'P_BAD1', 'pred', 'predicted', 'proba_1', 'p1', 'score', 'churn_score']) expect(isPredictionName(name), name).toBe(true);
    for (const name of ['BAD', 'price', 'prior_claims', 'pressure', 'scored_by']) expect(isPredictionName(name), name).toBe(false);
  });
});

describe('labelSuggestion', () => {
  it('a Stata cohort: the outcome ("died") over a yes/no risk factor written last, with the reason', async () => {
    const { readFileSync } = await import('node:fs');
    const { datasetOf } = await import('./helpers');
    const { labelSuggestion } = await import('../../../src/data/label-suggestion');
    const d = await datasetOf(new Uint8Array(readFileSync(new URL('../../fixtures/data/stata-cohort.csv', import.meta.url))), {}, 'stata-cohort.csv');
    const s = labelSuggestion(d);
    expect(s?.choice).toEqual({ column: 'died', positive: 'Yes' });
    expect(s?.reason).toMatch(/^"died" suggested as the label: its name reads as an outcome \("died"\); two values, "Yes" the rarer \(\d+\.\d% of rows\)\.$/);
    expect(s?.alternative).toBeNull();
  });

  it('a scored SAS file: the outcome, and the reason names the predicted class it passed over', async () => {
    const { readFileSync } = await import('node:fs');
    const { datasetOf } = await import('./helpers');
    const { labelSuggestion } = await import('../../../src/data/label-suggestion');
    const d = await datasetOf(new Uint8Array(readFileSync(new URL('../../fixtures/data/sas-export.csv', import.meta.url))), {}, 'sas-export.csv');
    const s = labelSuggestion(d);
    expect(s?.choice.column).toBe('BAD');
    expect(s?.reason).toContain("Not I_BAD: named as a model's output.");
    expect(s?.alternative).toBeNull();
  });

  it('asks when two columns are equally plausible, and not when a name decides', async () => {
    const { datasetOf } = await import('./helpers');
    const { labelSuggestion } = await import('../../../src/data/label-suggestion');
    const rows = Array.from({ length: 200 }, (_, i) => `${i % 4 === 0 ? 1 : 0},${i % 3 === 0 ? 1 : 0},${i}`);
    const tied = labelSuggestion(await datasetOf(`a,b,x\n${rows.join('\n')}\n`));
    expect(tied?.choice.column).toBe('b');
    expect(tied?.alternative?.column).toBe('a');
    const named = labelSuggestion(await datasetOf(`a,readmitted,x\n${rows.join('\n')}\n`));
    expect(named?.choice.column).toBe('readmitted');
    expect(named?.alternative).toBeNull();
    // A flag with a single positive row is a weak candidate beside one with a usable rare class.
    const single = labelSuggestion(await datasetOf(`a,b\n1,1\n${rows.map((r) => `${r.split(',')[0]},0`).join('\n')}\n`));
    expect(single?.choice.column).toBe('a');
    expect(single?.alternative).toBeNull();
  });
});
