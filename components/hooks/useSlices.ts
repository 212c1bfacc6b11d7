import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { EvaluatedCases } from '../../src/decision/decisions';
import { createGroupsRunner, EMPTY, groupCasesOf, idOf, SLICE_SOLVE, type GroupsInput, type GroupsState } from '../../src/engine/runners/groups-runner';
import { GROUP_ROC_PIXELS } from '../charts/GroupRocChart';
import { useMetricsRunner } from './useMetricsRunner';

/**
 * The slices' curves (one per level of `column`), built in the metrics worker as the groups'
 * are: the table reads each slice's counts at the threshold off its curve, on the page.
 */
export function useSlices(dataset: Dataset | null, cases: EvaluatedCases | null, column: string | null): GroupsState {
  const [state, setState] = useState<GroupsState>(EMPTY);
  const runnerRef = useMetricsRunner('interactive', (client) => createGroupsRunner(client, setState, GROUP_ROC_PIXELS));
  const input = useMemo((): GroupsInput | null => {
    if (!dataset || !cases || column === null) return null;
    return { key: `slices:${idOf(dataset)}:${idOf(cases)}:${column}`, groupColumn: column, cases: () => groupCasesOf(dataset, cases, column, { costFp: 1, costFn: 1 }, null) };
  }, [dataset, cases, column]);
  useEffect(() => runnerRef.current?.run(input, SLICE_SOLVE), [input, runnerRef]);
  return input ? state : EMPTY;
}
