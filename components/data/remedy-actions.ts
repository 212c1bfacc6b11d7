import type { Remedy } from '../../src/data/errors';
import type { ReadOptions } from '../../src/data/read-file';
import type { Settings } from '../../src/session/settings';
import type { ErrorAction } from '../common/ErrorBanner';

/** The buttons the error banner offers for a problem's remedy. */
export function remedyActions(remedy: Remedy | null, handlers: { reread: (patch: Partial<ReadOptions>) => void; change: (patch: Partial<Settings>) => void }): ErrorAction[] {
  if (remedy?.kind === 'skip-ragged-rows') {
    const rows = `${remedy.count} ragged row${remedy.count === 1 ? '' : 's'}`;
    return [{ label: `Skip the ${rows} and read the rest`, testId: 'skip-rows-button', onClick: () => handlers.reread({ skipRagged: true }) }];
  }
  if (remedy?.kind === 'rescale-scores') {
    // Percentages: dividing by 100 comes first, since min-max would change what a threshold means.
    const percent: ErrorAction[] = remedy.percent
      ? [{ label: 'Divide by 100 (percentages)', testId: 'rescale-percent-button', onClick: () => handlers.change({ scoreTransform: 'percent' }) }]
      : [];
    return [
      ...percent,
      { label: 'Rescale min-max to [0, 1]', testId: 'rescale-minmax-button', onClick: () => handlers.change({ scoreTransform: 'min-max' }) },
      { label: 'Apply the sigmoid (logits)', testId: 'rescale-sigmoid-button', onClick: () => handlers.change({ scoreTransform: 'sigmoid' }) },
    ];
  }
  if (remedy?.kind === 'choose-sheet') {
    return remedy.sheets.slice(0, 4).map((sheet, i) => ({
      label: `Read sheet "${sheet}"`,
      testId: i === 0 ? 'read-sheet-button' : `read-sheet-button-${i + 1}`,
      onClick: () => handlers.reread({ sheet, hasHeader: null, skipRagged: false }),
    }));
  }
  return [];
}
