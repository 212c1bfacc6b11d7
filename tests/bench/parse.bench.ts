/**
 * Parse benchmark (issue 5): a seeded 200,000-row × 21-column CSV (≈34 MB) dropped on the built
 * app in headless Chromium. Prints the parse speed with typing (MB/s, from the app's own
 * performance marks), the time from the drop to the column table, the longest main-thread
 * task meanwhile (PerformanceObserver 'longtask') and the browser's peak resident memory
 * over its idle level; beside it, PapaParse's own string-only speed on the same File in a
 * worker of the same page, as the reference. Measures and prints, never asserts.
 * Budgets: ≥ 40 MB/s with typing, no main-thread task over 50 ms, a few hundred MB at most.
 */
import { mulberry32 } from '../../src/data/random';
import type { Browser, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { launchChromium } from './browser';

const PORT = 4182;
const ROWS = 200_000;
const FEATURES = 20;
const RUNS = 5;
const BUDGET = { mbPerSecond: 40, longTaskMs: 50 };

/** Seeded CSV: an id-free table of 20 numeric features (mixed precision) and a yes/no label. */
function makeCsv(rows: number, seed: number): string {
  const random = mulberry32(seed);
  const lines = [[...Array.from({ length: FEATURES }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let j = 0; j < FEATURES; j++) cells.push(j % 4 === 3 ? String(Math.floor(random() * 1000)) : (random() * 200 - 100).toFixed(4 + (j % 3)));
    cells.push(random() < 0.08 ? 'yes' : 'no');
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** PapaParse alone in a worker, strings only (its default chunking), on the File it is sent. */
function referenceWorkerSource(): string {
  const papa = readFileSync('node_modules/papaparse/papaparse.min.js', 'utf8');
  return `${papa}
self.onmessage = (event) => {
  const t0 = performance.now();
  let rows = 0;
  Papa.parse(event.data, { chunk: (r) => { rows += r.data.length; }, complete: () => self.postMessage({ ms: performance.now() - t0, rows }) });
};`;
}

/** Resident memory of this process's Chromium children and theirs, in bytes (Linux /proc). */
function chromiumRss(): number {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!/chrom/i.test(name.get(pid) ?? '') || !descends(pid)) continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * The production build served as `vite preview` serves it, with its Content-Security-Policy,
 * plus the reference worker; in this process, so nothing outlives the benchmark.
 */
function serveDist(port: number): Promise<Server> {
  const reference = referenceWorkerSource();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/__bench/papa-raw.worker.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      response.end(reference);
      return;
    }
    const file = normalize(join('dist', path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith('dist')) throw new Error('outside dist');
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url);
  return page;
}

/** One drop of the file on the app: parse time from its marks, table time, long tasks, memory. */
async function measureApp(browser: Browser, url: string, path: string, bytes: number) {
  const page = await openApp(browser, url);
  await page.waitForTimeout(500);
  const idle = chromiumRss();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRss())), 50);
  await page.getByTestId('file-input').setInputFiles(path);
  const shownAt = await page.waitForFunction(
    (rows) =>
      document.querySelector('[data-testid="dataset-summary"]')?.textContent?.includes(`${rows} rows`) && document.querySelector('[data-testid="column-table"]')
        ? performance.now()
        : 0,
    ROWS,
    { polling: 'raf', timeout: 300_000 },
  );
  const tableShown = (await shownAt.jsonValue()) as number;
  await page.waitForTimeout(300);
  clearInterval(sampler);
  const result = await page.evaluate((shown) => {
    const start = performance.getEntriesByName('cutoff:parse-start')[0]?.startTime ?? Number.NaN;
    const end = performance.getEntriesByName('cutoff:parse-end')[0]?.startTime ?? Number.NaN;
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    const during = w.__longTasks.filter((t) => t.start + t.duration >= start && t.start <= shown + 300);
    return { parseMs: end - start, tableMs: shown - start, longest: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length };
  }, tableShown);
  await page.close();
  return { ...result, mbPerSecond: bytes / 2 ** 20 / (result.parseMs / 1000), peakMb: (peak - idle) / 2 ** 20 };
}

/** PapaParse's own speed on the same File, strings only, in a worker of the app's page. */
async function measureReference(browser: Browser, url: string, path: string, bytes: number) {
  const page = await openApp(browser, url);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-reference';
    document.body.append(input);
  });
  await page.locator('#bench-reference').setInputFiles(path);
  const { ms, rows } = await page.evaluate(
    () =>
      new Promise<{ ms: number; rows: number }>((resolve) => {
        const file = document.querySelector<HTMLInputElement>('#bench-reference')?.files?.[0];
        const worker = new Worker('/__bench/papa-raw.worker.js');
        worker.onmessage = (event: MessageEvent<{ ms: number; rows: number }>) => resolve(event.data);
        worker.postMessage(file);
      }),
  );
  await page.close();
  return { ms, rows, mbPerSecond: bytes / 2 ** 20 / (ms / 1000) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const fmt = (x: number, d = 1) => x.toFixed(d);

test('parse a 200,000 × 21 CSV in the built app', async () => {
  const log = (line: string) => console.log(`[parse bench] ${line}`);
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-parse-bench-'));
  const path = join(dir, 'bench-200k.csv');
  const text = makeCsv(ROWS, 20261123);
  writeFileSync(path, text);
  const bytes = Buffer.byteLength(text);
  // Always a fresh build: a stale dist/ would measure old code.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = await serveDist(PORT);
  const url = `http://127.0.0.1:${PORT}/`;
  const browser = await launchChromium();
  try {
    log(`${browser.version()}, file ${fmt(bytes / 2 ** 20)} MB, ${ROWS.toLocaleString('en')} rows × ${FEATURES + 1} columns, ${RUNS} runs each (medians)`);
    const reference = [];
    const app = [];
    for (let run = 0; run < RUNS; run++) {
      reference.push(await measureReference(browser, url, path, bytes));
      app.push(await measureApp(browser, url, path, bytes));
    }
    const refSpeed = median(reference.map((r) => r.mbPerSecond));
    const appSpeed = median(app.map((r) => r.mbPerSecond));
    const longest = Math.max(...app.map((r) => r.longest));
    log(
      `reference: PapaParse ${fmt(refSpeed)} MB/s, strings only, in a worker (${reference[0].rows.toLocaleString('en')} rows; runs ${reference.map((r) => fmt(r.mbPerSecond)).join(', ')})`,
    );
    log(
      `Cutoff: parse + typing ${fmt(appSpeed)} MB/s (runs ${app.map((r) => fmt(r.mbPerSecond)).join(', ')}) = ${fmt(appSpeed / refSpeed, 2)}× PapaParse alone; budget ≥ ${BUDGET.mbPerSecond} MB/s ${appSpeed >= BUDGET.mbPerSecond ? 'OK' : 'UNDER BUDGET'}`,
    );
    log(`time to the column table: ${fmt(median(app.map((r) => r.tableMs)), 0)} ms from the drop (parse ${fmt(median(app.map((r) => r.parseMs)), 0)} ms)`);
    log(
      `longest main-thread task during the parse: ${fmt(longest, 0)} ms over ${app.reduce((n, r) => n + r.longTasks, 0)} long tasks in ${RUNS} runs; budget ≤ ${BUDGET.longTaskMs} ms ${longest <= BUDGET.longTaskMs ? 'OK' : 'OVER BUDGET'}`,
    );
    log(`browser memory: peak ${fmt(median(app.map((r) => r.peakMb)), 0)} MB resident above idle (all Chromium processes)`);
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
