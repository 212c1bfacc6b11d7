/**
 * Cockpit benchmark (issues 10 and 25). With 1,000,000 scores loaded, a scripted 2-second drag
 * across the ROC curve with raw 120 Hz input through CDP, then one across the metrics-by-threshold
 * chart of the second area, brought into view by the strip's link (the strip's counts must
 * follow it); with 10,000 scores beside them in the same run.
 * Prints, never asserts:
 * - handler → paint: from the frame's drag handler (the `cutoff:drag-frame` mark) to the end
 *   of that frame's rendering (a message posted then runs once the frame is painted);
 * - frame interval p95 over the drag (a dropped frame shows as ~33 ms);
 * - stale frames: frames that began with a pointer move pending and did not show it;
 * - the longest main-thread task from the file's arrival to the curves, and during the drag;
 * - the longest tasks while a 400,000-row model trains and streams its epochs.
 * Budgets: handler → paint p95 <= 8 ms; frame interval p95 <= 17 ms; no task over 50 ms.
 * Run: npm run bench -- tests/bench/drag.bench.ts
 */
import { test } from 'vitest';
import type { Page } from '@playwright/test';
import { launchChromium, percentile, serveBuild } from './browser';

const PORT = 4181;
const DRAG_MS = 2000;

function seeded(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
}

