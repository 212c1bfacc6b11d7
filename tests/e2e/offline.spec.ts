import { test as plain, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, uploadText } from './fixtures';

/**
 * Offline from here on: the browser's offline mode, and every request that still reaches the
 * network refused (the offline mode does not cover the workers' own requests).
 */
async function cutTheNetwork(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

// The suite blocks service workers (playwright.config.ts): these tests are the ones about it.
test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app works with the network off: demo, training on WASM, drag, export', async ({ page, context }) => {
    await page.goto('/');
    // Installed means every file of the build is in the cache; claimed means this page uses it.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });

    await cutTheNetwork(context);
    await page.reload();
    await expect(page.getByTestId('demo-button')).toBeVisible();

    await page.getByTestId('demo-button').click();
    await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');

    // WASM: its .wasm binaries load only now, long after the first visit.
    await page.getByTestId('backend-select').selectOption('wasm');
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('train-button').click();
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
    await expect(page.getByTestId('backend')).toHaveText('wasm');

    const before = await page.getByTestId('threshold-input').inputValue();
    const handle = await page.getByTestId('histogram-handle').boundingBox();
    if (!handle) throw new Error('histogram handle not on screen');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('threshold-input')).not.toHaveValue(before);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { threshold: number };
    expect(exported.threshold).toBe(Number(await page.getByTestId('threshold-input').inputValue()));
  });

  const SW_FILE = 'dist/sw.js';
  const cutoffCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('cutoff-')));

  test("a new build is picked up on the next visit and the old build's cache goes", async ({ page, context }) => {
    await page.goto('/');
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    const [first] = await cutoffCaches(page);
    expect(first).toMatch(/^cutoff-[0-9a-f]{16}$/);
    // The next deployment: sw.js with another version, as any change to the build gives it. The
    // same length, so the preview server's cached file size still fits; put back afterwards.
    const built = readFileSync(SW_FILE, 'utf8');
    const next = first === 'cutoff-ffffffffffffffff' ? 'eeeeeeeeeeeeeeee' : 'ffffffffffffffff';
    try {
      writeFileSync(SW_FILE, built.replace(first.slice('cutoff-'.length), next));
      await page.reload();
      await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
      await expect.poll(() => cutoffCaches(page), { timeout: 30_000 }).toEqual([`cutoff-${next}`]);
    } finally {
      writeFileSync(SW_FILE, built);
    }
    await cutTheNetwork(context);
    await page.reload();
    await page.getByTestId('demo-button').click();
    await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
  });
});

// Without the fixture's console check: the refused script is itself logged as a console error.
plain('a worker that cannot load says "offline", not "crashed", and the settings stay', async ({ page, context }) => {
  // Service workers blocked (the suite's setting): nothing of the training worker is cached.
  await page.goto('/');
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  // The file reader loads with the page; the training worker only once there is data, now offline.
  await expect.poll(() => page.workers().some((worker) => worker.url().includes('parse.worker'))).toBe(true);
  await page.getByTestId('epochs-input').fill('3');
  await cutTheNetwork(context);
  await uploadText(page, 'small.csv', 'a,b,label\n1,2,yes\n3,4,no\n5,6,yes\n7,8,no\n2,1,yes\n4,3,no\n6,5,yes\n8,7,no\n');
  await expect(page.getByTestId('dataset-summary')).toContainText('small.csv');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('training-status')).toContainText('offline: the training worker could not be loaded');
  await expect(page.getByTestId('training-status')).not.toContainText('crashed');
  await expect(page.getByTestId('epochs-input')).toHaveValue('3');
});
