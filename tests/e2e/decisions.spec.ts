import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { confusionOf, expect, test, uploadText } from './fixtures';

// 48 scored cases in two groups (A, B) with an amount per case: small enough to check every
// figure on the page by brute force below.
const CSV = readFileSync(fileURLToPath(new URL('../fixtures/decisions/groups.csv', import.meta.url)), 'utf8');
interface Row {
  id: string;
  score: number;
  label: number;
  group: string;
  amount: number;
}
const ROWS: Row[] = CSV.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, score, label, group, amount] = line.split(',');
    return { id, score: Number(score), label: Number(label), group, amount: Number(amount) };
  });
// The page's default costs.
const C_FP = 1;
const C_FN = 10;

// ---- brute force, straight from the rows ----
function confusion(rows: Row[], t: number) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const r of rows) {
    if (r.label && r.score >= t) c.tp++;
    else if (r.label) c.fn++;
    else if (r.score >= t) c.fp++;
    else c.tn++;
  }
  return c;
}
/** Every threshold that makes a different decision: above the top score, then each distinct score. */
function candidates(rows: Row[]): number[] {
  return [Infinity, ...[...new Set(rows.map((r) => r.score))].sort((a, b) => b - a)];
}
const cost = (rows: Row[], t: number, missed: (r: Row) => number = () => C_FN) =>
  rows.reduce((s, r) => s + (r.label && r.score < t ? missed(r) : 0) + (!r.label && r.score >= t ? C_FP : 0), 0);
const recall = (rows: Row[], t: number) => {
  const c = confusion(rows, t);
  return c.tp / (c.tp + c.fn);
};
const groupRows = (g: string) => ROWS.filter((r) => r.group === g);
const amount = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

async function load(page: Page) {
  await page.goto('/');
  await uploadText(page, 'groups.csv', CSV);
  await expect(page.getByTestId('cockpit')).toBeVisible();
}
const groupThreshold = async (page: Page, g: string) => Number(await page.locator(`[data-testid="group-threshold"][data-group="${g}"]`).innerText());
const thresholdShown = async (page: Page) => Number(await page.getByTestId('threshold-input').inputValue());

