import { describeDistinct, summarizeColumn } from '../../src/data/column-summary';
import type { Dataset } from '../../src/data/dataset';
import type { DataSettings, Settings } from '../../src/session/settings';
import { formatPercent } from '../common/format';

interface ColumnTableProps {
  dataset: Dataset;
  settings: DataSettings;
  onChange: (patch: Partial<Settings>) => void;
}

/** What a column is used for in the current mode, or null when it is a candidate feature. */
function roleOf(name: string, settings: DataSettings): string | null {
  if (name === settings.labelColumn) return 'label';
  if (settings.mode === 'scores') {
    if (name === settings.scoreColumn) return 'score';
    if (name === settings.weightColumn) return 'count';
    return 'not used';
  }
  return null;
}

/**
 * Every column with its type, missing share and distinct values; in train mode a checkbox
 * leaves a column out of the model's features (kept in settings.excludedColumns).
 */
export function ColumnTable({ dataset, settings, onChange }: ColumnTableProps) {
  const excluded = settings.excludedColumns;
  const toggle = (name: string, use: boolean) => onChange({ excludedColumns: use ? excluded.filter((n) => n !== name) : [...excluded.filter((n) => n !== name), name] });
  return (
    <details className="column-table" open={dataset.columns.length <= 30}>
      <summary>Columns ({dataset.columns.length})</summary>
      <div className="table-scroll">
        <table data-testid="column-table">
          <thead>
            <tr>
              <th scope="col">column</th>
              <th scope="col">type</th>
              <th scope="col">missing</th>
              <th scope="col">distinct</th>
              <th scope="col">{settings.mode === 'train' ? 'feature' : 'use'}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.columns.map((column) => {
              const summary = summarizeColumn(column, dataset.rowCount);
              const role = roleOf(column.name, settings);
              const rowId = dataset.rowIdColumns.includes(column.name);
              const flags = [
                rowId ? 'row id' : '',
                column.kind === 'numeric' && column.readAs ? column.readAs : '',
                summary.mostlyEmpty && summary.type !== 'empty' ? 'mostly empty' : '',
                summary.infinite > 0 ? `${summary.infinite} infinite` : '',
                column.errorCells ? `${column.errorCells} Excel error${column.errorCells === 1 ? '' : 's'} as missing` : '',
              ]
                .filter(Boolean)
                .join(', ');
              return (
                <tr key={column.name} data-testid="column-row" data-column={column.name} data-row-id={rowId || undefined}>
                  <th scope="row">{column.name}</th>
                  <td data-testid="column-type">
                    {summary.type}
                    {flags && <span className="flag"> · {flags}</span>}
                  </td>
                  <td className="num" data-testid="column-missing">
                    {formatPercent(summary.missingShare)}
                  </td>
                  <td className="num" data-testid="column-distinct">
                    {describeDistinct(summary.distinct)}
                  </td>
                  <td>
                    {role ?? (
                      <input
                        type="checkbox"
                        data-testid="column-use"
                        aria-label={`Use ${column.name} as a feature`}
                        checked={!excluded.includes(column.name)}
                        onChange={(e) => toggle(column.name, e.target.checked)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
