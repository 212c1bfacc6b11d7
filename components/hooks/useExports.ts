import { useCallback, useRef } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { LabelVector } from '../../src/data/label';
import type { Guardrails } from '../../src/decision/guardrails';
import type { ThresholdStability } from '../../src/metrics/threshold-stability';
import type { Settings } from '../../src/session/settings';
import { downloadOperatingPoint, downloadPredictions } from '../export/download';
import type { BootstrapIntervals } from './useBootstrap';
import { heldSolution, type GroupsState } from './useDecisions';
import type { Evaluation } from './useEvaluation';
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
) {
  // The groups' latest solution (from the metrics worker), read by the exports when clicked.
  const groupsRef = useRef<GroupsState | null>(null);
  const onGroups = useCallback((state: GroupsState) => void (groupsRef.current = state), []);
  const exportPoint = useCallback(
    (guardrails?: Partial<Guardrails>) => {
      if (!dataset || !labels || !evaluation) return;
      try {
        const settings = current();
        downloadOperatingPoint({
          dataset,
          labels,
          settings,
          groupSolution: heldSolution(groupsRef.current, settings, settings.threshold),
          evaluation,
          training,
          stability,
          features: training.inputs,
          bootstrap,
          guardrails,
        });
      } catch (error) {
        setInputError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [dataset, labels, current, evaluation, training, bootstrap, stability, setInputError],
  );
  const exportPredictions = useCallback(() => {
    if (!dataset || !evaluation) return;
    const settings = current();
    downloadPredictions(dataset, evaluation, settings, heldSolution(groupsRef.current, settings, settings.threshold));
  }, [dataset, evaluation, current]);
  return { onGroups, exportPoint, exportPredictions };
}
