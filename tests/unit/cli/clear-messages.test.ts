/**
 * One clear line (exit 2) for what used to come out raw or not at all: option values starting
 * with "-", a BOM in a point file, a broken Parquet file, `-` for POINT.json, messages that name
 * the file, control characters in names, duplicate and twice-named columns, the export's file
 * name, `sql --table`, and the help matching the behaviour.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/cli/check';
import { main } from '../../../src/cli/main';
import { parseOperatingPoint } from '../../../src/session/operating-point';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const dir = tempDir();
const file = writeCsv(dir, scoredRows(400));
const point = writePoint(dir);
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const oneLine = (stderr: string) => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('option values that start with "-"', () => {
  it('--cost-fp -1 is read as the value and refused by its range', async () => {
    const r = await cutoff('choose', file, '--label', 'y', '--cost-fp', '-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cutoff: --cost-fp must be a number from 0 to 1000000000000, not "-1"\n');
    const port = await cutoff('serve', '--port', '-1');
    expect([port.code, port.stderr]).toEqual([2, 'cutoff: --port must be a number from 0 to 65535, not "-1"\n']);
  });

  it('--weight -w names a column that is not there; --label followed by an option needs a value', async () => {
    const w = await cutoff('check', point, file, '--weight', '-w');
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/has no column "-w"/);
    const label = await cutoff('check', point, file, '--label', '--json');
    expect(label.code).toBe(2);
    expect(label.stderr).toBe('cutoff: --label needs a value before the next option (a value that starts with "-" is written --label=-1)\n');
  });
});

describe('files', () => {
  it('a point file with a UTF-8 BOM is read', async () => {
    const bom = write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(point)]));
    const r = await cutoff('check', bom, file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a broken Parquet file is one line naming the file', async () => {
    const broken = write('broken.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7), Buffer.from('PAR1')]));
    const r = await cutoff('check', point, broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: .*broken\.parquet/);
    oneLine(r.stderr);
  });

  it('POINT.json may be - (standard input); not both', async () => {
    let stdout = '';
    let stderr = '';
    const bytes = readFileSync(point);
    const code = await main(['check', '-', file, '--json'], {
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += t),
      stdin: async function* () {
        yield new Uint8Array(bytes);
      },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as CheckReport).rows).toBe(400);
    const both = await cutoff('check', '-', '-');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/cannot both be -/);
  });

  it('an unterminated quote names the file', async () => {
    const open = write('open-quote.csv', `score,y\n0.5,yes\n"0.4,no\n0.3,no\n`);
    const r = await cutoff('curve', open, '--label', 'y');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutoff: .*open-quote\.csv: Line 3 opens a quoted cell/);
    // choose reads with the page's reader, whose message is the same, now with the file.
    const chosen = await cutoff('choose', open, '--label', 'y');
    expect(chosen.code).toBe(2);
    expect(chosen.stderr).toMatch(/^cutoff: .*open-quote\.csv: Line 3 opens a quoted cell/);
  });

  it("choose records the file's base name, not its path", async () => {
    const r = await cutoff('choose', file, '--label', 'y');
    expect(r.code).toBe(0);
    expect(parseOperatingPoint(JSON.parse(r.stdout)).dataset.fileName).toBe('scores.csv');
  });

  it('a point that lists a group twice is exit 2', async () => {
    const twice = writePoint(
      dir,
      {
        groups: {
          column: 'region',
          strategy: 'manual',
          thresholds: [
            { value: 'north', threshold: 0.4 },
            { value: 'north', threshold: 0.6 },
          ],
        },
      },
      'twice.json',
    );
    const r = await cutoff('apply', twice, file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lists the group "north" of "region" twice/);
  });
});

describe('names', () => {
  it('control characters in names are printed escaped', async () => {
    const evil = write('evil.csv', `"sc\x1b[2J",y\n0.5,yes\n0.2,no\n`);
    const r = await cutoff('check', point, evil);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).toContain('sc\\x1b[2J');
    oneLine(r.stderr);
    const grouped = writePoint(dir, { groups: { column: 'region', strategy: 'manual', thresholds: [{ value: 'n\x1b[2J', threshold: 0.5 }] } }, 'evil-group.json');
    const rows = write('evil-rows.csv', `score,y,region\n0.7,yes,"n\x1b[2J"\n0.2,no,"n\x1b[2J"\n0.6,no,south\n`);
    const report = await cutoff('check', grouped, rows);
    expect(report.stdout).toContain('group n\\x1b[2J');
    expect(report.stdout).not.toContain('\x1b');
  });

  it('a duplicated column name and one column named twice are exit 2', async () => {
    const dup = write('dup.csv', `score,score,y\n0.5,0.1,yes\n0.2,0.9,no\n`);
    const r = await cutoff('curve', dup, '--label', 'y');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has more than one column named "score"/);
    const same = await cutoff('curve', file, '--score', 'score', '--label', 'score');
    expect(same.code).toBe(2);
    expect(same.stderr).toBe('cutoff: --score and --label both name the column "score"; each needs its own column\n');
  });
});

describe('sql --table and the help', () => {
  const sql = (engine: string, table: string) => cutoff('sql', '--engine', engine, '--table', table);
  it('takes names and quoted paths, refuses anything else', async () => {
    expect((await sql('duckdb', "'scores.parquet'")).code).toBe(0);
    expect((await sql('postgres', '"my schema"."scored cases"')).code).toBe(0);
    expect((await sql('bigquery', 'proj-1.ds.scored_cases')).code).toBe(0);
    expect((await sql('spark', 'analytics.`scored cases`')).code).toBe(0);
    const injected = await sql('postgres', 'scores; DROP TABLE users');
    expect(injected.code).toBe(2);
    expect(injected.stderr).toMatch(/^cutoff: --table must be a table name/);
    expect((await sql('postgres', "'scores.parquet'")).code).toBe(2);
  });

  it('sql --help does not claim 10000 bins by default; choose --help lists manual', async () => {
    expect((await cutoff('sql', '--help')).stdout).not.toMatch(/default 10000/);
    expect((await cutoff('choose', '--help')).stdout).toMatch(/equal-accuracy, manual/);
  });
});
