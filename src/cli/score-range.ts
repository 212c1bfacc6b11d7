/** Scores the threshold cannot be compared with: a probability threshold against scores off [0, 1]. */
import { InputError } from './errors';

/**
 * Refuses a score outside [0, 1] when the export records no score transform (exit 2): a
 * threshold of 0.3 against percent scores marks nearly every row positive, silently. With a
 * recorded transform the mapped score may still leave [0, 1] (min-max on new data), which is
 * only a note.
 */
export function outOfRangeScore(score: number, row: number, column: string, file: string, transformed: boolean): void {
  if ((score >= 0 && score <= 1) || transformed) return;
  const hint =
    score > 1 && score <= 100
      ? 'they look like percentages: divide them by 100, or choose "Divide by 100" in the page and export the point again (it then records the mapping)'
      : 'they look like raw margins or logits: map them to probabilities (the sigmoid), or rescale them in the page and export the point again (it then records the mapping)';
  throw new InputError(`${file} row ${row}: the score in "${column}" is ${score}, outside [0, 1], and the export records no score transform; ${hint}`);
}
