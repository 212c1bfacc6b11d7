/**
 * Column handling linear in width: a header of 30,000 columns is read by `choose` in well under
 * the seconds it took when repeated names were looked up per column, and a header of 1,000,000
 * columns is refused by `choose` (the page's reader) at once and streamed by `curve`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutoff, tempDir } from './fixtures';

const dir = tempDir();
function wide(name: string, extra: number): string {
  const path = join(dir, name);
  const ones = ',1'.repeat(extra);
  const header = ['score', 'y', ...Array.from({ length: extra }, (_, i) => `c${i}`)].join(',');
  writeFileSync(path, `${header}\n0.9,yes${ones}\n0.2,no${ones}\n0.7,no${ones}\n`);
  return path;
}

describe('wide files', () => {
  it('choose reads 30,000 columns in seconds', async () => {
    const file = wide('w30k.csv', 30_000);
    const started = performance.now();
    const r = await cutoff('choose', file, '--label', 'y');
    const seconds = (performance.now() - started) / 1000;
    console.log(`[width] choose on 3 rows of 30,002 columns: ${seconds.toFixed(2)} s`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(seconds).toBeLessThan(5);
  }, 30_000);

  it('a 1,000,000-column header: choose refuses it at once, curve streams it', async () => {
    const file = wide('w1m.csv', 1_000_000);
    const started = performance.now();
    const r = await cutoff('choose', file, '--label', 'y');
    const seconds = (performance.now() - started) / 1000;
    console.log(`[width] choose on a 1,000,002-column header: exit ${r.code} in ${seconds.toFixed(2)} s`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 1,000,002 columns, more than the 100,000 a browser tab reads/);
    expect(seconds).toBeLessThan(15);
    const curve = await cutoff('curve', file, '--label', 'y');
    expect(curve.code).toBe(0);
    expect(curve.stdout.split('\n')[0]).toBe('score,y,count');
  }, 60_000);
});