test('group thresholds: group-cost and equal opportunity match brute force; dragging a group handle switches to manual', async ({ page }) => {
  await load(page);
  // A miss costs 3 false alarms here: the groups' own optima then differ in recall.
  await page.getByTestId('cost-fn').fill('3');
  const three = () => 3;
  const cost3 = (rows: Row[], t: number) => cost(rows, t, three);
  await page.getByTestId('group-select').selectOption('group');
  await page.getByTestId('group-strategy').selectOption('group-cost');
  const optimum = { A: 0, B: 0 };
  for (const g of ['A', 'B'] as const) {
    const rows = groupRows(g);
    const best = Math.min(...candidates(rows).map((t) => cost3(rows, t)));
    optimum[g] = best;
    await expect.poll(async () => cost3(rows, await groupThreshold(page, g))).toBe(best);
    const t = await groupThreshold(page, g);
    await expect(page.locator(`[data-testid="group-tp"][data-group="${g}"]`)).toHaveText(String(confusion(rows, t).tp));
    await expect(page.locator(`[data-testid="group-fp"][data-group="${g}"]`)).toHaveText(String(confusion(rows, t).fp));
  }

  // Equal opportunity: the cheapest pair of thresholds whose recalls differ by no more than the
  // sample's resolution (the largest step between a group's neighbouring recalls), by enumeration.
  await page.getByTestId('group-strategy').selectOption('equal-opportunity');
  const [a, b] = [groupRows('A'), groupRows('B')];
  const steps = (rows: Row[]) => {
    const values = [...new Set(candidates(rows).map((t) => recall(rows, t)))].sort((x, y) => x - y);
    return Math.max(...values.slice(1).map((v, i) => v - values[i]));
  };
  const tolerance = Math.max(steps(a), steps(b));
  let cheapest = Infinity;
  for (const ta of candidates(a)) {
    for (const tb of candidates(b)) {
      if (Math.abs(recall(a, ta) - recall(b, tb)) <= tolerance + 1e-12) cheapest = Math.min(cheapest, cost3(a, ta) + cost3(b, tb));
    }
  }
  await expect.poll(async () => cost3(a, await groupThreshold(page, 'A')) + cost3(b, await groupThreshold(page, 'B'))).toBe(cheapest);
  const [ta, tb] = [await groupThreshold(page, 'A'), await groupThreshold(page, 'B')];
  expect(Math.abs(recall(a, ta) - recall(b, tb))).toBeLessThanOrEqual(tolerance + 1e-12);
  const more = (cheapest / (optimum.A + optimum.B) - 1) * 100;
  await expect(page.getByTestId('group-summary')).toContainText(
    more < 0.05 ? 'the same as group-cost' : `${more.toFixed(1)} % more than group-cost (${((optimum.A + optimum.B) / ROWS.length).toFixed(4)})`,
  );

  // The keyboard on A's handle: one more distinct score flagged; B stays; the strategy is manual now.
  const handleA = page.locator('[data-testid="group-handle"][data-group="A"]');
  await handleA.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('group-strategy')).toHaveValue('manual');
  await expect.poll(() => groupThreshold(page, 'A')).not.toBe(ta);
  expect(await groupThreshold(page, 'B')).toBe(tb);
  expect(Number(await handleA.getAttribute('aria-valuenow'))).toBe(await groupThreshold(page, 'A'));
  const tA = await groupThreshold(page, 'A');
  expect(confusion(a, tA).tp + confusion(a, tA).fp).toBeGreaterThan(confusion(a, ta).tp + confusion(a, ta).fp);

  // The mouse on B's handle: dragged to the top right, B flags everything.
  const handleB = page.locator('[data-testid="group-handle"][data-group="B"]');
  await page.locator('[data-testid="group-roc"][data-group="B"]').scrollIntoViewIfNeeded();
  const plot = await page.locator('[data-testid="group-roc"][data-group="B"] rect.plot-area').boundingBox();
  const box = await handleB.boundingBox();
  if (!plot || !box) throw new Error('group ROC not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width - 1, plot.y + 1, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => confusion(b, await groupThreshold(page, 'B')).fn + confusion(b, await groupThreshold(page, 'B')).tn).toBe(0);
  expect(await groupThreshold(page, 'A')).toBe(tA);
});

