import type { Delimiter } from '../../src/data/csv-stream';
import type { Dataset } from '../../src/data/dataset';
import { ENCODING_CHOICES, encodingName } from '../../src/data/encoding';
import { describeBytes } from '../../src/data/limits';
import type { ReadOptions } from '../../src/data/read-file';
import type { ParseState } from '../hooks/useParser';
import { formatThousands } from '../common/format';

const DELIMITER_NAMES: [Delimiter, string][] = [
  [',', 'comma ,'],
  [';', 'semicolon ;'],
  ['\t', 'tab'],
  ['|', 'pipe |'],
];

function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES.find(([d]) => d === delimiter)?.[1] ?? JSON.stringify(delimiter);
}

/** Reading progress with Cancel, while the worker parses. */
export function ParseProgress({ parse, onCancel }: { parse: ParseState; onCancel: () => void }) {
  if (!parse.busy) return null;
  return (
    <div className="parse-progress" data-testid="parse-progress" aria-live="polite">
      <progress max={Math.max(1, parse.totalBytes)} value={parse.bytesRead} aria-label={`Reading ${parse.fileName}`} />
      <span className="progress">
        Reading {parse.fileName}: {describeBytes(parse.bytesRead)} of {describeBytes(parse.totalBytes)}, {formatThousands(parse.rows)} rows
      </span>
      <button type="button" data-testid="parse-cancel" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The detected delimiter, encoding and header, each overridable: a change re-reads the file.
 * Shown after a failed read too, since a wrong delimiter or encoding is the usual cause. A
 * Parquet file says how its columns are typed itself, so there is nothing to choose.
 */
export function ReadControls({ options, dataset, onReread }: { options: ReadOptions; dataset: Dataset | null; onReread: (patch: Partial<ReadOptions>) => void }) {
  if (dataset?.format === 'parquet') return null;
  if (dataset?.format === 'xlsx') return <WorkbookControls options={options} dataset={dataset} onReread={onReread} />;
  const found = dataset ? ` (found: ${delimiterName(dataset.delimiter)})` : '';
  const header = dataset ? ` (found: ${dataset.hasHeader ? 'header' : 'none'})` : '';
  const encoding = dataset?.encoding ? ` (found: ${encodingName(dataset.encoding)})` : '';
  return (
    <div className="fields read-controls">
      <label>
        Delimiter
        <select
          data-testid="delimiter-select"
          value={options.delimiter ?? 'auto'}
          onChange={(e) => {
            const chosen = DELIMITER_NAMES.find(([d]) => d === e.target.value)?.[0] ?? null;
            onReread({ delimiter: chosen, skipRagged: false });
          }}
        >
          <option value="auto">detect{found}</option>
          {DELIMITER_NAMES.map(([d, name]) => (
            <option key={name} value={d}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Encoding
        <select
          data-testid="encoding-select"
          value={options.encoding ?? 'auto'}
          onChange={(e) => onReread({ encoding: ENCODING_CHOICES.find((c) => c === e.target.value) ?? null, skipRagged: false })}
        >
          <option value="auto">detect{encoding}</option>
          {ENCODING_CHOICES.map((c) => (
            <option key={c} value={c}>
              {encodingName(c)}
            </option>
          ))}
        </select>
      </label>
      <HeaderSelect options={options} found={header} onReread={onReread} />
    </div>
  );
}

/** Whether the first row names the columns: detected, or set by hand (which re-reads the file). */
function HeaderSelect({ options, found, onReread }: { options: ReadOptions; found: string; onReread: (patch: Partial<ReadOptions>) => void }) {
  return (
    <label>
      First row
      <select
        data-testid="header-select"
        value={options.hasHeader === null ? 'auto' : options.hasHeader ? 'header' : 'data'}
        onChange={(e) => onReread({ hasHeader: e.target.value === 'auto' ? null : e.target.value === 'header', skipRagged: false })}
      >
        <option value="auto">detect{found}</option>
        <option value="header">names the columns</option>
        <option value="data">is data</option>
      </select>
    </label>
  );
}

/**
 * A workbook's cells are typed by Excel, so there is no delimiter or encoding to choose: only
 * the sheet (when there are several) and whether its first row names the columns.
 */
function WorkbookControls({ options, dataset, onReread }: { options: ReadOptions; dataset: Dataset; onReread: (patch: Partial<ReadOptions>) => void }) {
  const sheets = dataset.sheets ?? [];
  return (
    <div className="fields read-controls">
      {sheets.length > 1 && (
        <label>
          Sheet
          <select data-testid="sheet-select" value={dataset.sheet ?? sheets[0]} onChange={(e) => onReread({ sheet: e.target.value, hasHeader: null, skipRagged: false })}>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <HeaderSelect options={options} found={` (found: ${dataset.hasHeader ? 'header' : 'none'})`} onReread={onReread} />
    </div>
  );
}
