/** The command reads what the page reads: decimal commas, gzip, standard input; and refuses what it cannot, with one line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { cutoff, tempDir, writePoint } from './fixtures';

const dir = tempDir();
const point = writePoint(dir);
const rows = Array.from({ length: 500 }, (_, i) => ({ score: ((i * 37) % 100) / 100, y: i % 5 === 0 ? 'yes' : 'no' }));
const csv = `score,y\n${rows.map((r) => `${r.score},${r.y}`).join('\n')}\n`;
const write = (name: string, bytes: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function matrixOf(file: string) {
  const run = await cutoff('check', point, file, '--json');
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { confusion: unknown }).confusion;
}

describe('cutoff reads every dialect the page reads', () => {
  it('a ;-separated file with decimal commas, a .csv.gz and standard input give the same matrix', async () => {
    const plain = await matrixOf(write('plain.csv', csv));
    const semicolon = csv.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2');
    expect(semicolon).toContain('0,37;no');
    expect(await matrixOf(write('comma.csv', semicolon))).toEqual(plain);
    expect(await matrixOf(write('scores.csv.gz', gzipSync(csv)))).toEqual(plain);
    let stdout = '';
    const stdin = async function* () {
      yield new TextEncoder().encode(csv.slice(0, 100));
      yield new TextEncoder().encode(csv.slice(100));
    };
    const code = await main(['check', point, '-', '--json'], { out: (t) => void (stdout += t), err: () => undefined, stdin });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { confusion: unknown }).confusion).toEqual(plain);
  });

  const packed = gzipSync(csv);
  const cases: [string, () => string, RegExp][] = [
    ['a truncated gzip', () => write('cut.csv.gz', packed.subarray(0, packed.length - 40)), /cut\.csv\.gz is a gzip file that ends early/],
    [
      'a damaged gzip',
      () =>
        write(
          'bad.csv.gz',
          Uint8Array.from(packed, (b, i) => (i > 20 && i < 60 ? b ^ 0x5a : b)),
        ),
      /bad\.csv\.gz (starts like a gzip file but its compressed data is damaged|is a gzip file that ends early)/,
    ],
    [
      'a binary file',
      () =>
        write(
          'image.png',
          new Uint8Array(3000).map((_, i) => (i * 7) % 5),
        ),
      /image\.png is not a text CSV file \(it looks binary/,
    ],
    [
      'a damaged workbook',
      () => write('book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])),
      /book\.xlsx looks like an Excel workbook \(a zip archive\) but is damaged or incomplete/,
    ],
    ['binary inside gzip', () => write('blob.csv.gz', gzipSync(new Uint8Array(3000).map((_, i) => (i * 7) % 5))), /blob\.csv\.gz \(gzip-compressed\) is not a text CSV file/],
    ['a ragged row', () => write('ragged.csv', 'score,y\n0.5,yes\n0.2,no,extra\n'), /ragged\.csv line 3 has 3 fields but the header has 2/],
    // Past the first chunk, unquoted rows are split to the wanted cells by hand: still checked.
    [
      'a ragged row deep in a large file',
      () => write('ragged-late.csv', `score,y\n${'0.5,yes\n'.repeat(200_000)}0.2,no,extra\n0.1,no\n`),
      /ragged-late\.csv line 200002 has 3 fields but the header has 2/,
    ],
    [
      'a row too short deep in a large file',
      () => write('short-late.csv', `score,y\n${'0.5,yes\n'.repeat(200_000)}0.2\n`),
      /short-late\.csv line 200002 has 1 field but the header has 2/,
    ],
  ];
  for (const [what, file, message] of cases) {
    it(`refuses ${what} with exit 2 and one line`, async () => {
      const run = await cutoff('check', point, file());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
});
