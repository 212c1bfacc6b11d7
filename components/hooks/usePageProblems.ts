import { useMemo } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { Remedy } from '../../src/data/errors';
import { explainFeatureProblem } from '../../src/data/feature-checks';
import { explainLabelChoice, type LabelVector } from '../../src/data/label';
import type { Settings } from '../../src/session/settings';
import type { TrainingState } from './useTrainer';

/** The messages each part of the page has, and what can be offered for them. */
interface Messages {
  input: string | null;
  inputRemedy: Remedy | null;
  evaluation: string | null;
  evaluationRemedy: Remedy | null;
  compare: string | null;
  bootstrap: string | null;
}

/**
 * The one message the banner shows, most fundamental first (the file, the label, the features,
 * the scores, the comparison, training, the intervals), with its remedy. Problems that follow
 * from the current choices are recomputed from them, so they clear as soon as the user fixes them.
 */
export function usePageProblems(dataset: Dataset | null, settings: Settings, labels: LabelVector | null, training: TrainingState, messages: Messages) {
  const { labelColumn, positiveValue, mode, excludedColumns } = settings;
  const labelProblem = useMemo(() => (dataset ? explainLabelChoice(dataset, labelColumn, positiveValue) : null), [dataset, labelColumn, positiveValue]);
  const featureProblem = useMemo(
    () => (dataset && mode === 'train' && labelColumn !== null ? explainFeatureProblem(dataset, labelColumn, excludedColumns) : null),
    [dataset, mode, labelColumn, excludedColumns],
  );
  const imbalance = useMemo(() => (labels ? (labels.labels.length - labels.positives) / labels.positives : null), [labels]);
  const trainingError = training.status === 'error' ? training.message : null;
  const error = messages.input ?? labelProblem ?? featureProblem ?? messages.evaluation ?? messages.compare ?? trainingError ?? messages.bootstrap;
  const remedy =
    messages.input !== null ? messages.inputRemedy : labelProblem === null && featureProblem === null && messages.evaluation !== null ? messages.evaluationRemedy : null;
  return { featureProblem, imbalance, error, remedy };
}