test('row costs price the errors and the optimum; the targets snap the threshold or say none exists', async ({ page }) => {
  await load(page);
  await page.getByTestId('threshold-input').fill('0.5');
  await page.getByTestId('cost-fn-column').selectOption('amount');
  const c = confusion(ROWS, 0.5);
  const missed = ROWS.filter((r) => r.label && r.score < 0.5).reduce((s, r) => s + r.amount, 0);
  await expect(page.getByTestId('row-cost-summary')).toHaveText(`The ${c.fn} missed cases cost ${amount(missed)}; the ${c.fp} false alarms cost ${amount(c.fp * C_FP)}.`);
  await expect(page.getByTestId('metric-expected-cost')).toHaveText(((missed + c.fp * C_FP) / ROWS.length).toFixed(4));

  // The optimum under row costs: no threshold is cheaper when every miss costs its amount.
  await page.getByTestId('optimal-button').click();
  const byAmount = (r: Row) => r.amount;
  const cheapest = Math.min(...candidates(ROWS).map((t) => cost(ROWS, t, byAmount)));
  await expect.poll(async () => cost(ROWS, await thresholdShown(page), byAmount)).toBe(cheapest);
  // At the optimum the costs as given (scale ×1) lie inside the range of scales that keep it cheapest.
  const ratio = (await page.getByTestId('row-cost-ratio').innerText()).match(/×([\d.]+) to ×([\d.]+|∞)/);
  expect(ratio).not.toBeNull();
  expect(Number(ratio?.[1])).toBeLessThanOrEqual(1);
  expect(ratio?.[2] === '∞' ? Infinity : Number(ratio?.[2])).toBeGreaterThanOrEqual(1);

  const target = async (kind: string, value: string) => {
    await page.getByTestId('target-kind').selectOption(kind);
    await page.getByTestId('target-value').fill(value);
    await page.getByTestId('target-button').click();
  };
  const points = candidates(ROWS).map((t) => ({ t, ...confusion(ROWS, t) }));

  // Best recall at precision >= 0.7: the most positives caught among the points that keep it.
  await target('best-recall-at-precision', '0.7');
  const keep = points.filter((p) => p.tp + p.fp > 0 && p.tp / (p.tp + p.fp) >= 0.7);
  const mostCaught = Math.max(...keep.map((p) => p.tp));
  await expect.poll(async () => (await confusionOf(page)).tp).toBe(mostCaught);
  const atTarget = await confusionOf(page);
  expect(atTarget.tp / (atTarget.tp + atTarget.fp)).toBeGreaterThanOrEqual(0.7);
  await expect(page.getByTestId('target-result')).toContainText(`recall is ${(mostCaught / (atTarget.tp + atTarget.fn)).toFixed(3)}`);

  // Best precision at recall >= 0.9.
  await target('best-precision-at-recall', '0.9');
  const P = ROWS.filter((r) => r.label).length;
  const bestPrecision = Math.max(...points.filter((p) => p.tp / P >= 0.9).map((p) => p.tp / (p.tp + p.fp)));
  await expect
    .poll(async () => {
      const m = await confusionOf(page);
      return m.tp / (m.tp + m.fp);
    })
    .toBeCloseTo(bestPrecision, 12);

  // At most 250 alarms per 1,000 cases: 12 of the 48; the lowest threshold within that.
  await target('max-alarms-per-1000', '250');
  const within = points.filter((p) => p.tp + p.fp <= 12);
  const mostAlarms = Math.max(...within.map((p) => p.tp + p.fp));
  await expect
    .poll(async () => {
      const m = await confusionOf(page);
      return m.tp + m.fp;
    })
    .toBe(mostAlarms);

  // A precision nobody reaches: said, and the threshold stays. The handle follows the threshold
  // store at once; the box may still be catching up with the last target when this is read.
  const handle = page.getByTestId('roc-handle');
  const before = await handle.getAttribute('aria-valuenow');
  await target('best-recall-at-precision', '1.5');
  await expect(page.getByTestId('target-result')).toContainText('No threshold meets');
  expect(await handle.getAttribute('aria-valuenow')).toBe(before);
});

test('with an assumed prevalence, precision and the natural frequencies are re-weighted to it', async ({ page }) => {
  await load(page);
  await page.getByTestId('threshold-input').fill('0.5');
  await page.getByTestId('prevalence-input').fill('0.05');
  const c = confusion(ROWS, 0.5);
  const tpr = c.tp / (c.tp + c.fn);
  const fpr = c.fp / (c.fp + c.tn);
  // Bayes' rule at π = 0.05 from the rates measured on the data.
  await expect(page.getByTestId('metric-precision')).toHaveText(((0.05 * tpr) / (0.05 * tpr + 0.95 * fpr)).toFixed(4));
  await expect(page.getByTestId('metric-recall')).toHaveText(tpr.toFixed(4));
  await expect(page.getByTestId('natural-frequencies')).toContainText(
    `At 5 % prevalence, of every 1,000 cases at this threshold: ${Math.round(50 * tpr)} caught, ${Math.round(950 * fpr)} false alarms`,
  );
});

