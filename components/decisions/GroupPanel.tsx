import { GROUP_STRATEGIES, groupRates, isParityStrategy, PARITY_METRIC, type GroupCurve, type GroupSolution, type GroupStrategy } from '../../src/metrics/group-thresholds';
import { niceThresholdAtIndex } from '../../src/metrics/nice-threshold';
import type { Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';
import { formatThreshold } from '../common/format';
import { GroupRocChart } from '../charts/GroupRocChart';
import { formatCount, formatMetric } from '../common/format';

const STRATEGY_LABELS: Record<GroupStrategy, string> = {
  single: 'one threshold for all',
  'group-cost': 'each group at its cost optimum',
  'equal-opportunity': 'equal opportunity (equal recall)',
  'equal-odds-fpr': 'equal false positive rate',
  'demographic-parity': 'demographic parity (equal alarm rate)',
  'equal-accuracy': 'equal accuracy',
  manual: 'manual (dragged)',
};

interface GroupPanelProps {
  /** Columns that can split the cases into groups. */
  columns: readonly string[];
  settings: Pick<Settings, 'groupColumn' | 'groupStrategy'>;
  groups: GroupCurve[] | null;
  solution: GroupSolution | null;
  /** True while the worker solves a newer request: the figures shown are about to change. */
  pending?: boolean;
  /** "at 5 % prevalence" when one is assumed, else null. */
  prevalenceLabel: string | null;
  onChange: (patch: Partial<Settings>) => void;
}

/** Thresholds per group under a strategy: a small ROC with its own handle, matrix and rates per group. */
export function GroupPanel({ columns, settings, groups, solution, pending = false, prevalenceLabel, onChange }: GroupPanelProps) {
  const drag = (value: string, index: number) => {
    if (!solution || !groups) return;
    // Dragging one group freezes every group where it is and moves this one: manual from now on.
    const thresholds = solution.groups.map((g, i) => ({
      value: g.value,
      threshold: g.value === value ? niceThresholdAtIndex(groups[i].curve.thresholds, index) : g.threshold,
    }));
    onChange({ groupStrategy: 'manual', groupThresholds: thresholds });
  };
  return (
    <section className="panel group-panel" aria-labelledby="group-heading">
      <h2 id="group-heading">Thresholds per group</h2>
      <div className="row">
        <ColumnSelect
          testId="group-select"
          label="Group column"
          value={settings.groupColumn}
          names={columns}
          none={columns.length === 0 ? 'no text or yes/no column' : 'none (one threshold)'}
          onChange={(name) => onChange({ groupColumn: name })}
        />
        <label>
          Strategy
          <select data-testid="group-strategy" value={settings.groupStrategy} onChange={(e) => onChange({ groupStrategy: e.target.value as GroupStrategy })}>
            {GROUP_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {s} — {STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {solution && groups && (
        <>
          <p className="note" data-testid="group-summary" data-strategy={solution.strategy} data-solving={pending ? 'true' : 'false'}>
            {summaryText(solution)}
            {prevalenceLabel && ` Rates ${prevalenceLabel}.`}
          </p>
          <div className="group-cards" style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
            {solution.groups.map((g, i) => {
              const rates = groupRates(g.confusion, solution.weights);
              return (
                <div key={g.value} className="group-card" data-testid="group-card" data-group={g.value} style={{ flex: '1 1 200px', maxWidth: 300 }}>
                  <GroupRocChart group={g.value} roc={groups[i].roc} index={g.index} threshold={g.threshold} onIndexChange={(k) => drag(g.value, k)} />
                  <p>
                    Threshold{' '}
                    <strong data-testid="group-threshold" data-group={g.value}>
                      {formatThreshold(g.threshold)}
                    </strong>
                  </p>
                  <table className="metrics group-matrix">
                    <tbody>
                      <tr>
                        <th scope="row">TP / FP</th>
                        <td className="num" data-testid="group-tp" data-group={g.value}>
                          {formatCount(g.confusion.tp)}
                        </td>
                        <td className="num" data-testid="group-fp" data-group={g.value}>
                          {formatCount(g.confusion.fp)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">FN / TN</th>
                        <td className="num" data-testid="group-fn" data-group={g.value}>
                          {formatCount(g.confusion.fn)}
                        </td>
                        <td className="num" data-testid="group-tn" data-group={g.value}>
                          {formatCount(g.confusion.tn)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">recall</th>
                        <td className="num" colSpan={2} data-testid="group-recall" data-group={g.value}>
                          {formatMetric(rates.recall)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">precision</th>
                        <td className="num" colSpan={2} data-testid="group-precision" data-group={g.value}>
                          {formatMetric(rates.precision)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">FPR</th>
                        <td className="num" colSpan={2} data-testid="group-fpr" data-group={g.value}>
                          {formatMetric(rates.fpr)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">misses cost</th>
                        <td className="num" colSpan={2} data-testid="group-missed-cost" data-group={g.value}>
                          {formatCount(g.missedCost)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">alarms cost</th>
                        <td className="num" colSpan={2} data-testid="group-alarm-cost" data-group={g.value}>
                          {formatCount(g.alarmCost)}
                        </td>
                      </tr>
                      <tr>
                        <th scope="row">alarm rate</th>
                        <td className="num" colSpan={2} data-testid="group-alarm-rate" data-group={g.value}>
                          {formatMetric(rates.alarmRate)}
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

/** The strategy's cost against the unconstrained optimum, and the gap left, in words. */
export function summaryText(s: GroupSolution): string {
  const name = s.strategy === 'group-cost' ? 'Group-cost' : STRATEGY_LABELS[s.strategy].replace(/^./, (c) => c.toUpperCase());
  const cost = `Expected cost per case ${formatMetric(s.expectedCost)}`;
  let versus: string;
  if (s.strategy === 'group-cost') versus = 'the unconstrained optimum.';
  else if (s.optimumCost > 0) {
    const more = (s.expectedCost / s.optimumCost - 1) * 100;
    versus = Math.abs(more) < 0.05 ? 'the same as group-cost here.' : `${more.toFixed(1)} % more than group-cost (${formatMetric(s.optimumCost)}) here.`;
  } else versus = `against ${formatMetric(s.optimumCost)} for group-cost.`;
  const gap = isParityStrategy(s.strategy)
    ? ` ${PARITY_METRIC[s.strategy].replace(/^./, (c) => c.toUpperCase())} differs by ${formatMetric(s.gap)} between groups (exact equality is rarely possible on a finite sample; allowed: ${formatMetric(s.tolerance)}).`
    : '';
  return `${name}: ${cost}, ${versus}${gap}`;
}
