import { useMemo } from 'react';
import { ScoreCurve } from '../../src/metrics';
import type { CrossValidationState } from '../hooks/training-state';

interface FoldTableProps {
  cv: CrossValidationState;
  /** Every row's out-of-fold score and label, once all folds are done. */
  scores: Float32Array | null;
  labels: Uint8Array | null;
}

/** Per-fold ROC-AUC and AP beside the pooled out-of-fold figures, and what the kept model is. */
export function FoldTable({ cv, scores, labels }: FoldTableProps) {
  const ready = cv.foldOf !== null;
  const pooled = useMemo(() => (ready && scores && labels && scores.length === labels.length ? ScoreCurve.from(scores, labels) : null), [ready, scores, labels]);
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
              <td>{pooled.rocAuc().toFixed(3)}</td>
              <td>{pooled.averagePrecision().toFixed(3)}</td>
              <td>—</td>
            </tr>
          )}
        </tbody>
      </table>
      {cv.refitEpochs !== null && (
        <p className="note" data-testid="refit-note">
          Every figure on the page uses the out-of-fold scores of all {scores?.length ?? 0} labelled rows. The model kept for export and for scoring a file was refit on all of them
          for {cv.refitEpochs} epochs (the median of the folds' best epochs).
        </p>
      )}
    </div>
  );
}
