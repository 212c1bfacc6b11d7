// Takes the README's screenshot: loads the demo, trains, snaps to the cost optimum.
// Usage: npm run build && (npx vite preview &) && node tests/tools/screenshot.mjs [out.png] [--dark] [--width=1024]
import { chromium } from '@playwright/test';
import { findChromium } from '../e2e/chromium-path.mjs';

const out = process.argv[2] ?? 'docs/screenshot.png';
const dark = process.argv.includes('--dark');
const width = Number(process.argv.find((a) => a.startsWith('--width='))?.slice(8) ?? 1280);
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width, height: 1000 }, colorScheme: dark ? 'dark' : 'light' });
await page.goto(process.env.URL ?? 'http://127.0.0.1:4173/');
await page.getByTestId('demo-button').click();
await page.getByTestId('epochs-input').fill('15');
await page.getByTestId('train-button').click();
await page.getByTestId('training-status').and(page.locator('[data-state="done"]')).waitFor({ timeout: 120_000 });
await page.getByTestId('optimal-button').click();
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
