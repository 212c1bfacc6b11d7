import { useMemo } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { rowCostsOf, type EvaluatedCases, type RowCosts } from '../../src/decision/decisions';
import type { Settings } from '../../src/session/settings';

/** The cost model of the evaluated cases; rebuilt only when the data, the costs or the cost columns change. */
export function useRowCosts(dataset: Dataset | null, cases: EvaluatedCases | null, settings: Settings): RowCosts | null {
  const { costFp, costFn, costFnColumn, costFpColumn } = settings;
  return useMemo(() => (cases ? rowCostsOf(dataset, cases, { costFp, costFn, costFnColumn, costFpColumn }) : null), [dataset, cases, costFp, costFn, costFnColumn, costFpColumn]);
}
