/**
 * One decision rule, two writers: the page's predictions.csv (through src/session, as the page
 * builds it, without a browser) and `cutoff apply` on the page's own export of the same file
 * write the same decision columns, cell by cell, keyed by the file's own id column.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFile } from '../../../src/data/read-file';
import { mulberry32 } from '../../../src/data/random';
import { settingsFor, scoresCases } from '../../../src/session/choose';
import { exportPoint } from '../../../src/session/export-point';
import { serializeOperatingPoint } from '../../../src/session/operating-point';
import { pagePredictionsCsv } from '../../../src/session/predictions-csv';
import type { Settings } from '../../../src/session/settings';
import { DECISION_COLUMNS } from '../../../src/decision/decision-rule';
import { cutoff, tempDir } from './fixtures';
import { csvRows } from './csv-cells';

/** Seeded rows: a text id, percent scores (on a 0.5 grid, so some sit on the cuts), sites a–d, a few missing labels. */
function scoresFile(n: number, seed: number): string {
  const random = mulberry32(seed);
  const lines = ['patient_id,risk,outcome,site'];
  for (let i = 0; i < n; i++) {
    const positive = random() < 0.3;
    const score = Math.round((positive ? 30 + 70 * random() : 70 * random()) * 2) / 2;
    const site = ['north', 'south', 'east', ''][Math.floor(random() * 4)];
    const label = random() < 0.02 ? '' : positive ? 'yes' : 'no';
    lines.push(`P-${(i * 7919) % 100003},${score},${label},${site}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the page’s predictions.csv and cutoff apply', () => {
  for (const [strategy, seed] of [
    ['manual', 3],
    ['group-cost', 11],
  ] as const) {
    it(`write the same decision columns, cell by cell (groups: ${strategy}, a review band, risk bands, percent scores)`, async () => {
      const dir = tempDir();
      const text = scoresFile(600, seed);
      const bytes = new TextEncoder().encode(text);
      const dataset = await readDataFile({ name: 'scores.csv', size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
      const base = settingsFor(dataset, {
        scoreColumn: 'risk',
        labelColumn: 'outcome',
        positive: 'yes',
        scoreTransform: 'percent',
        goal: { kind: 'cost' },
        groupColumn: 'site',
        groupStrategy: strategy,
        toolVersion: 't',
        createdAt: new Date(0),
      });
      // 'east' has no threshold of its own under the manual strategy: it gets the overall one.
      const settings: Settings = {
        ...base,
        threshold: 0.45,
        band: { lower: 0.4, upper: 0.55 },
        groupThresholds: [
          { value: 'north', threshold: 0.35 },
          { value: 'south', threshold: 0.6 },
        ],
        bandCuts: [0.25, 0.5, 0.75],
        bandNames: ['low', 'watch, closely', '=high', ''],
      };
      const { labels, cases } = scoresCases(dataset, settings);
      const point = exportPoint({
        toolVersion: 't',
        createdAt: new Date(0),
        dataset,
        labels,
        settings,
        cases,
        source: { kind: 'scores', scoreColumn: 'risk', weightColumn: null, scoreTransform: cases.transform ?? null },
      });
      const pointPath = join(dir, 'point.json');
      writeFileSync(pointPath, serializeOperatingPoint(point));
      const file = join(dir, 'scores.csv');
      writeFileSync(file, text);

      const page = csvRows(pagePredictionsCsv(dataset, cases, settings));
      const applied = await cutoff('apply', pointPath, file);
      expect(applied.stderr).toBe('');
      const apply = csvRows(applied.stdout);

      const decisionColumns = ['decision', 'review', 'risk_band', 'group_threshold'];
      expect(decisionColumns).toEqual([...DECISION_COLUMNS]);
      expect(page[0]).toEqual(['patient_id', 'score', 'site', ...decisionColumns]);
      expect(apply[0]).toEqual(['patient_id', 'risk', 'outcome', 'site', ...decisionColumns]);
      const byId = new Map(apply.slice(1).map((row) => [row[0], row]));
      expect(page.length - 1).toBe(cases.rows.length);
      expect(page.length).toBeLessThan(apply.length);
      const seen = new Set<string>();
      for (const row of page.slice(1)) {
        const other = byId.get(row[0]);
        expect(other, row[0]).toBeDefined();
        for (const column of ['site', ...decisionColumns]) {
          expect(row[page[0].indexOf(column)], `${row[0]} ${column}`).toBe(other?.[apply[0].indexOf(column)]);
        }
        // The page's score is the mapped one: the file's percent over 100.
        expect(Number(row[1])).toBe(Number(other?.[1]) / 100);
        seen.add(`${row[page[0].indexOf('decision')]}/${row[page[0].indexOf('risk_band')]}/${row[page[0].indexOf('group_threshold')]}`);
      }
      // Every kind of cell occurred: each decision, each band name (a comma and a formula among them).
      const cells = [...seen].join(' ');
      for (const word of ['positive', 'negative', 'review', 'low', 'watch, closely', "'=high", 'urgent']) expect(cells).toContain(word);
    });
  }
});
