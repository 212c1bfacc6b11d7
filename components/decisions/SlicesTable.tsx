import type { Dataset } from '../../src/data/dataset';
import { MAX_GROUPS } from '../../src/decision/decision-inputs';
import { metricsFromConfusion } from '../../src/metrics';
import type { Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';
import { formatCount, formatMetric } from '../common/format';
import type { Evaluation } from '../hooks/useEvaluation';
import { useBackgroundThreshold } from '../cockpit/threshold-store';
import { useSlices } from '../hooks/useSlices';

interface SlicesTableProps {
  dataset: Dataset;
  evaluation: Evaluation;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** The confusion matrix and recall per subgroup at the current threshold. */
export function SlicesTable({ dataset, evaluation, settings, onChange }: SlicesTableProps) {
  const threshold = useBackgroundThreshold();
  const candidates = dataset.columns.filter((c) => c.kind === 'categorical' && c.levels.length <= MAX_GROUPS && c.name !== settings.labelColumn);
  const column = candidates.find((c) => c.name === settings.sliceColumn) ?? null;
  // Each slice's curve is sorted in the metrics worker; its counts at the threshold are read here.
  const built = useSlices(dataset, evaluation, column?.name ?? null);
  const slices = (built.groups ?? []).map((g) => ({ level: g.value, curve: g.curve }));
  const costs = { costFp: settings.costFp, costFn: settings.costFn };
  return (
    <section className="panel slices-panel" aria-labelledby="slices-heading">
      <h2 id="slices-heading">Slices</h2>
      <ColumnSelect
        testId="slice-select"
        label="Split the metrics by"
        value={column?.name ?? null}
        names={candidates.map((c) => c.name)}
        none={candidates.length === 0 ? 'no text column to split by' : 'choose a column…'}
        onChange={(name) => onChange({ sliceColumn: name })}
      />
      {slices.length > 0 && (
        <table className="metrics slices" data-testid="slices-table">
          <thead>
            <tr>
              <th scope="col">{column?.name}</th>
              <th scope="col" className="num">
                cases
              </th>
              <th scope="col" className="num">
                TP
              </th>
              <th scope="col" className="num">
                FP
              </th>
              <th scope="col" className="num">
                FN
              </th>
              <th scope="col" className="num">
                TN
              </th>
              <th scope="col" className="num">
                recall
              </th>
              <th scope="col" className="num">
                precision
              </th>
            </tr>
          </thead>
          <tbody>
            {slices.map(({ level, curve }) => {
              const c = curve.confusionAt(threshold);
              const m = metricsFromConfusion(c, costs);
              return (
                <tr key={level} data-testid="slice-row" data-slice={level}>
                  <th scope="row">{level}</th>
                  <td className="num">{formatCount(curve.positives + curve.negatives)}</td>
                  <td className="num">{formatCount(c.tp)}</td>
                  <td className="num">{formatCount(c.fp)}</td>
                  <td className="num">{formatCount(c.fn)}</td>
                  <td className="num">{formatCount(c.tn)}</td>
                  <td className="num">{formatMetric(m.recall)}</td>
                  <td className="num">{formatMetric(m.precision)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