function scoresCsv(n: number): string {
  const random = seeded(12345);
  const lines = ['score,label'];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.1;
    const score = Math.min(1, Math.max(0, (positive ? 0.25 : 0) + random() * 0.75));
    lines.push(`${score.toFixed(6)},${positive ? 1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A training file: six informative numeric features and a 5 % positive label. */
function featuresCsv(n: number): string {
  const random = seeded(777);
  const lines = ['f1,f2,f3,f4,f5,f6,label'];
  for (let i = 0; i < n; i++) {
    const y = random() < 0.05 ? 1 : 0;
    const f = Array.from({ length: 6 }, (_, j) => (random() * 2 - 1 + (y ? 0.6 / (j + 1) : 0)).toFixed(4));
    lines.push(`${f.join(',')},${y}`);
  }
  return `${lines.join('\n')}\n`;
}

interface Probe {
  __loadTasks: number[];
  __longTasks: number[];
  __handler: number[];
  /** From the frame's drag handler to React's commit: the script part of the frame. */
  __react: number[];
  __frames: number[];
  __stale: number;
  __framesWithInput: number;
  __dragging: boolean;
}

/** A drag to time: the chart, and the attribute (or text) of the mark that must follow each frame. */
interface DragTarget {
  name: string;
  chart: string;
  /** Pressed to start the drag. */
  handle: string;
  /** Read after each frame: a frame that began with input waiting and left this unchanged is behind. */
  watch: { selector: string; attribute: string | null };
  /** The pointer path over the chart's SVG, f from 0 to 1, in shares of its box. */
  path: (f: number) => { x: number; y: number };
  /** Brings the chart on screen first (a view of the second area). */
  viewLink?: string;
}

const DRAGS: DragTarget[] = [
  {
    name: 'ROC curve (cockpit)',
    chart: 'roc-chart',
    handle: 'roc-handle',
    watch: { selector: '[data-testid="roc-handle"]', attribute: 'cx' },
    // Sweep from the lower left to the upper right of the plot, where the curve runs.
    path: (f) => ({ x: 0.2 + 0.7 * f, y: 0.85 - 0.75 * Math.sqrt(f) }),
  },
  {
    // Issue 25: a view below the fold, brought up by the strip's link; the strip's counts must follow.
    name: 'metrics by threshold (second area)',
    chart: 'metrics-chart',
    handle: 'metrics-handle',
    // All four counts: below the lowest positive score only the false alarms change.
    watch: { selector: '[data-testid="decision-strip"] table', attribute: null },
    path: (f) => ({ x: 0.15 + 0.75 * f, y: 0.45 }),
    viewLink: 'metrics',
  },
];

async function measureDrag(url: string, n: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // The frame's work is timed from the app's own drag mark to the end of the frame's paint.
    await page.addInitScript(() => {
      const w = window as unknown as Probe;
      w.__handler = [];
      w.__react = [];
      const mark = performance.mark.bind(performance);
      const channel = new MessageChannel();
      let started = 0;
      channel.port1.onmessage = () => w.__handler.push(performance.now() - started);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'cutoff:drag-frame-committed') w.__react.push(performance.now() - started);
        if (name === 'cutoff:drag-frame') {
          started = performance.now();
          requestAnimationFrame(() => undefined);
          setTimeout(() => channel.port2.postMessage(0), 0);
        }
        return mark(name, options);
      };
    });
    await page.goto(url);
    const loadStart = Date.now();
    await page.getByTestId('file-input').setInputFiles({ name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from(scoresCsv(n)) });
    // Watched from here: Playwright's own hand-over of the file to the page is one long task
    // that a real drop does not have.
    await page.evaluate(() => {
      const w = window as unknown as Probe;
      w.__loadTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__loadTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await page.getByTestId('roc-handle').waitFor({ timeout: 120_000 });
    const loadMs = Date.now() - loadStart;
    // Let the load settle (bootstrap intervals arrive from their worker) before measuring.
    await page.getByTestId('metric-roc-auc-ci').filter({ hasText: 'bootstrap)' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('metrics-chart').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    const loadTasks = await page.evaluate(() => (window as unknown as Probe).__loadTasks);
    const results = [];
    for (const target of DRAGS) {
      if (target.viewLink) {
        await page.locator(`[data-testid="view-link"][data-view="${target.viewLink}"]`).click();
        await page.waitForTimeout(500);
      }
      results.push({ target: target.name, n, loadMs, loadLongest: Math.max(0, ...loadTasks), ...(await timeDrag(page, target)) });
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** One scripted 2-second drag with raw 120 Hz input; the frames' timings. */
async function timeDrag(page: Page, target: DragTarget) {
  await page.evaluate(({ selector, attribute }) => {
    const w = window as unknown as Probe;
    w.__handler.length = 0;
    w.__react.length = 0;
    w.__frames = [];
    w.__longTasks = [];
    w.__stale = 0;
    w.__framesWithInput = 0;
    w.__dragging = true;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    const watched = document.querySelector(selector);
    const read = () => (attribute ? watched?.getAttribute(attribute) : watched?.textContent);
    let pendingSince = Infinity;
    window.addEventListener('pointermove', (event) => (pendingSince = Math.min(pendingSince, event.timeStamp)), { capture: true });
    let shown = read();
    const tick = (time: number) => {
      w.__frames.push(time);
      const hadInput = pendingSince < time;
      // Read after this frame's rendering: did the watched mark move to the input that was waiting?
      setTimeout(() => {
        const now = read();
        if (hadInput) {
          w.__framesWithInput++;
          if (now === shown) w.__stale++;
        }
        shown = now;
      }, 0);
      if (hadInput) pendingSince = Infinity;
      if (w.__dragging) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, target.watch);
  const svg = await page.getByTestId(target.chart).locator('svg[role="img"]').boundingBox();
  const handle = await page.getByTestId(target.handle).boundingBox();
  if (!svg || !handle) throw new Error(`${target.chart} not on screen`);
  // Raw input events through the DevTools protocol, paced at 120 Hz like a fast mouse,
  // without waiting for each to be handled (a real pointer does not wait either).
  const cdp = await page.context().newCDPSession(page);
  const at = (f: number) => {
    const p = target.path(f);
    return { x: svg.x + svg.width * p.x, y: svg.y + svg.height * p.y };
  };
  const mouse = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', p: { x: number; y: number }) =>
    cdp.send('Input.dispatchMouseEvent', { type, x: p.x, y: p.y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
  // A threshold line is tall: press it where the drag runs, not at the middle of its box.
  const pressY = target.watch.attribute === null ? at(0).y : handle.y + handle.height / 2;
  await mouse('mousePressed', { x: handle.x + handle.width / 2, y: pressY });
  const start = Date.now();
  const sent: Promise<unknown>[] = [];
  let moves = 0;
  while (Date.now() - start < DRAG_MS) {
    sent.push(mouse('mouseMoved', at((Date.now() - start) / DRAG_MS)));
    await new Promise((resolve) => setTimeout(resolve, 8));
    moves++;
  }
  await Promise.all(sent);
  await mouse('mouseReleased', at(1));
  await page.waitForTimeout(200);
  const r = await page.evaluate(() => {
    const w = window as unknown as Probe;
    w.__dragging = false;
    const intervals = w.__frames.slice(1).map((t, i) => t - w.__frames[i]);
    return { handler: w.__handler, react: w.__react, intervals, longTasks: w.__longTasks, stale: w.__stale, framesWithInput: w.__framesWithInput };
  });
  await cdp.detach();
  return {
    moves,
    frames: r.handler.length,
    handlerP50: percentile(r.handler, 50),
    handlerP95: percentile(r.handler, 95),
    reactP50: percentile(r.react, 50),
    reactP95: percentile(r.react, 95),
    intervalP50: percentile(r.intervals, 50),
    intervalP95: percentile(r.intervals, 95),
    stale: r.stale,
    framesWithInput: r.framesWithInput,
    longest: Math.max(0, ...r.longTasks),
  };
}

/** Long main-thread tasks while a model trains on `rows` rows and streams its epochs. */
async function measureTraining(url: string, rows: number, epochs: number) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByTestId('file-input').setInputFiles({ name: 'train.csv', mimeType: 'text/csv', buffer: Buffer.from(featuresCsv(rows)) });
    await page.getByTestId('train-button').waitFor();
    await page.getByTestId('epochs-input').fill(String(epochs));
    await page.getByTestId('backend-select').selectOption('wasm');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const w = window as unknown as Probe;
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const start = Date.now();
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid="training-status"][data-state="done"]').waitFor({ timeout: 600_000 });
    const seconds = (Date.now() - start) / 1000;
    const tasks = await page.evaluate(() => (window as unknown as Probe).__longTasks);
    return { rows, epochs, seconds, over50: tasks.filter((t) => t > 50).length, longest: Math.max(0, ...tasks) };
  } finally {
    await browser.close();
  }
}

test('cockpit and second area: drag at 1e4 and 1e6 scores, and training 400,000 rows', async () => {
  const server = await serveBuild(PORT);
  try {
    const peer = await measureDrag(server.url, 10_000);
    const big = await measureDrag(server.url, 1_000_000);
    for (const r of [...peer, ...big]) {
      console.log(
        `drag on the ${r.target}, ${r.n.toLocaleString('en')} scores, ${r.frames} frames (${r.moves} pointer moves at 120 Hz): ` +
          `handler → paint p50 ${r.handlerP50.toFixed(1)} ms, p95 ${r.handlerP95.toFixed(1)} ms (of which React's render and commit p50 ${r.reactP50.toFixed(1)} ms, p95 ${r.reactP95.toFixed(1)} ms); ` +
          `frame interval p50 ${r.intervalP50.toFixed(1)} ms, p95 ${r.intervalP95.toFixed(1)} ms; ` +
          `frames behind the pointer ${r.stale} of ${r.framesWithInput}; longest task during the drag ${r.longest.toFixed(0)} ms; ` +
          `file to first curve ${r.loadMs} ms, longest main-thread task meanwhile ${r.loadLongest.toFixed(0)} ms`,
      );
    }
    big.forEach((r, i) => {
      console.log(
        `${r.target}, drag 1e6 / 1e4 scores, handler → paint p95: ${(r.handlerP95 / peer[i].handlerP95).toFixed(2)}×. Budgets at 1e6: ` +
          `handler → paint p95 <= 8 ms ${r.handlerP95 <= 8 ? 'met' : 'NOT met'}; frame interval p95 <= 17 ms ${r.intervalP95 <= 17 ? 'met' : 'NOT met'}; ` +
          `no task over 50 ms loading ${r.loadLongest <= 50 ? 'met' : 'NOT met'}, dragging ${r.longest <= 50 ? 'met' : 'NOT met'}`,
      );
    });
    const training = await measureTraining(server.url, 400_000, 3);
    console.log(
      `training ${training.rows.toLocaleString('en')} rows × 6 features, ${training.epochs} epochs (wasm) in ${training.seconds.toFixed(1)} s: ` +
        `${training.over50} main-thread tasks over 50 ms, longest ${training.longest.toFixed(0)} ms (budget: none over 50 ms)`,
    );
  } finally {
    server.stop();
  }
});
