/**
 * The groups runner: the groups' (or the slices') curves built in the metrics worker once per
 * key (data, group column, costs) and kept there; every later strategy or threshold re-solves
 * them there, so neither the sorts nor the parity search ever run on the page. The hooks
 * (components/hooks/useGroups.ts, useSlices.ts) only hold its state in React.
 */
import type { Dataset } from '../../data/dataset';
import { groupCodesOf } from '../../decision/decision-inputs';
import type { EvaluatedCases, RowCosts } from '../../decision/decisions';
import type { GroupCases, GroupSolve, MetricsEvent, MetricsRequest } from '../protocol';
import type { PendingRequest, WorkerClient } from '../worker-client';
import type { GroupCurve, GroupSolution } from '../../metrics/group-thresholds';
import { ScoreCurve } from '../../metrics/score-curve';
import type { Settings } from '../../session/settings';

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

export const EMPTY: GroupsState = { groups: null, solution: null, error: null };

/**
 * The hook's logic without React. The groups' curves are built in the metrics worker once per
 * key (data, group column, costs) and kept there; every later strategy or threshold re-solves
 * them there, so neither the sorts nor the parity search ever run on the page.
 */
/** `rocPixels`: the size each group's ROC is drawn at, for its decimated path. */
export function createGroupsRunner(
  client: WorkerClient<MetricsRequest, MetricsEvent>,
  showState: (state: GroupsState) => void,
  rocPixels: { width: number; height: number } = { width: 0, height: 0 },
) {
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
    current = client.request((requestId) => ({ type: 'groups', requestId, key: input.key, cases, solve, needCurves, rocPixels }), {
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
export function idOf(cases: object): number {
  let id = caseIds.get(cases);
  if (id === undefined) caseIds.set(cases, (id = ++nextCaseId));
  return id;
}

/** A copy for the worker; slice() is one memcpy where from() reads element by element. */
const copyOf = (values: ArrayLike<number> | null): Float64Array | null => (values instanceof Float64Array ? values.slice() : values ? Float64Array.from(values) : null);

/** The cases of a groups build, copied for the worker, with each case's group code. */
export function groupCasesOf(
  dataset: Dataset,
  cases: EvaluatedCases,
  column: string,
  costs: { costFp: number; costFn: number },
  columns: RowCosts['columns'] | null,
): GroupCases | null {
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

/** Nothing to solve for a slice: its curve is all the table reads. */
export const SLICE_SOLVE: GroupSolve = { strategy: 'single', manual: [], prevalence: null, threshold: 0.5 };

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
