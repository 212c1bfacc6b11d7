/**
 * The column choices a newly read file starts with: the earlier choices that still fit it, else
 * the suggested label, score and count columns. Each suggestion reads whole columns (ten million
 * values for a large scores file), so the page asks the parse worker for them with the file.
 */
import type { Dataset } from '../data/dataset';
import { keptChoices } from '../data/label';
import { suggestLabel } from '../data/label-suggestion';
import type { ScoreTransform } from '../data/score-transform';
import { suggestCountColumn, suggestScoreColumn } from '../data/scores';
import type { Settings } from './settings';

/** The earlier choices a new file may keep. */
export type PreviousChoices = Pick<Settings, 'labelColumn' | 'positiveValue' | 'scoreColumn' | 'weightColumn' | 'scoreTransform'>;

/** The settings a new file starts with: scores mode when a score column is found, train mode otherwise. */
export type StartingChoices = PreviousChoices & Pick<Settings, 'mode'>;

/** No earlier choices: everything is suggested. */
export const NO_PREVIOUS_CHOICES: PreviousChoices = { labelColumn: null, positiveValue: null, scoreColumn: null, weightColumn: null, scoreTransform: 'none' };

export function startingChoices(dataset: Dataset, previous: PreviousChoices): StartingChoices {
  const kept = keptChoices(dataset, previous);
  const label = kept.label ?? suggestLabel(dataset);
  const score = kept.scoreColumn ?? suggestScoreColumn(dataset, label?.column ?? null);
  // An aggregated score,label,count file: its count column weights the rows.
  const weight = kept.weightColumn ?? (score === null ? null : suggestCountColumn(dataset, [label?.column ?? null, score]));
  // A kept score column keeps its rescaling; a newly suggested one starts unscaled.
  const scoreTransform: ScoreTransform = kept.scoreColumn === null ? 'none' : previous.scoreTransform;
  return {
    labelColumn: label?.column ?? null,
    positiveValue: label?.positive ?? null,
    mode: score === null ? 'train' : 'scores',
    scoreColumn: score,
    weightColumn: weight,
    scoreTransform,
  };
}
