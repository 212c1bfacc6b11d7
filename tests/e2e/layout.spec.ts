import type { Page } from '@playwright/test';
import { confusionOf, expect, test, trainDemo, uploadText } from './fixtures';

/**
 * A scores file with a second model and a site column, with every optional view filled: the
 * comparison, the review band, slices and thresholds per site (the largest these views get).
 */
async function fullScoresWorkspace(page: Page): Promise<void> {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['id,site,score,old_model,label'];
  for (let i = 0; i < 5000; i++) {
    const y = random() < 0.08 ? 1 : 0;
    const noise = () => (random() + random() + random()) / 3;
    const score = Math.min(1, Math.max(0, 0.22 * y + 0.8 * noise() - 0.1));
    const old = Math.min(1, Math.max(0, 0.12 * y + 0.8 * noise() - 0.05));
    lines.push(`${i + 1},${['north', 'south', 'east'][i % 3]},${score.toFixed(3)},${old.toFixed(3)},${y ? 'fraud' : 'ok'}`);
  }
  await page.goto('/');
  await uploadText(page, 'claims-scores.csv', lines.join('\n'));
  await expect(page.getByTestId('more-views')).toBeVisible();
  await page.getByTestId('compare-select').selectOption('old_model');
  await page.getByTestId('band-toggle').check();
  await page.getByTestId('slice-select').selectOption('site');
  await page.getByTestId('group-select').selectOption('site');
  await page.getByTestId('group-strategy').selectOption('group-cost');
  await page.getByTestId('bands-input').fill('0.2, 0.5, 0.8');
  await expect(page.getByTestId('slice-row')).toHaveCount(3);
  await expect(page.getByTestId('group-card')).toHaveCount(3);
  await expect(page.getByTestId('risk-band-row')).toHaveCount(4);
}

interface Placement {
  /** The focused element's tag: the view's heading (a paragraph for the one card without one). */
  focused: string;
  card: { top: number; bottom: number; left: number; right: number };
  stripBottom: number;
  viewport: { width: number; height: number };
  /** Ancestors that clip (overflow other than visible) and cut the card off. */
  clippedBy: string[];
  /** The card itself, or boxes inside it, whose content overflows and is clipped or scrolled away. */
  overflowing: string[];
}

