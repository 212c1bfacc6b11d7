/**
 * `cutoff report POINT.json [-o FILE]`: the decision report the page's report button downloads,
 * written from the operating point by the same renderer (src/report), so the two files differ
 * only in the time they were written.
 */
import { renderReport } from '../report/report-html';
import { EXIT } from './errors';
import type { Io } from './io';
import { loadPoint } from './load-point';

export async function runReport(pointFile: string, io: Io): Promise<number> {
  const point = await loadPoint(pointFile, io.stdin);
  await io.out(renderReport(point, new Date()));
  return EXIT.ok;
}
