import type { Dataset } from '../../src/data/dataset';
import type { Settings } from '../../src/session/settings';
import { formatRatio, formatThreshold } from '../common/format';
import type { ThresholdOrigin } from '../hooks/useThresholdChoice';
import { useThreshold } from './threshold-store';

/** One line on where the threshold came from; it follows the threshold store. */
export function StartNote({ origin, costs, prevalence }: { origin: () => ThresholdOrigin; costs: { costFp: number; costFn: number }; prevalence: number | null }) {
  const threshold = useThreshold();
  const ratio = costs.costFp > 0 ? costs.costFn / costs.costFp : Infinity;
  const at = prevalence !== null ? ` at ${prevalence} prevalence` : '';
  switch (origin()) {
    case 'cheapest':
      return (
        <>
          Starts at the cheapest cutoff, {formatThreshold(threshold)}, when a miss costs {formatRatio(ratio)}× a false alarm{at}; it follows the costs until you move it.
        </>
      );
    case 'restored':
      return <>Threshold {formatThreshold(threshold)} kept as restored (from the link, or as you left it for this file).</>;
    default:
      return <>Your threshold, {formatThreshold(threshold)}. ◯ marks the cheapest one for these costs.</>;
  }
}

/** What the page waits for before the cockpit can show a curve. */
export function placeholderText(dataset: Dataset | null, settings: Settings): string {
  if (!dataset) return 'Load the demo or drop a CSV to start.';
  if (settings.labelColumn === null) return 'Choose the label column and its positive value.';
  if (settings.mode === 'scores') return 'Choose the score column.';
  return 'Press Train: the curves appear after the first epoch, computed on the held-out validation split.';
}
