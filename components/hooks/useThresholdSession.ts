import { useCallback, useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { metricsFromConfusion } from '../../src/metrics';
import { cheapestOperatingPoint } from '../../src/metrics/evaluate';
import { niceThresholdAtIndex } from '../../src/metrics/nice-threshold';
import type { CostModel } from '../../src/metrics/row-costs';
import type { ScoreCurve } from '../../src/metrics/score-curve';
import type { Settings } from '../../src/session/settings';
import type { ThresholdStore } from '../cockpit/threshold-store';
import { formatMetric } from '../common/format';
import type { TrainingState } from './useTrainer';
import { useThresholdChoice } from './useThresholdChoice';

/**
 * Where the threshold starts for each new score set and how the views move it: the cost
 * optimum (the ring, the snap, the start), a restored or saved choice, and the helpers the
 * charts use to step, snap and describe a threshold.
 */
export function useThresholdSession(
  store: ThresholdStore,
  settings: Settings,
  dataset: Dataset | null,
  training: TrainingState,
  curve: ScoreCurve | null,
  costModel: CostModel | null,
  persistence: { fromLink: boolean; change: (patch: Partial<Settings>) => void; changeNow: (patch: Partial<Settings>) => void },
) {
  const { fromLink: restoredFromLink, change: changeSettings, changeNow: changeSettingsNow } = persistence;
  const { costFp, costFn, prevalence } = settings;
  const costs = useMemo(() => ({ costFp, costFn }), [costFp, costFn]);
  // A new set of scores: another file or score column, or another training run.
  const scoreSet =
    settings.mode === 'scores'
      ? `${dataset?.sha256}|${settings.labelColumn}|${settings.positiveValue}|${settings.scoreColumn}|${settings.weightColumn}|${settings.scoreTransform}`
      : training.options;
  // A scores file's threshold is saved with the file it was chosen on; a trained model's never is
  // (retraining makes new scores).
  const scoresKey = settings.mode === 'scores' && dataset ? (scoreSet as string) : null;
  const [savedFor] = useState(settings.thresholdScoreSet);
  const restored = useMemo(() => ({ fromLink: restoredFromLink, savedFor, key: scoresKey }), [restoredFromLink, savedFor, scoresKey]);
  const saveThreshold = useCallback(
    (threshold: number, now: boolean) => (now ? changeSettingsNow : changeSettings)({ threshold, thresholdScoreSet: scoresKey }),
    [changeSettings, changeSettingsNow, scoresKey],
  );
  // Solved once per change of the costs, for the ring on the curves, the snap and the start.
  const optimum = useMemo(() => (curve ? cheapestOperatingPoint(curve, costs, prevalence, costModel) : null), [curve, costs, prevalence, costModel]);
  const choice = useThresholdChoice(store, curve, optimum?.index ?? null, scoreSet, restored, saveThreshold);
  const describe = useCallback(
    (t: number) => {
      if (!curve) return `threshold ${t}`;
      const m = metricsFromConfusion(curve.confusionAt(t), costs);
      return `threshold ${t}: recall ${formatMetric(m.recall)}, precision ${formatMetric(m.precision)}, false positive rate ${formatMetric(m.fpr)}`;
    },
    [curve, costs],
  );
  const onThreshold = useCallback((t: number) => curve && choice.onIndex(curve.indexAt(t)), [curve, choice]);
  const snap = useCallback((t: number) => (curve ? niceThresholdAtIndex(curve.thresholds, curve.indexAt(t)) : t), [curve]);
  const stepFrom = useCallback((t: number, steps: number) => (curve ? niceThresholdAtIndex(curve.thresholds, curve.indexAt(t) + steps) : t), [curve]);
  return { costs, optimum, choice, describe, onThreshold, snap, stepFrom };
}
