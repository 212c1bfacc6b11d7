import { useCallback, useRef } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { LabelVector } from '../../src/data/label';
import type { Guardrails } from '../../src/decision/guardrails';
import type { ThresholdStability } from '../../src/metrics/threshold-stability';
import type { Settings } from '../../src/session/settings';
import { downloadOperatingPoint, downloadPredictions, downloadReport, type ExportContext } from '../export/download';
import type { BootstrapIntervals } from './useBootstrap';
import { heldSolution, type GroupsState } from '../../src/engine/runners/groups-runner';
import type { Evaluation } from './useEvaluation';

/** How long an export waits for the worker's group solution before solving the groups itself. */
const WAIT_FOR_GROUPS_MS = 2000;
import type { TrainingState } from './useTrainer';

/**
 * The operating-point and predictions downloads, with the settings as they are at the click
 * (threshold included) and the groups' thresholds the metrics worker last solved for them.
 */
export function useExports(
  dataset: Dataset | null,
  labels: LabelVector | null,
  evaluation: Evaluation | null,
  current: () => Settings,
  training: TrainingState,
  bootstrap: BootstrapIntervals | null,
  stability: ThresholdStability | null,
  setInputError: (message: string | null) => void,
  /** The Compare view's second model, recorded in the point and drawn in the report. */
  comparison?: ExportContext['comparison'] | null,
) {
  // The groups' latest solution (from the metrics worker), read by the exports when clicked.
  const groupsRef = useRef<GroupsState | null>(null);
  // An export clicked while the worker was still solving the groups for the settings in force.
  const waitingRef = useRef<(() => void) | null>(null);
  const onGroups = useCallback((state: GroupsState) => {
    groupsRef.current = state;
    const waiting = waitingRef.current;
    if (waiting && !state.pending) {
      waitingRef.current = null;
      waiting();
    }
  }, []);
  /**
   * The groups' solution for `settings`, or undefined to have the export solve them itself. An
   * export clicked just after a drag would otherwise solve ten groups of a million rows on the
   * page (a 451 ms task): it waits for the worker's answer once instead (`retry`).
   */
  const solutionFor = useCallback((settings: Settings, retry: (() => void) | null) => {
    const held = heldSolution(groupsRef.current, settings, settings.threshold);
    const state = groupsRef.current;
    if (held === undefined && retry && settings.groupColumn !== null && state && !state.error && (state.pending || state.solution)) {
      waitingRef.current = retry;
      // No newer answer coming (the settings match no solve in flight): export all the same.
      setTimeout(() => {
        if (waitingRef.current !== retry) return;
        waitingRef.current = null;
        retry();
      }, WAIT_FOR_GROUPS_MS);
      return 'wait' as const;
    }
    return held;
  }, []);
  const pointNow = useCallback(
    function exportNow(guardrails: Partial<Guardrails> | undefined, waited: boolean, deliver: (context: ExportContext) => void): void {
      if (!dataset || !labels || !evaluation) return;
      try {
        const settings = current();
        const groupSolution = solutionFor(settings, waited ? null : () => exportNow(guardrails, true, deliver));
        if (groupSolution === 'wait') return;
        deliver({
          dataset,
          labels,
          settings,
          groupSolution,
          evaluation,
          training,
          stability,
          features: training.inputs,
          bootstrap,
          guardrails,
          comparison: comparison ?? undefined,
        });
      } catch (error) {
        setInputError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [dataset, labels, current, evaluation, training, bootstrap, stability, setInputError, solutionFor, comparison],
  );
  const predictionsNow = useCallback(
    function exportNow(waited: boolean): void {
      if (!dataset || !evaluation) return;
      const settings = current();
      const groupSolution = solutionFor(settings, waited ? null : () => exportNow(true));
      if (groupSolution === 'wait') return;
      downloadPredictions(dataset, evaluation, settings, groupSolution);
    },
    [dataset, evaluation, current, solutionFor],
  );
  // What the buttons call: a click's event never reaches the `waited` flag.
  const exportPoint = useCallback((guardrails?: Partial<Guardrails>) => pointNow(guardrails, false, downloadOperatingPoint), [pointNow]);
  const exportReport = useCallback((guardrails?: Partial<Guardrails>) => pointNow(guardrails, false, downloadReport), [pointNow]);
  const exportPredictions = useCallback(() => predictionsNow(false), [predictionsNow]);
  return { onGroups, exportPoint, exportReport, exportPredictions };
}
