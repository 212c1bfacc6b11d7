import type { Confusion } from '../../src/metrics';
import type { ErrorCosts } from '../../src/metrics/row-costs';
import type { Settings } from '../../src/session/settings';
import { ColumnSelect } from '../common/ColumnSelect';
import { formatThousands } from '../common/format';

interface RowCostControlsProps {
  /** Numeric columns that can hold a row's cost. */
  columns: readonly string[];
  settings: Pick<Settings, 'costFnColumn' | 'costFpColumn'>;
  /** The matrix and the cost of its errors at the threshold shown. */
  confusion: Confusion;
  errorCosts: ErrorCosts;
  /** With row costs: the scales of every miss's cost at which this threshold is the cheapest. */
  scaleRange?: { low: number; high: number } | null;
  onChange: (patch: Partial<Settings>) => void;
}

/** Columns holding each row's cost of a miss and of a false alarm, and what the errors shown cost. */
export function RowCostControls({ columns, settings, confusion, errorCosts, scaleRange, onChange }: RowCostControlsProps) {
  const perRow = settings.costFnColumn !== null || settings.costFpColumn !== null;
  return (
    <section className="panel row-costs" aria-labelledby="row-costs-heading">
      <h2 id="row-costs-heading">Costs per case</h2>
      <div className="row">
        <ColumnSelect
          testId="cost-fn-column"
          label="Cost of a miss from column"
          value={settings.costFnColumn}
          names={columns}
          none="the constant cost"
          onChange={(name) => onChange({ costFnColumn: name })}
        />
        <ColumnSelect
          testId="cost-fp-column"
          label="Cost of a false alarm from column"
          value={settings.costFpColumn}
          names={columns}
          none="the constant cost"
          onChange={(name) => onChange({ costFpColumn: name })}
        />
      </div>
      <p data-testid="row-cost-summary">{errorCostText(confusion, errorCosts)}</p>
      {perRow && scaleRange !== undefined && (
        <p data-testid="row-cost-ratio">
          {scaleRange === null
            ? 'With these row costs no scaling of the miss costs makes this threshold the cheapest.'
            : `With these row costs this threshold is the cheapest while every miss's cost is scaled by ×${scale(scaleRange.low)} to ×${scale(scaleRange.high)} (×1: as given).`}
        </p>
      )}
      {perRow && (
        <p className="note">
          Expected cost, the optimum and the group figures use each row’s cost; a missing cell takes the constant cost. The iso-cost line and the implied cost ratio assume constant
          costs.
        </p>
      )}
    </section>
  );
}

const scale = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '∞');
const amount = (v: number) => formatThousands(v, 2);

/** "The 12 missed cases cost 8,450; the 108 alarms cost 1,080." */
export function errorCostText(c: Confusion, e: ErrorCosts): string {
  const misses = c.fn === 1 ? 'The 1 missed case costs' : `The ${amount(c.fn)} missed cases cost`;
  const alarms = c.fp === 1 ? 'the 1 false alarm costs' : `the ${amount(c.fp)} false alarms cost`;
  return `${misses} ${amount(e.missed)}; ${alarms} ${amount(e.alarms)}.`;
}
