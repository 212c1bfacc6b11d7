/** `choose --group`: a column that cannot be a group is exit 2 with the fix, never silently ignored. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOperatingPoint } from '../../../src/session/operating-point';
import { cutoff, scoredRows, tempDir } from './fixtures';

const dir = tempDir();
const rows = scoredRows(3000, 11);
const file = join(dir, 'groups.csv');
writeFileSync(file, `score,y,region,city,id\n${rows.map((r, i) => `${r.score},${r.y},${(i % 4) + 1},city${i % 40},${i}`).join('\n')}\n`);

describe('choose --group', () => {
  it('a number column with few values (region 1–4) gets its own thresholds', async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--group', 'region', '--strategy', 'equal-opportunity');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const point = parseOperatingPoint(JSON.parse(r.stdout));
    expect(point.groups?.column).toBe('region');
    expect(point.groups?.thresholds.map((t) => t.value)).toEqual(['1', '2', '3', '4']);
  });

  it('a missing column is exit 2, offering the columns that can be groups', async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--group', 'nosuch');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: .*groups\.csv has no column "nosuch" for --group; columns that can be groups: "region"/);
  });

  it('a text column with more than 30 values is exit 2 saying how many and what would work', async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--group', 'city', '--strategy', 'equal-opportunity');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: --group "city" has 40 values; per-group thresholds take at most 30/);
  });

  it('a number column with many values is exit 2, as is the score column', async () => {
    const id = await cutoff('choose', file, '--label', 'y', '--group', 'id');
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/^cutoff: --group "id" is a number column with more than 1000 distinct values: bin it/);
    const r = await cutoff('choose', file, '--label', 'y', '--group', 'score');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cutoff: --score and --group both name the column "score"; each needs its own column\n');
  });

  it('a repeated header name and one column named by two options are exit 2, never the first silently', async () => {
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, `score,score,y\n${rows.map((r) => `${r.score},${1 - r.score},${r.y}`).join('\n')}\n`);
    const r = await cutoff('choose', dup, '--label', 'y');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dup\.csv has more than one column named "score"; rename all but one so --score names one column/);
    // A real column called "score (2)" is no copy: the reader names the repeated names itself.
    const real = join(dir, 'real.csv');
    writeFileSync(real, `score,score (2),y\n${rows.map((r) => `${r.score},${1 - r.score},${r.y}`).join('\n')}\n`);
    const ok = await cutoff('choose', real, '--label', 'y');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const second = await cutoff('choose', dup, '--label', 'y', '--score', 'score (2)');
    expect(second.code).toBe(0);
    const same = await cutoff('choose', file, '--label', 'y', '--score', 'y');
    expect(same.stderr).toBe('cutoff: --score and --label both name the column "y"; each needs its own column\n');
  });
});