test('risk bands, thresholds.csv and the predictions CSV with group thresholds and band names', async ({ page }) => {
  await load(page);
  await page.getByTestId('cost-fn-column').selectOption('amount');
  await page.getByTestId('bands-input').fill('0.2, 0.5, 0.8');
  const edges = [-Infinity, 0.2, 0.5, 0.8, Infinity];
  const names = ['low', 'medium', 'high', 'urgent'];
  for (let i = 0; i < 4; i++) {
    const inBand = ROWS.filter((r) => r.score >= edges[i] && r.score < edges[i + 1]);
    const row = page.locator(`[data-testid="risk-band-row"][data-band="${names[i]}"]`);
    await expect(row.getByTestId('risk-band-count')).toHaveText(String(inBand.length));
    await expect(row.getByTestId('risk-band-positives')).toHaveText(String(inBand.filter((r) => r.label).length));
    const positives = inBand.filter((r) => r.label).length;
    await expect(row.getByTestId('risk-band-precision')).toHaveText((inBand.length ? positives / inBand.length : 0).toFixed(4));
    await expect(row.getByTestId('risk-band-share')).toHaveText((inBand.length / ROWS.length).toFixed(4));
  }
  await page.locator('[data-testid="band-name"][data-band-index="3"]').fill('act now');
  await expect(page.locator('[data-testid="risk-band-row"][data-band="act now"]')).toBeVisible();
  // The middle cut is an edge on the histogram too: one distinct score lower by keyboard.
  await page.getByTestId('risk-cut-handle-1').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('bands-input')).not.toHaveValue('0.2, 0.5, 0.8');
  const moved = Number((await page.getByTestId('bands-input').inputValue()).split(',')[1]);
  expect(moved).toBeLessThan(0.5);
  // Exactly one distinct score left the medium band for the high one.
  expect(new Set(ROWS.filter((r) => r.score >= moved && r.score < 0.5).map((r) => r.score)).size).toBe(1);
  const medium = ROWS.filter((r) => r.score >= 0.2 && r.score < moved).length;
  await expect(page.locator('[data-testid="risk-band-row"][data-band="medium"]').getByTestId('risk-band-count')).toHaveText(String(medium));
  await page.getByTestId('bands-input').fill('0.5, 0.2');
  await expect(page.getByTestId('bands-error')).toContainText('must increase');
  await page.getByTestId('bands-input').fill('0.2, 0.5, 0.8');

  // Every threshold as a table: one row per distinct score, counts and row-cost expected cost by brute force.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /thresholds\.csv/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('thresholds.csv');
  const [header, ...lines] = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n');
  expect(header).toBe('threshold,tp,fp,tn,fn,tpr,fpr,precision,recall,f1,mcc,alarm_rate,expected_cost');
  expect(lines).toHaveLength(new Set(ROWS.map((r) => r.score)).size);
  for (const line of lines) {
    const cells = line.split(',').map(Number);
    const c = confusion(ROWS, cells[0]);
    expect(cells.slice(1, 5)).toEqual([c.tp, c.fp, c.tn, c.fn]);
    expect(cells[11]).toBeCloseTo((c.tp + c.fp) / ROWS.length, 12);
    expect(cells[12]).toBeCloseTo(cost(ROWS, cells[0], (r) => r.amount) / ROWS.length, 12);
  }

  // Predictions with group thresholds (each group at its optimum) and the band names.
  await page.getByTestId('group-select').selectOption('group');
  await page.getByTestId('group-strategy').selectOption('group-cost');
  // Solved in the metrics worker: read the thresholds once the answer for this strategy is shown.
  await expect(page.getByTestId('group-summary')).toHaveAttribute('data-strategy', 'group-cost');
  await expect(page.getByTestId('group-summary')).toHaveAttribute('data-solving', 'false');
  const thresholds = { A: await groupThreshold(page, 'A'), B: await groupThreshold(page, 'B') };
  for (const g of ['A', 'B'] as const) {
    const missedAmount = groupRows(g)
      .filter((r) => r.label && r.score < thresholds[g])
      .reduce((sum, r) => sum + r.amount, 0);
    await expect(page.locator(`[data-testid="group-missed-cost"][data-group="${g}"]`)).toHaveText(String(missedAmount));
  }
  const predictions = page.waitForEvent('download');
  await page.getByTestId('predictions-export-button').click();
  const [head, ...out] = readFileSync(await (await predictions).path(), 'utf8')
    .trim()
    .split('\n');
  // The decision columns `cutoff apply` writes, under the same names (src/decision/decision-rule).
  expect(head).toBe('id,score,group,decision,risk_band,group_threshold');
  expect(out).toHaveLength(ROWS.length);
  out.forEach((line, i) => {
    const [id, , group, decision, band, threshold] = line.split(',');
    const r = ROWS[i];
    const t = thresholds[r.group as 'A' | 'B'];
    expect([id, group, Number(threshold)]).toEqual([r.id, r.group, t]);
    expect(decision).toBe(r.score >= t ? 'positive' : 'negative');
    expect(band).toBe(['low', 'medium', 'high', 'act now'][edges.findIndex((e, k) => r.score >= e && r.score < edges[k + 1])]);
  });
});

