import { useMetricsRunner } from './useMetricsRunner';
import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { groupCodesOf } from '../../src/decision/decision-inputs';
import { rowCostsOf, type EvaluatedCases, type RowCosts } from '../../src/decision/decisions';
import type { GroupCases, GroupSolve, MetricsEvent, MetricsRequest } from '../../src/engine/protocol';
import type { PendingRequest, WorkerClient } from '../../src/engine/worker-client';
import type { GroupCurve, GroupSolution } from '../../src/metrics/group-thresholds';
import { ScoreCurve } from '../../src/metrics/score-curve';
import type { Settings } from '../../src/session/settings';
import { GROUP_ROC_PIXELS } from '../charts/GroupRocChart';

/** The cost model of the evaluated cases; rebuilt only when the data, the costs or the cost columns change. */
export function useRowCosts(dataset: Dataset | null, cases: EvaluatedCases | null, settings: Settings): RowCosts | null {
  const { costFp, costFn, costFnColumn, costFpColumn } = settings;
  return useMemo(() => (cases ? rowCostsOf(dataset, cases, { costFp, costFn, costFnColumn, costFpColumn }) : null), [dataset, cases, costFp, costFn, costFnColumn, costFpColumn]);
}

export interface GroupsState {
  /** The groups' curves (for their charts and for mapping a drag to a threshold), with the solution that goes with them. */
  groups: GroupCurve[] | null;
  solution: GroupSolution | null;
  error: string | null;
  /** True while a newer request than this solution is being solved in the worker. */
  pending?: boolean;
  /** The group column and solve the solution answers (null with no solution). */
  solvedFor?: { groupColumn: string; solve: GroupSolve };
}

/** What a groups request is built from: a key naming the build, its group column, and the cases made on demand (null: no groups). */
export interface GroupsInput {
  key: string;
  groupColumn: string;
  cases: () => GroupCases | null;
}

const EMPTY: GroupsState = { groups: null, solution: null, error: null };

/**
 * The hook's logic without React. The groups' curves are built in the metrics worker once per
 * key (data, group column, costs) and kept there; every later strategy or threshold re-solves
 * them there, so neither the sorts nor the parity search ever run on the page.
 */
export function createGroupsRunner(client: WorkerClient<MetricsRequest, MetricsEvent>, showState: (state: GroupsState) => void) {
  let current: PendingRequest | null = null;
  let last: GroupsState = EMPTY;
  const show = (state: GroupsState): void => {
    last = state;
    showState(state);
  };
  /** The key the worker was last sent cases for, and the curves the page holds, by key. */
  let sentKey: string | null = null;
  let curves: { key: string; groups: GroupCurve[] } | null = null;

  const send = (input: GroupsInput, solve: GroupSolve, withCases: boolean): void => {
    current?.abandon();
    const cases = withCases ? input.cases() : null;
    if (withCases && cases === null) {
      sentKey = null;
      show(EMPTY);
      return;
    }
    if (withCases) sentKey = input.key;
    const transfer = cases
      ? ([cases.scores.buffer, cases.labels.buffer, cases.codes.buffer, ...[cases.weights, cases.missed, cases.alarm].flatMap((a) => (a ? [a.buffer] : []))] as ArrayBuffer[])
      : [];
    const needCurves = curves?.key !== input.key;
    // The last answer stays shown, marked as being replaced: no blink while the worker solves.
    if (!last.pending && last.solution) show({ ...last, pending: true });
    current = client.request((requestId) => ({ type: 'groups', requestId, key: input.key, cases, solve, needCurves, rocPixels: GROUP_ROC_PIXELS }), {
      transfer,
      onEvent: (event) => {
        if (event.type === 'groups-missing') return send(input, solve, true);
        if (event.type === 'error') return show({ ...EMPTY, error: `The groups are not used: ${event.message}` });
        if (event.type !== 'groups') return;
        if (event.curves)
          curves = { key: event.key, groups: event.curves.map((c) => ({ value: c.value, curve: new ScoreCurve(c.n, c.thresholds, c.cumTp, c.cumFp), roc: c.roc })) };
        if (curves?.key !== event.key) return;
        show({ groups: event.solution ? curves.groups : null, solution: event.solution, error: null, solvedFor: { groupColumn: input.groupColumn, solve } });
      },
      onFailure: (failure) => {
        sentKey = null;
        show({ ...EMPTY, error: `The groups are not used: ${failure.message}` });
      },
    });
  };

  return {
    run(input: GroupsInput | null, solve: GroupSolve): void {
      if (!input) {
        current?.abandon();
        current = null;
        show(EMPTY);
        return;
      }
      send(input, solve, sentKey !== input.key);
    },
  };
}

