import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { EvaluatedCases, RowCosts } from '../../src/decision/decisions';
import { createGroupsRunner, EMPTY, groupCasesOf, idOf, type GroupsInput, type GroupsState } from '../../src/engine/runners/groups-runner';
import type { Settings } from '../../src/session/settings';
import { GROUP_ROC_PIXELS } from '../charts/GroupRocChart';
import { useMetricsRunner } from './useMetricsRunner';

export type { GroupsState } from '../../src/engine/runners/groups-runner';

/**
 * The groups' curves and their thresholds under the strategy, computed in the metrics worker.
 * Only single and manual follow the live threshold, so a drag does not re-solve the parity
 * strategies.
 */
export function useGroups(dataset: Dataset | null, cases: EvaluatedCases | null, settings: Settings, rowCosts: RowCosts | null, threshold: number): GroupsState {
  const { costFp, costFn, groupColumn, groupStrategy, groupThresholds, prevalence } = settings;
  const columns = rowCosts?.columns ?? null;
  const [state, setState] = useState<GroupsState>(EMPTY);
  const runnerRef = useMetricsRunner('interactive', (client) => createGroupsRunner(client, setState, GROUP_ROC_PIXELS));
  const input = useMemo((): GroupsInput | null => {
    if (!dataset || !cases || groupColumn === null) return null;
    const key = `${idOf(dataset)}:${idOf(cases)}:${groupColumn}:${costFp}:${costFn}:${columns ? idOf(columns) : 0}`;
    return { key, groupColumn, cases: () => groupCasesOf(dataset, cases, groupColumn, { costFp, costFn }, columns) };
  }, [dataset, cases, groupColumn, costFp, costFn, columns]);
  const followed = groupStrategy === 'single' || groupStrategy === 'manual' ? threshold : 0.5;
  useEffect(() => {
    runnerRef.current?.run(input, { strategy: groupStrategy, manual: groupThresholds, prevalence, threshold: followed });
  }, [input, groupStrategy, groupThresholds, prevalence, followed, runnerRef]);
  return input ? state : EMPTY;
}
