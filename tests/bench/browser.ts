/**
 * Shared set-up of the browser benchmarks: a production build served by `vite preview` on a
 * port of its own, and Debian's Chromium driven by Playwright.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium } from '../e2e/chromium-path.mjs';

export interface BenchServer {
  url: string;
  stop: () => void;
}

/** Builds the app when dist/ is missing and serves it; resolves once it answers. */
export async function serveBuild(port: number): Promise<BenchServer> {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  // Vite's own script, not npx, so the process to stop is the server itself.
  const child: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    stop: () => {
      child.kill();
    },
  };
}

/** Launches headless Chromium as the e2e tests do. */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: set CHROME_PATH or apt-get install -y chromium');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'] });
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Busy and total CPU time of the machine so far (Linux /proc/stat, in clock ticks); null elsewhere. */
function cpuTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    const total = fields.reduce((s, v) => s + v, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Waits until the machine has been nearly idle (under `busyShare` of its CPU) for one window,
 * or `timeoutMs` passed: a peer timed while the page still works in the background (a
 * bootstrap after a training run, say) would be timed on a busy machine. Returns the wait in ms.
 */
export async function waitForIdleCpu(busyShare = 0.1, windowMs = 300, timeoutMs = 30_000): Promise<number> {
  const start = Date.now();
  let before = cpuTicks();
  if (!before) return 0;
  while (Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTicks();
    if (!after) return 0;
    const share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
    if (share < busyShare) break;
    before = after;
  }
  return Date.now() - start;
}
