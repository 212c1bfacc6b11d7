import { readFileSync } from 'node:fs';
import { ORIGIN, expect, test, uploadText } from './fixtures';

/** Requests that stayed inside the page: its own origin, or in-memory blob: and data: URLs. */
const local = (url: string) => url.startsWith(`${ORIGIN}/`) || url.startsWith('blob:') || url.startsWith('data:');

test('a whole session (file, training, export) makes no request outside the page, workers included', async ({ page, watch }) => {
  // The session also leaves a column out, to check the exclusion reaches the trained model.
  // Anything bound elsewhere would be stopped here and still be recorded by the watch.
  await page.context().route(
    (url) => !local(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  await page.goto('/');
  await uploadText(page, 'mammography.csv', readFileSync('public/demo/mammography.csv'));
  await expect(page.getByTestId('dataset-summary')).toContainText('11183 rows');
  await page.getByRole('checkbox', { name: 'Use noise_rms as a feature' }).uncheck();
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { source: { model: { features: string[] } } };
  expect(exported.source.model.features).toContain('area');
  expect(exported.source.model.features.filter((name) => name.startsWith('noise_rms'))).toEqual([]);

  expect(watch.requests.filter((url) => !local(url))).toEqual([]);
  // The record covers the workers: their scripts, and what a worker fetches itself (tfjs's .wasm).
  expect(watch.requests.some((url) => /\/assets\/parse\.worker-[\w-]+\.js$/.test(url))).toBe(true);
  expect(watch.requests.some((url) => /\/assets\/train\.worker-[\w-]+\.js$/.test(url))).toBe(true);
  if ((await page.getByTestId('backend').innerText()) === 'wasm') {
    expect(watch.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  }
});

test('the built app runs under its Content-Security-Policy, and a violation would fail the suite', async ({ page, watch }) => {
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  // Injected inline code, as an HTML-injection attack would add it: the policy must refuse it …
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  // … and the watch that every test runs under must have caught the report.
  // (Reported once per policy: the server's header and the page's meta tag both refuse it.)
  await expect.poll(() => watch.problems.filter((p) => p.startsWith('CSP violation: script-src')).length).toBeGreaterThan(0);
  expect(watch.problems.some((p) => p.startsWith('console:') && /Content Security Policy/.test(p))).toBe(true);
  // Seen, so this test, whose point is the violation, passes; any other test would fail here.
  watch.problems.length = 0;
});