const caseIds = new WeakMap<object, number>();
let nextCaseId = 0;
/** A number that names one evaluated score set for as long as it lives. */
function idOf(cases: object): number {
  let id = caseIds.get(cases);
  if (id === undefined) caseIds.set(cases, (id = ++nextCaseId));
  return id;
}

/** A copy for the worker; slice() is one memcpy where from() reads element by element. */
const copyOf = (values: ArrayLike<number> | null): Float64Array | null => (values instanceof Float64Array ? values.slice() : values ? Float64Array.from(values) : null);

/** The cases of a groups build, copied for the worker, with each case's group code. */
function groupCasesOf(dataset: Dataset, cases: EvaluatedCases, column: string, costs: { costFp: number; costFn: number }, columns: RowCosts['columns'] | null): GroupCases | null {
  const coded = groupCodesOf(dataset, column, cases.rows);
  if (!coded) return null;
  return {
    scores: copyOf(cases.scores) ?? new Float64Array(0),
    labels: cases.labels instanceof Uint8Array ? cases.labels.slice() : Uint8Array.from(cases.labels),
    weights: copyOf(cases.weights),
    codes: coded.codes,
    levels: coded.levels,
    costs,
    missed: copyOf(columns?.missed ?? null),
    alarm: copyOf(columns?.alarm ?? null),
  };
}

/** A groups runner on its own metrics channel for the component's life. */
const useGroupsRunner = (setState: (state: GroupsState) => void) => useMetricsRunner('interactive', (client) => createGroupsRunner(client, setState));

/** Nothing to solve for a slice: its curve is all the table reads. */
const SLICE_SOLVE: GroupSolve = { strategy: 'single', manual: [], prevalence: null, threshold: 0.5 };

/**
 * The slices' curves (one per level of `column`), built in the metrics worker as the groups'
 * are: the table reads each slice's counts at the threshold off its curve, on the page.
 */
export function useSlices(dataset: Dataset | null, cases: EvaluatedCases | null, column: string | null): GroupsState {
  const [state, setState] = useState<GroupsState>(EMPTY);
  const runnerRef = useGroupsRunner(setState);
  const input = useMemo((): GroupsInput | null => {
    if (!dataset || !cases || column === null) return null;
    return { key: `slices:${idOf(dataset)}:${idOf(cases)}:${column}`, groupColumn: column, cases: () => groupCasesOf(dataset, cases, column, { costFp: 1, costFn: 1 }, null) };
  }, [dataset, cases, column]);
  useEffect(() => runnerRef.current?.run(input, SLICE_SOLVE), [input, runnerRef]);
  return input ? state : EMPTY;
}

/**
 * The groups' curves and their thresholds under the strategy, computed in the metrics worker.
 * Only single and manual follow the live threshold, so a drag does not re-solve the parity
 * strategies.
 */
export function useGroups(dataset: Dataset | null, cases: EvaluatedCases | null, settings: Settings, rowCosts: RowCosts | null, threshold: number): GroupsState {
  const { costFp, costFn, groupColumn, groupStrategy, groupThresholds, prevalence } = settings;
  const columns = rowCosts?.columns ?? null;
  const [state, setState] = useState<GroupsState>(EMPTY);
  const runnerRef = useGroupsRunner(setState);
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

/** The solution held for exactly these settings and threshold, or undefined when it answers others (then solve afresh). */
export function heldSolution(
  state: GroupsState | null,
  settings: Pick<Settings, 'groupColumn' | 'groupStrategy' | 'groupThresholds' | 'prevalence'>,
  threshold: number,
): GroupSolution | null | undefined {
  const held = state?.solvedFor;
  if (!state?.solution || !held || settings.groupColumn !== held.groupColumn) return undefined;
  const { solve } = held;
  const follows = solve.strategy === 'single' || solve.strategy === 'manual';
  if (solve.strategy !== settings.groupStrategy || solve.prevalence !== settings.prevalence || (follows && solve.threshold !== threshold)) return undefined;
  if (JSON.stringify(solve.manual) !== JSON.stringify(settings.groupThresholds)) return undefined;
  return state.solution;
}
