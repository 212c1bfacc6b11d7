import { memo, useEffect, useRef, useState, type DragEvent } from 'react';
import { distinctValues, type Dataset } from '../../src/data/dataset';
import type { LabelVector } from '../../src/data/label';
import { weightedCases } from '../../src/data/case-counts';
import type { ReadOptions } from '../../src/data/read-file';
import type { DataSettings, Settings } from '../../src/session/settings';
import { ColumnChoices } from './ColumnChoices';
import { ColumnTable } from './ColumnTable';
import { formatPercent, formatThousands } from '../common/format';
import type { ParseState } from '../hooks/useParser';
import { ParseProgress, ReadControls } from './ReadControls';

const formatCount = (n: number) => (Number.isInteger(n) ? formatThousands(n) : n.toFixed(1));

/** Kept here too: other panels import it from this module. */
export { formatPercent };

interface DataPanelProps {
  dataset: Dataset | null;
  labels: LabelVector | null;
  settings: DataSettings;
  parse: ParseState;
  /** How the current file was read; null when no file was chosen (or the demo is shown). */
  readOptions: ReadOptions | null;
  onFile: (file: File) => void;
  onDemo: () => void;
  onCancelParse: () => void;
  onReread: (patch: Partial<ReadOptions>) => void;
  onChange: (patch: Partial<Settings>) => void;
}

/** Bringing data in: the demo, a file picker and drop zone, how the file was read, the columns and the label and mode choices. */
export const DataPanel = memo(function DataPanel({ dataset, labels, settings, parse, readOptions, onFile, onDemo, onCancelParse, onReread, onChange }: DataPanelProps) {
  const [dragOver, setDragOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  useExcludeRowIds(dataset, settings.excludedColumns, onChange);
  const labelColumn = dataset?.columns.find((c) => c.name === settings.labelColumn);
  const labelValues = labelColumn ? (distinctValues(labelColumn) ?? []) : [];
  const weighted = dataset && labels && settings.mode === 'scores' ? weightedCases(dataset, labels, settings.weightColumn) : null;

  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">1. Data</h2>
      <div
        className={`dropzone${dragOver ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a CSV, Parquet or Excel (.xlsx) file here — it never leaves this browser.</p>
        <div className="row">
          <label className="button">
            Choose a file…
            <input
              type="file"
              accept=".csv,.tsv,.txt,.gz,.parquet,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="file-input"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) onFile(file);
                e.target.value = '';
              }}
            />
          </label>
          <button type="button" data-testid="demo-button" onClick={onDemo}>
            Load the demo (mammography)
          </button>
        </div>
        <ParseProgress parse={parse} onCancel={onCancelParse} />
      </div>
      {readOptions && !parse.busy && <ReadControls options={readOptions} dataset={dataset} onReread={onReread} />}

      {dataset && (
        <>
          <p data-testid="dataset-summary" className="summary">
            <strong>{dataset.fileName}</strong>: {dataset.rowCount} rows, {dataset.columns.length} columns
            {labels && weighted && (
              <>
                , standing for {formatCount(weighted.cases)} cases, {formatCount(weighted.positives)} positive cases ({formatPercent(weighted.positives / weighted.cases)}; weighted
                by “{settings.weightColumn}”)
              </>
            )}
            {labels && !weighted && (
              <>
                , {labels.positives} positives ({formatPercent(labels.positives / labels.labels.length)})
              </>
            )}
          </p>
          {dataset.notes.map((note) => (
            <p key={note} className="note" data-testid="read-note">
              {note}
            </p>
          ))}
          {labels && labels.dropped > 0 && <p className="note">{labels.dropped} rows without a label were left out.</p>}
          <ColumnChoices dataset={dataset} settings={settings} onChange={onChange} />
          {labelColumn && labelValues.length > 2 && settings.positiveValue !== null && (
            <p className="note" data-testid="one-vs-rest-note">
              “{labelColumn.name}” has {labelValues.length} values: “{settings.positiveValue}” is the positive class and every other value (
              {labelValues.filter((v) => v !== settings.positiveValue).join(', ')}) counts as negative.
            </p>
          )}
          <ColumnTable dataset={dataset} settings={settings} onChange={onChange} />
        </>
      )}
    </section>
  );
});

/**
 * Leaves a file's row-id columns out of the model once, when the file arrives: a sorted file
 * would otherwise leak its label through the row order. Remembered per file fingerprint, so
 * a column the user ticks back stays in, also when the same file is re-read.
 */
function useExcludeRowIds(dataset: Dataset | null, excluded: readonly string[], onChange: (patch: Partial<Settings>) => void): void {
  const applied = useRef(new Set<string>());
  useEffect(() => {
    if (!dataset) return;
    const fresh = dataset.rowIdColumns.filter((name) => !applied.current.has(`${dataset.sha256}:${name}`));
    if (fresh.length === 0) return;
    for (const name of fresh) applied.current.add(`${dataset.sha256}:${name}`);
    const added = fresh.filter((name) => !excluded.includes(name));
    if (added.length > 0) onChange({ excludedColumns: [...excluded, ...added] });
  }, [dataset, excluded, onChange]);
}