test('export → import restores the group strategy, row-cost column, bands and target', async ({ page }) => {
  await load(page);
  await page.getByTestId('group-select').selectOption('group');
  await page.getByTestId('group-strategy').selectOption('equal-odds-fpr');
  await page.getByTestId('cost-fn-column').selectOption('amount');
  await page.getByTestId('bands-input').fill('0.3, 0.7');
  await page.locator('[data-testid="band-name"][data-band-index="1"]').fill('review');
  await page.getByTestId('target-kind').selectOption('best-recall-at-precision');
  await page.getByTestId('target-value').fill('0.6');
  await page.getByTestId('target-button').click();
  await expect(page.getByTestId('group-summary')).toHaveAttribute('data-strategy', 'equal-odds-fpr');
  await expect(page.getByTestId('group-summary')).toHaveAttribute('data-solving', 'false');
  const shown = { A: await groupThreshold(page, 'A'), B: await groupThreshold(page, 'B') };

  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.schemaVersion).toBe(2);
  expect(exported.groups.column).toBe('group');
  expect(exported.groups.strategy).toBe('equal-odds-fpr');
  expect(Object.fromEntries(exported.groups.thresholds.map((g: { value: string; threshold: number }) => [g.value, g.threshold]))).toEqual(shown);
  for (const g of exported.groups.thresholds as { value: string; threshold: number; confusion: object }[]) {
    expect(g.confusion).toEqual(confusion(groupRows(g.value), g.threshold));
  }
  expect(exported.rowCosts).toEqual({ falseNegativeColumn: 'amount', falsePositiveColumn: null });
  expect(exported.bands).toEqual({ cuts: [0.3, 0.7], names: ['low', 'review', 'high'] });
  expect(exported.targets[0]).toMatchObject({ kind: 'best-recall-at-precision', value: 0.6 });

  // Change everything, then load the file back.
  await page.getByTestId('group-strategy').selectOption('single');
  await page.getByTestId('group-select').selectOption('');
  await page.getByTestId('cost-fn-column').selectOption('');
  await page.getByTestId('bands-input').fill('');
  await page.getByTestId('import-input').setInputFiles(path);
  await expect(page.getByTestId('group-select')).toHaveValue('group');
  await expect(page.getByTestId('group-strategy')).toHaveValue('equal-odds-fpr');
  await expect(page.getByTestId('cost-fn-column')).toHaveValue('amount');
  await expect(page.getByTestId('bands-input')).toHaveValue('0.3, 0.7');
  await expect(page.locator('[data-testid="risk-band-row"][data-band="review"]')).toBeVisible();
  expect({ A: await groupThreshold(page, 'A'), B: await groupThreshold(page, 'B') }).toEqual(shown);
});
