/**
 * Loading benchmark (issue 33, point 2): a seeded score,label file of 1,000,000 and of
 * 10,000,000 rows (110 MB) is dropped on the built page in headless Chromium, as a file on disk.
 * Prints, never asserts, for each size:
 * - time to cockpit: from the page's parse-start mark to the first moment the cockpit shows
 *   the ROC handle with no curve pending (polled in the page every 10 ms);
 * - every main-thread task over 50 ms in between (PerformanceObserver 'longtask') and the longest;
 * - the main thread's heap once the cockpit is up, after a forced GC: V8's JS heap and the
 *   typed arrays' backing stores (DevTools' Runtime.getHeapUsage), and their sum.
 * Budget: no task over 50 ms. BENCH_PROFILE=1 also writes a CPU profile of each load to
 * $TMPDIR/cutoff-load-<rows>.cpuprofile and prints its heaviest functions.
 * Run: npm run bench -- tests/bench/load.bench.ts
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { launchChromium, serveBuild } from './browser';
import { mulberry32 } from '../../src/data/random';

const PORT = 4183;
const SIZES = (process.env.BENCH_ROWS ?? '1000000,10000000').split(',').map(Number);

/**
 * Writes score,label rows (10 % positive, 5-decimal scores) to a file, in 1 MB pieces; with
 * BENCH_GROUPS=1 a third column of 10 regions, as tests/e2e/main-thread.spec.ts has.
 */
async function writeScores(path: string, rows: number): Promise<void> {
  const groups = process.env.BENCH_GROUPS === '1';
  const random = mulberry32(4242);
  const out = createWriteStream(path);
  let piece = groups ? 'score,label,region\n' : 'score,label\n';
  for (let i = 0; i < rows; i++) {
    const positive = random() < 0.1;
    piece += `${Math.min(1, (positive ? 0.25 : 0) + random() * 0.75).toFixed(5)},${positive ? 1 : 0}${groups ? `,r${i % 10}` : ''}\n`;
    if (piece.length > 1 << 20) {
      if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      piece = '';
    }
  }
  out.write(piece);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

interface Probe {
  __longTasks: { start: number; duration: number }[];
  __cockpitAt: number | null;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * The functions that took the most self time in a CPU profile, as lines; within [from, to)
 * (profile clock, µs) when given, to see what one long task ran.
 */
function heaviest(profile: Profile, count = 15, from = -Infinity, to = Infinity): string[] {
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  (profile.samples ?? []).forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    if (at < from || at >= to) return;
    const frame = byNode.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

async function measureLoad(url: string, rows: number) {
  const path = join(tmpdir(), `cutoff-load-${rows}${process.env.BENCH_GROUPS === '1' ? '-groups' : ''}.csv`);
  await writeScores(path, rows);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => {
      const w = window as unknown as Probe;
      w.__longTasks = [];
      w.__cockpitAt = null;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      // The cockpit is up once its ROC handle is drawn and no curve is pending.
      const timer = setInterval(() => {
        if (document.querySelector('[data-testid="cockpit"][data-updating="false"] [data-testid="roc-handle"]')) {
          w.__cockpitAt = performance.now();
          clearInterval(timer);
        }
      }, 10);
    });
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    const profiling = process.env.BENCH_PROFILE === '1';
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // A marker the profile can be lined up by: a named busy loop at a known performance.now().
    const markedAt = profiling
      ? await page.evaluate(() => {
          const at = performance.now();
          const end = at + 20;
          (function cutoffProfileMarker() {
            while (performance.now() < end);
          })();
          return at;
        })
      : 0;
    await page.getByTestId('file-input').setInputFiles(path);
    await page.waitForFunction(() => (window as unknown as Probe).__cockpitAt !== null, null, { timeout: 300_000, polling: 500 });
    const probe = await page.evaluate(() => {
      const w = window as unknown as Probe;
      const start = performance.getEntriesByName('cutoff:parse-start')[0]?.startTime ?? 0;
      return { start, cockpitAt: w.__cockpitAt ?? 0, tasks: w.__longTasks.filter((t) => t.start >= start && t.start <= (w.__cockpitAt ?? 0)) };
    });
    if (profiling) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(tmpdir(), `cutoff-load-${rows}.cpuprofile`), JSON.stringify(profile));
      console.log(`heaviest functions, ${rows} rows:\n${heaviest(profile).join('\n')}`);
      // The profile's clock at performance.now() = 0: the marker's first sample, less its page time.
      const marker = profile.nodes.find((n) => n.callFrame.functionName === 'cutoffProfileMarker')?.id;
      let at = profile.startTime;
      let markerAt: number | null = null;
      (profile.samples ?? []).forEach((id, i) => {
        at += profile.timeDeltas?.[i] ?? 0;
        if (id === marker && markerAt === null) markerAt = at;
      });
      if (markerAt !== null) {
        const origin = markerAt - markedAt * 1000;
        for (const t of probe.tasks) {
          const from = origin + t.start * 1000;
          console.log(`long task of ${Math.round(t.duration)} ms at ${Math.round(t.start)} ms:\n${heaviest(profile, 8, from, from + t.duration * 1000).join('\n')}`);
        }
      }
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return {
      rows,
      cockpitMs: Math.round(probe.cockpitAt - probe.start),
      longTasks: probe.tasks.map((t) => Math.round(t.duration)),
      longestMs: Math.round(Math.max(0, ...probe.tasks.map((t) => t.duration))),
      jsHeapMB: Math.round(heap.usedSize / 1e6),
      arrayBuffersMB: Math.round((heap.backingStorageSize ?? 0) / 1e6),
      heapMB: Math.round((heap.usedSize + (heap.backingStorageSize ?? 0)) / 1e6),
    };
  } finally {
    await browser.close();
  }
}

test('loading a scores file: time to cockpit, long tasks, main-thread heap', async () => {
  const server = await serveBuild(PORT);
  try {
    const results = [];
    for (const rows of SIZES) results.push(await measureLoad(server.url, rows));
    console.table(results.map((r) => ({ ...r, longTasks: JSON.stringify(r.longTasks) })));
    console.log('budget: no main-thread task over 50 ms from the drop to the cockpit');
  } finally {
    server.stop();
  }
});
