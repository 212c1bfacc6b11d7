import { test as base, expect, type Page } from '@playwright/test';

export const ORIGIN = 'http://127.0.0.1:4173';

interface Watch {
  /** Console errors, page errors and CSP refusals seen so far. */
  problems: string[];
  /** Every request URL the page or its workers made. */
  requests: string[];
}

/**
 * Every test fails on a console error, an uncaught exception or a CSP violation (the browser's
 * own console report and a `securitypolicyviolation` listener, in case a report is not logged),
 * and can check that nothing left the page's own origin. Automatic: a test need not ask for it.
 */
export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page, context }, use) => {
      const watch: Watch = { problems: [], requests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') watch.problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
      context.on('request', (request) => watch.requests.push(request.url()));
      page.on('worker', (worker) => worker.on('console', (m) => m.type() === 'error' && watch.problems.push(`worker: ${m.text()}`)));
      await page.exposeBinding('__cutoffCspViolation', (_source, report: string) => {
        watch.problems.push(`CSP violation: ${report}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`;
          (window as unknown as { __cutoffCspViolation: (r: string) => void }).__cutoffCspViolation(report);
        });
      });
      await use(watch);
      expect(watch.problems, 'no console errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Reads a confusion-matrix cell or metric as a number. */
export async function numberOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).innerText());
}

/**
 * The four confusion counts as shown, read in one go: cell by cell, a render between two reads
 * (the threshold settling after training, say) would mix two matrices.
 */
export async function confusionOf(page: Page): Promise<{ tp: number; fp: number; tn: number; fn: number }> {
  await expect(page.getByTestId('cm-fn')).toBeVisible();
  return page.evaluate(() => {
    const cell = (id: string): number => {
      const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!element) throw new Error(`no ${id}`);
      return Number(element.innerText);
    };
    return { tp: cell('cm-tp'), fp: cell('cm-fp'), tn: cell('cm-tn'), fn: cell('cm-fn') };
  });
}

/** Uploads text as a file through the file input, as a user picking a file does. */
export async function uploadText(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/**
 * Opens a step folded into its summary line (the cockpit folds Data and Train once scores are
 * shown), as a person clicks "Show all" before changing a setting there.
 */
export async function unfold(page: Page, step: 'data' | 'train'): Promise<void> {
  // The steps fold when the cockpit first has scores, which can come a moment after training
  // says done: wait for it, or the fold lands after the look and closes what was opened.
  await expect(page.getByTestId('roc-handle')).toBeVisible();
  await openIfFolded(page, step);
  await expect(page.getByTestId(`${step}-fold`)).toHaveAttribute('data-folded', 'false');
}

/** Opens the step if it is folded now, without waiting for scores (which may never come). */
export async function openIfFolded(page: Page, step: 'data' | 'train'): Promise<void> {
  const fold = page.getByTestId(`${step}-fold`);
  if ((await fold.getAttribute('data-folded')) === 'true') await page.getByTestId(`${step}-fold-toggle`).click();
}

/** 600 rows: two numeric features (one with gaps), a text feature, a rare positive label. */
export function smallCsv(rows = 600): string {
  let s = 7;
  const rand = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  const colors = ['red', 'green', 'blue'];
  const lines = ['x1,x2,color,y'];
  for (let i = 0; i < rows; i++) {
    const x1 = rand() * 4 - 2;
    const x2 = rand() * 4 - 2;
    const color = colors[Math.floor(rand() * 3)];
    const y = x1 + 0.5 * x2 + (color === 'red' ? 0.8 : 0) + rand() > 2.2 ? 1 : 0;
    lines.push(`${x1.toFixed(3)},${rand() < 0.05 ? '' : x2.toFixed(3)},${rand() < 0.03 ? 'NA' : color},${y}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Trains on the demo for a few epochs in the page and waits for the final curve and the second area. */
export async function trainDemo(page: Page, epochs = 3): Promise<void> {
  await page.goto('/');
  await page.getByTestId('demo-button').click();
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  // The final weights' scores are turned into a curve in the metrics worker a moment later.
  await expect(page.getByTestId('cockpit')).toHaveAttribute('data-updating', 'false');
  // The second area renders a moment after the cockpit (a deferred render).
  await expect(page.getByTestId('more-views')).toBeVisible();
}
