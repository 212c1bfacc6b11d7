import type { Confusion } from '../../src/metrics';
import { formatCount } from '../common/format';

/**
 * The confusion matrix at the threshold, compact enough for the sticky strip: it stays on
 * screen beside every view, so each cell is one line (count and meaning) and the per-1,000
 * natural frequency rides along as the cell's tooltip and spoken description.
 */
export function ConfusionMatrix({ confusion, evaluatedOn }: { confusion: Confusion; evaluatedOn: string }) {
  const total = confusion.tp + confusion.fp + confusion.tn + confusion.fn;
  const per1000 = (v: number) => (total > 0 ? Math.round((1000 * v) / total) : 0);
  const cell = (testId: string, value: number, label: string) => (
    <td className={`cm-cell ${testId}`} title={`${label}: ${per1000(value)} per 1,000 cases`}>
      <span className="cm-count" data-testid={testId}>
        {formatCount(value)}
      </span>{' '}
      <span className="cm-label">{label}</span>
      <span className="visually-hidden">, {per1000(value)} per 1,000</span>
    </td>
  );
  return (
    <figure className="confusion">
      <figcaption className="visually-hidden">Confusion matrix ({evaluatedOn})</figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">decision</span>
            </th>
            <th scope="col">actually positive</th>
            <th scope="col">actually negative</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">flagged</th>
            {cell('cm-tp', confusion.tp, 'true positives')}
            {cell('cm-fp', confusion.fp, 'false alarms')}
          </tr>
          <tr>
            <th scope="row">cleared</th>
            {cell('cm-fn', confusion.fn, 'missed cases')}
            {cell('cm-tn', confusion.tn, 'true negatives')}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