/** Where the view whose heading has the focus sits, and whether any scroll container clips it. */
function placementOfFocusedView(page: Page): Promise<Placement> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement)) throw new Error('nothing focused');
    const card = focused.closest('.more-grid > *');
    if (!(card instanceof HTMLElement)) throw new Error(`the focus (${focused.tagName}) is not in a view of the second area`);
    const box = card.getBoundingClientRect();
    const clippedBy: string[] = [];
    // Every ancestor up to the page's own scroller: one that clips must hold the whole card.
    for (let el = card.parentElement; el && el !== document.documentElement && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = el.getBoundingClientRect();
      const top = outer.top + el.clientTop;
      const left = outer.left + el.clientLeft;
      const inside = box.top >= top - 0.5 && box.bottom <= top + el.clientHeight + 0.5 && box.left >= left - 0.5 && box.right <= left + el.clientWidth + 0.5;
      if (!inside) clippedBy.push(`${el.tagName}.${el.className} (overflow ${style.overflowX}/${style.overflowY}, client ${el.clientWidth}×${el.clientHeight})`);
    }
    // Inside the card: a card clips what overflows it (paint containment), an inner box may scroll.
    const overflowing: string[] = [];
    for (const el of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
      if (el.matches('input, select, textarea, .visually-hidden, .visually-hidden *') || el instanceof SVGElement) continue;
      const style = getComputedStyle(el);
      const clips = el === card || style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        overflowing.push(`${el.tagName}.${el.className} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    const strip = document.querySelector('[data-testid="decision-strip"]');
    if (!strip) throw new Error('no strip');
    return {
      focused: focused.tagName,
      card: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      stripBottom: strip.getBoundingClientRect().bottom,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      clippedBy,
      overflowing,
    };
  });
}

/** The element is inside the viewport and is what a pointer at its centre would hit (nothing covers it). */
async function expectOnScreen(page: Page, testId: string): Promise<void> {
  const element = page.getByTestId(testId);
  await expect(element).toBeVisible();
  await expect(element).toBeInViewport({ ratio: 1 });
  const uncovered = await element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit) || hit.contains(el));
  });
  expect(uncovered, `${testId} is not covered`).toBe(true);
}

/**
 * Follows every link of the strip, as a user does, and checks that the view it names is inside
 * the viewport below the strip, clipped by nothing, with the threshold and the counts on screen.
 */
async function expectEveryViewShown(page: Page): Promise<void> {
  const links = page.getByTestId('view-link');
  const keys = await links.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.view ?? ''));
  expect(keys.length).toBeGreaterThanOrEqual(13);
  for (const key of keys) {
    await page.locator(`[data-testid="view-link"][data-view="${key}"]`).click();
    const p = await placementOfFocusedView(page);
    expect(p.clippedBy, `${key}: no scroll container clips it`).toEqual([]);
    expect(p.overflowing, `${key}: nothing inside it is cut off`).toEqual([]);
    expect(p.card.top, `${key}: top below the strip`).toBeGreaterThanOrEqual(p.stripBottom - 0.5);
    expect(p.card.bottom, `${key}: bottom inside the viewport`).toBeLessThanOrEqual(p.viewport.height + 0.5);
    expect(p.card.left, `${key}: left`).toBeGreaterThanOrEqual(0);
    expect(p.card.right, `${key}: right`).toBeLessThanOrEqual(p.viewport.width + 0.5);
    if (key !== 'per-1000') expect(p.focused, `${key}: the focus is on its heading`).toMatch(/^H[23]$/);
    await expectOnScreen(page, 'threshold-input');
    await expectOnScreen(page, 'cm-tp');
  }
  // No sideways scrolling, and the page, not a pane, is what scrolled.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const [name, open] of [
      ['after training on the demo', trainDemo],
      ['with a scores file and every optional view filled', fullScoresWorkspace],
    ] as const) {
      test(`every view of the second area comes fully into view from the strip, with the threshold and counts on screen, ${name}`, async ({ page }) => {
        await open(page);
        await expectEveryViewShown(page);
      });
    }

    test('scrolling the page by hand keeps the strip on screen', async ({ page }) => {
      await trainDemo(page);
      for (let i = 0; i < 12; i++) {
        await page.mouse.move(viewport.width / 2, viewport.height - 40);
        await page.mouse.wheel(0, 400);
      }
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
      await expectOnScreen(page, 'threshold-input');
      await expectOnScreen(page, 'cm-tp');
      await expectOnScreen(page, 'strip-recall');
    });
  });
}

test.describe('the strip from the keyboard', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a view is reached from the strip and Escape or ↑ Curves come back to the threshold', async ({ page }) => {
    await trainDemo(page);
    // Every view is named by a real heading.
    for (const name of ['Scores by class', 'Metrics by threshold', 'Calibration (reliability diagram)', 'Decision curve (net benefit)', 'Compare', 'Slices']) {
      await expect(page.getByRole('heading', { level: 2, name })).toHaveCount(1);
    }
    await page.getByRole('navigation', { name: 'Views below the cockpit' }).getByRole('button', { name: 'Calibration' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Calibration (reliability diagram)' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('calibration-select')).toBeFocused();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('threshold-input')).toBeFocused();
    // Escape keeps the view in sight.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await page.getByTestId('back-to-threshold').click();
    await expect(page.getByTestId('threshold-input')).toBeFocused();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('the strip handle is a slider over distinct scores and moves every view', async ({ page }) => {
    await trainDemo(page);
    await page.getByTestId('threshold-input').fill('0.5');
    // Typed values are applied on the next frame: wait until the strip's handle holds it.
    await expect(page.getByTestId('strip-handle')).toHaveAttribute('aria-valuetext', /^threshold 0\.5\b/);
    const before = await confusionOf(page);
    await page.getByTestId('strip-handle').focus();
    await page.keyboard.press('ArrowRight');
    // The input follows the store on the next render: poll rather than read at once.
    await expect.poll(async () => Number(await page.getByTestId('threshold-input').inputValue())).toBeGreaterThan(0.5);
    const t = await page.getByTestId('threshold-input').inputValue();
    const after = await confusionOf(page);
    // One distinct score up: one or a few cases fewer flagged.
    expect(after.tp + after.fp).toBeLessThan(before.tp + before.fp);
    await expect(page.getByTestId('roc-handle')).toHaveAttribute('aria-valuenow', t);
    await expect(page.getByTestId('metrics-handle')).toHaveAttribute('aria-valuenow', t);
  });

  test('dragging the metrics chart below the fold updates the strip live', async ({ page }) => {
    await trainDemo(page);
    await page.locator('[data-testid="view-link"][data-view="metrics"]').click();
    const before = await confusionOf(page);
    const plot = await page.getByTestId('metrics-chart').locator('rect.plot-area').boundingBox();
    const line = await page.getByTestId('metrics-handle').boundingBox();
    if (!plot || !line) throw new Error('metrics chart not on screen');
    await page.mouse.move(line.x + line.width / 2, plot.y + plot.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.3, plot.y + plot.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => JSON.stringify(await confusionOf(page))).not.toBe(JSON.stringify(before));
    await expectOnScreen(page, 'cm-tp');
    await expect(page.getByTestId('strip-recall')).toHaveText(await page.getByTestId('metric-recall').innerText());
    await expect(page.getByTestId('strip-precision')).toHaveText(await page.getByTestId('metric-precision').innerText());
    await expect(page.getByTestId('strip-cost')).toHaveText(await page.getByTestId('metric-expected-cost').innerText());
  });
});
