/**
 * The page's evaluated cases, asked of the parse worker (which keeps the file it read and runs
 * the one pipeline, src/session/evaluated-cases, there). Without React, so unit tests drive it:
 * each `run` supersedes the one before; the spare copies the worker made for the metrics
 * workers are offered to them (spare-copies.ts); a file the worker no longer holds
 * (it was restarted) is read here instead, by the same pipeline.
 */
import { findColumn, type Dataset } from '../data/dataset';
import { labelledCases, type CaseChoice, type LabelledCases } from '../session/evaluated-cases';
import type { ScoredCases } from './protocol';
import { offerCopies } from './spare-copies';

/**
 * What the parse worker answers: the labelled cases and spare copies of them. With
 * `scoresAreColumn` the scores are the score column's values, which the page holds already.
 */
export type CasesAnswer = LabelledCases & { copies: ScoredCases[]; scoresAreColumn: boolean };

/**
 * Asks the worker that read `dataset` for a choice's cases; `answer` gets null when it cannot
 * (the caller builds them itself). Returns null when there is no worker to ask.
 */
export type CasesSource = (dataset: Dataset, choice: CaseChoice, copies: number, answer: (event: CasesAnswer | null) => void) => { abandon(): void } | null;

/** The cases of one dataset and choice. */
export interface CasesResult {
  dataset: Dataset;
  choice: CaseChoice;
  result: LabelledCases;
}

/** Spare copies asked for with scores: one for the curve's worker, one for the bootstrap's. */
export const SPARE_COPIES = 2;

export function createCasesRunner(source: CasesSource, show: (state: CasesResult | null) => void) {
  let current: { abandon(): void } | null = null;
  const readHere = (dataset: Dataset, choice: CaseChoice): void => show({ dataset, choice, result: labelledCases(dataset, choice) });
  return {
    run(dataset: Dataset | null, choice: CaseChoice): void {
      current?.abandon();
      current = null;
      if (!dataset) {
        show(null);
        return;
      }
      let answered = false;
      const request = source(dataset, choice, choice.scoreColumn === null ? 0 : SPARE_COPIES, (answer) => {
        answered = true;
        if (!answer) return readHere(dataset, choice);
        const { copies, scoresAreColumn, ...result } = answer;
        const column = findColumn(dataset, choice.scoreColumn ?? '');
        const scores = scoresAreColumn && column?.kind === 'numeric' ? column.values : null;
        if (scoresAreColumn && !scores) return readHere(dataset, choice);
        const cases = result.cases && scores ? { ...result.cases, scores } : result.cases;
        if (cases) offerCopies(cases, copies);
        show({ dataset, choice, result: { ...result, cases } });
      });
      if (request === null) readHere(dataset, choice);
      else if (!answered) current = request;
    },
    dispose(): void {
      current?.abandon();
      current = null;
    },
  };
}
