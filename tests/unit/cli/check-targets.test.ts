/** `cutoff check` on an export that records a target: does the new file still meet it? */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutoff, scoredRows, tempDir, writeCsv } from './fixtures';

const dir = tempDir();
const file = writeCsv(dir, scoredRows(4000, 5));
// The next month's file, where the positives score lower: recall at the old cutoff falls.
const worse = writeCsv(
  dir,
  scoredRows(4000, 6).map((r) => (r.y === 'yes' ? { ...r, score: Math.round(r.score * 0.6 * 1e4) / 1e4 } : r)),
  'worse.csv',
);

describe('cutoff check and exported targets', () => {
  it('tests the target with an exact binomial test and passes on like cases', async () => {
    const chosen = await cutoff('choose', file, '--label', 'y', '--min-recall', '0.9', '--confidence', '0.95');
    expect(chosen.code).toBe(0);
    const point = join(dir, 'recall.json');
    writeFileSync(point, chosen.stdout);
    const fresh = writeCsv(dir, scoredRows(4000, 8), 'fresh.csv');
    const r = await cutoff('check', point, fresh);
    expect(r.stdout).toMatch(/ok {3}target: Recall ≥ 0\.9 \(chosen with 95 % confidence\): 0\.9\d+ on this file; binomial p = /);
    expect(r.code).toBe(0);
    const json = JSON.parse((await cutoff('check', point, fresh, '--json')).stdout) as { floors: { name: string; ok: boolean; target?: boolean }[] };
    expect(json.floors.find((f) => f.target)).toEqual(expect.objectContaining({ ok: true, name: 'target: Recall ≥ 0.9 (chosen with 95 % confidence)' }));
  });

  it('fails when the new file shows the target no longer holds', async () => {
    const point = join(dir, 'recall.json');
    const r = await cutoff('check', point, worse);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/target: Recall ≥ 0\.9 \(chosen with 95 % confidence\) not met: 0\.\d+ on this file/);
  });

  it('a ceiling target (FPR) is tested the other way', async () => {
    const chosen = await cutoff('choose', file, '--label', 'y', '--max-fpr', '0.1', '--confidence', '0.9');
    const point = join(dir, 'fpr.json');
    writeFileSync(point, chosen.stdout);
    const r = await cutoff('check', point, writeCsv(dir, scoredRows(4000, 9), 'fresh2.csv'));
    expect(r.stdout).toMatch(/ok {3}target: False-positive rate ≤ 0\.1 \(chosen with 90 % confidence\): 0\.0\d+ on this file/);
  });
});
