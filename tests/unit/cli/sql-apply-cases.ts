/**
 * Generated decision cases for `cutoff sql --apply` in real engines: for each score transform, a
 * point with groups (and a group it never saw), a review band and named risk bands, and rows
 * that sit on every threshold and one double either side of it, under column names with a
 * space and quotes. `cutoff apply` on the good rows is the expectation, row by row; the rows it
 * refuses (no score, ±Infinity, NaN, off [0, 1] without a transform) must come back NULL.
 */
import { expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardedText } from '../../../src/data/csv-writer';
import { mulberry32 } from '../../../src/data/random';
import { scoreMapping, type AppliedTransform } from '../../../src/data/score-transform';
import { nextUp } from '../../../src/metrics/float-bits';
import { rawCut } from '../../../src/cli/score-cut';
import { DECISION_COLUMNS } from '../../../src/decision/decision-rule';
import { cutoff, writePoint } from './fixtures';
import { csvRows } from './csv-cells';

export const ID = 'patient id';
export const SCORE = 'risk "p"';
export const GROUP = "site's";
/** The table's columns as a CSV header. */
export const HEADER = '"patient id","risk ""p""",site\'s';

export interface DecisionCase {
  name: string;
  point: string;
  /** The table's rows as CSV (header first), the refused rows included. */
  table: string;
  /** The rows `apply` decides, and its output by id. */
  expected: Map<string, Record<string, string>>;
  refused: Set<string>;
}

const TRANSFORMS: { name: string; transform: AppliedTransform | null; raw: (u: number) => number }[] = [
  { name: 'no transform', transform: null, raw: (u) => u },
  { name: 'percent', transform: { kind: 'divide', by: 100 }, raw: (u) => 100 * u },
  // New scores run past the recorded range, as they do a month later.
  { name: 'min-max', transform: { kind: 'min-max', min: -20, max: 180 }, raw: (u) => -40 + 240 * u },
  { name: 'sigmoid', transform: { kind: 'sigmoid' }, raw: (u) => 16 * (u - 0.5) },
];

const nextDown = (x: number) => -nextUp(-x);

/** The four cases (one per transform), written to `dir`. */
export async function decisionCases(dir: string, seed = 1): Promise<DecisionCase[]> {
  const cases: DecisionCase[] = [];
  for (const [n, { name, transform, raw }] of TRANSFORMS.entries()) {
    const random = mulberry32(seed * 10 + n);
    const map = scoreMapping(transform);
    // Thresholds are mapped scores of rows, as a chosen threshold is.
    const mapped = () => {
      for (;;) {
        const t = map(raw(random()));
        if (t > 0.02 && t < 0.98) return t;
      }
    };
    const [t0, t1, t2, other] = [mapped(), mapped(), mapped(), mapped()];
    const edges = [mapped(), mapped()].sort((a, b) => a - b);
    const cuts = [mapped(), mapped(), mapped()].sort((a, b) => a - b);
    const point = writePoint(
      dir,
      {
        source: { kind: 'scores', scoreColumn: SCORE, weightColumn: null },
        threshold: t0,
        band: { lower: edges[0], upper: edges[1] },
        groups: {
          column: GROUP,
          strategy: 'manual',
          thresholds: [
            { value: 'north', threshold: t1 },
            { value: "o'hare", threshold: t2 },
          ],
          otherThreshold: other,
        },
        bands: { cuts, names: ['low', 'watch, "closely"', '=high', 'urgent'] },
        ...(transform ? { scoreTransform: transform } : {}),
      },
      `point-${n}.json`,
    );
    const scores: number[] = [];
    for (let i = 0; i < 3000; i++) scores.push(raw(random()));
    for (const t of [t0, t1, t2, other, ...edges, ...cuts]) {
      const cut = rawCut(t, transform) ?? 0;
      scores.push(cut, nextDown(cut), nextUp(cut));
    }
    const sites = ['north', "o'hare", 'east', ''];
    const good = scores.flatMap((s, i) => sites.map((site, k) => `G${i}-${k},${s},${site}`));
    const bad = ['', 'Infinity', '-Infinity', 'NaN', ...(transform ? [] : ['1.5', '-0.25'])].map((s, i) => `B${i},${s},north`);
    const goodFile = join(dir, `good-${n}.csv`);
    writeFileSync(goodFile, `${HEADER}\n${good.join('\n')}\n`);
    const applied = await cutoff('apply', point, goodFile);
    expect(applied.stderr).toBe('');
    const [head, ...rows] = csvRows(applied.stdout);
    expect(head).toEqual([ID, SCORE, GROUP, ...DECISION_COLUMNS]);
    const expected = new Map(rows.map((row) => [row[0], Object.fromEntries(head.map((h, i) => [h, row[i]]))]));
    cases.push({ name, point, table: `${HEADER}\n${[...good, ...bad].join('\n')}\n`, expected, refused: new Set(bad.map((b) => b.split(',')[0])) });
  }
  return cases;
}

/** Checks an engine's rows (values by column name; null for NULL) against `apply`'s, row by row. */
export function expectSameDecisions(c: DecisionCase, columns: string[], rows: Record<string, unknown>[]): void {
  expect(columns).toEqual([ID, SCORE, GROUP, ...DECISION_COLUMNS]);
  expect(rows).toHaveLength(c.expected.size + c.refused.size);
  const decided = new Set<string>();
  for (const row of rows) {
    const id = String(row[ID]);
    if (c.refused.has(id)) {
      expect(
        DECISION_COLUMNS.map((k) => row[k]),
        `${c.name}: ${id}`,
      ).toEqual(DECISION_COLUMNS.map(() => null));
      continue;
    }
    const want = c.expected.get(id);
    expect(want, `${c.name}: ${id}`).toBeDefined();
    const got = {
      decision: row.decision,
      review: row.review,
      // apply's CSV writer defuses a name a spreadsheet would run ('=high); the engine gives it as it is.
      risk_band: guardedText(String(row.risk_band)),
      group_threshold: Number(row.group_threshold),
    };
    expect(got, `${c.name}: ${id} (score ${String(row[SCORE])})`).toEqual({
      decision: want?.decision,
      review: want?.review,
      risk_band: want?.risk_band,
      group_threshold: Number(want?.group_threshold),
    });
    decided.add(id);
  }
  expect(decided.size).toBe(c.expected.size);
}
