import { confusionOf, expect, numberOf, test, uploadText } from './fixtures';

/** A seeded generator so the file is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scoresFile(n: number) {
  const random = mulberry32(7);
  const rows: { score: number; label: string }[] = [];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.15;
    // Two decimals make heavy ties, as scores binned upstream do.
    const score = Math.round(Math.min(1, Math.max(0, (positive ? 0.35 : 0) + random() * 0.65)) * 100) / 100;
    rows.push({ score, label: positive ? 'fraud' : 'ok' });
  }
  return { rows, text: `id,score,label\n${rows.map((r, i) => `${i},${r.score},${r.label}`).join('\n')}\n` };
}

test('scores mode: exact counts at a typed threshold, ties included', async ({ page }) => {
  const { rows, text } = scoresFile(1500);
  await page.goto('/');
  await uploadText(page, 'scores.csv', text);
  await expect(page.getByTestId('dataset-summary')).toContainText('1500 rows');
  await expect(page.getByTestId('mode-select')).toHaveValue('scores');
  await expect(page.getByTestId('score-select')).toHaveValue('score');
  await expect(page.getByTestId('label-select')).toHaveValue('label');
  await expect(page.getByTestId('positive-select')).toHaveValue('fraud');

  for (const threshold of [0.5, 0.35, 0.9, 0]) {
    await page.getByTestId('threshold-input').fill(String(threshold));
    const expected = { tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const r of rows) {
      const predicted = r.score >= threshold;
      const actual = r.label === 'fraud';
      if (predicted && actual) expected.tp++;
      else if (predicted) expected.fp++;
      else if (actual) expected.fn++;
      else expected.tn++;
    }
    await expect.poll(() => confusionOf(page)).toEqual(expected);
    const recall = expected.tp / (expected.tp + expected.fn);
    expect(await numberOf(page, 'metric-recall')).toBeCloseTo(recall, 4);
    await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', String(threshold));
  }
});

test('scores mode: a count column weights the rows', async ({ page }) => {
  const text = 'score,label,count\n0.9,1,30\n0.9,0,5\n0.6,1,10\n0.6,0,40\n0.2,1,2\n0.2,0,300\n';
  await page.goto('/');
  await uploadText(page, 'aggregated.csv', text);
  // The count column is found by its name: the file opens as aggregated scores.
  await expect(page.getByTestId('mode-select')).toHaveValue('aggregated');
  await expect(page.getByTestId('weight-select')).toHaveValue('count');
  // The summary counts the cases the rows stand for, with the rows beside them.
  await expect(page.getByTestId('dataset-summary')).toContainText('6 rows');
  await expect(page.getByTestId('dataset-summary')).toContainText('standing for 387 cases, 42 positive cases');
  await expect(page.getByTestId('cockpit')).toContainText('6 rows standing for 387 cases (all rows)');
  await page.getByTestId('threshold-input').fill('0.6');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 40, fp: 45, tn: 300, fn: 2 });
});

test('keyboard moves the PR handle to the next distinct threshold', async ({ page }) => {
  const text = 'score,label\n0.9,1\n0.8,0\n0.7,1\n0.4,0\n0.2,0\n';
  await page.goto('/');
  await uploadText(page, 's.csv', text);
  await page.getByTestId('threshold-input').fill('0.75');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 1 });
  await page.getByTestId('pr-handle').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => confusionOf(page)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 0 });
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.7');
});
