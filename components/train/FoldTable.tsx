import type { CrossValidationState } from '../../src/session/training-state';

/** The figures of every row's out-of-fold score, read off the page's evaluation (its curve was built in the metrics worker). */
export interface PooledFigures {
  n: number;
  positives: number;
  rocAuc: number;
  averagePrecision: number;
}

/** The figures of an out-of-fold evaluation, as the fold table shows them. */
export const pooledFigures = ({ curve, view }: { curve: { n: number; positives: number }; view: { rocAuc: number; averagePrecision: number } }): PooledFigures => ({
  n: curve.n,
  positives: curve.positives,
  rocAuc: view.rocAuc,
  averagePrecision: view.averagePrecision,
});

interface FoldTableProps {
  cv: CrossValidationState;
  /** Once all folds are done; null before. */
  pooled: PooledFigures | null;
}

/** Per-fold ROC-AUC and AP beside the pooled out-of-fold figures, and what the kept model is. */
export function FoldTable({ cv, pooled: figures }: FoldTableProps) {
  const pooled = cv.foldOf !== null ? figures : null;
  return (
    <div className="folds" data-testid="fold-table">
      <table>
        <thead>
          <tr>
            <th>fold</th>
            <th>rows</th>
            <th>positives</th>
            <th>ROC-AUC</th>
            <th>AP</th>
            <th>best epoch</th>
          </tr>
        </thead>
        <tbody>
          {cv.folds.map((f) => (
            <tr key={f.fold} data-testid="fold-row">
              <td>{f.fold}</td>
              <td>{f.rows}</td>
              <td>{f.positives}</td>
              <td>{f.rocAuc.toFixed(3)}</td>
              <td>{f.prAuc.toFixed(3)}</td>
              <td>{f.bestEpoch}</td>
            </tr>
          ))}
          {pooled && (
            <tr className="pooled" data-testid="fold-pooled">
              <td>pooled</td>
              <td>{pooled.n}</td>
              <td>{pooled.positives}</td>
              <td>{pooled.rocAuc.toFixed(3)}</td>
              <td>{pooled.averagePrecision.toFixed(3)}</td>
              <td>—</td>
            </tr>
          )}
        </tbody>
      </table>
      {cv.refitEpochs !== null && (
        <p className="note" data-testid="refit-note">
          Every figure on the page uses the out-of-fold scores of all {pooled?.n ?? 0} labelled rows. The model kept for export and for scoring a file was refit on all of them for{' '}
          {cv.refitEpochs} epochs (the median of the folds' best epochs).
        </p>
      )}
    </div>
  );
}
