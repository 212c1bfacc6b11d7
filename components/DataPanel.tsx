import { useState, type DragEvent } from 'react';
import { distinctValues, type Dataset } from '../src/data/dataset';
import type { LabelVector } from '../src/data/label';
import type { Settings } from '../src/settings';
import type { ParseState } from './hooks/useParser';

interface DataPanelProps {
  dataset: Dataset | null;
  labels: LabelVector | null;
  settings: Settings;
  parse: ParseState;
  onFile: (file: File) => void;
  onDemo: () => void;
  onChange: (patch: Partial<Settings>) => void;
}

/** Bringing data in: the demo, a file picker and drop zone, and the label and mode choices. */
export function DataPanel({ dataset, labels, settings, parse, onFile, onDemo, onChange }: DataPanelProps) {
  const [dragOver, setDragOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const labelCandidates = dataset?.columns.filter((c) => distinctValues(c) !== null) ?? [];
  const labelColumn = dataset?.columns.find((c) => c.name === settings.labelColumn);
  const positiveOptions = labelColumn ? (distinctValues(labelColumn) ?? []) : [];
  const numericColumns = dataset?.columns.filter((c) => c.kind === 'numeric' && c.name !== settings.labelColumn) ?? [];

  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">1. Data</h2>
      <div
        className={`dropzone${dragOver ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
      >
        <p>Drop a CSV here — it never leaves this browser.</p>
        <div className="row">
          <label className="button">
            Choose a file…
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
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
        {parse.busy && (
          <p className="progress" aria-live="polite">
            Reading… {Math.round(parse.bytesRead / 1024)} of {Math.round(parse.totalBytes / 1024)} KB, {parse.rows} rows
          </p>
        )}
      </div>

      {dataset && (
        <>
          <p data-testid="dataset-summary" className="summary">
            <strong>{dataset.fileName}</strong>: {dataset.rowCount} rows, {dataset.columns.length} columns
            {labels && (
              <>
                , {labels.positives} positives ({formatPercent(labels.positives / labels.labels.length)})
              </>
            )}
          </p>
          {dataset.notes.map((note) => (
            <p key={note} className="note">
              {note}
            </p>
          ))}
          {labels && labels.dropped > 0 && <p className="note">{labels.dropped} rows without a label were left out.</p>}
          <div className="fields">
            <label>
              Label column
              <select
                data-testid="label-select"
                value={settings.labelColumn ?? ''}
                onChange={(e) => {
                  const column = dataset.columns.find((c) => c.name === e.target.value);
                  const values = column ? (distinctValues(column) ?? []) : [];
                  onChange({ labelColumn: e.target.value, positiveValue: values[values.length - 1] ?? null });
                }}
              >
                {settings.labelColumn === null && <option value="">choose…</option>}
                {labelCandidates.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Positive class
              <select
                data-testid="positive-select"
                value={settings.positiveValue ?? ''}
                onChange={(e) => onChange({ positiveValue: e.target.value })}
              >
                {positiveOptions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Mode
              <select
                data-testid="mode-select"
                value={settings.mode}
                onChange={(e) => onChange({ mode: e.target.value === 'scores' ? 'scores' : 'train' })}
              >
                <option value="train">train a model</option>
                <option value="scores">use a score column</option>
              </select>
            </label>
            {settings.mode === 'scores' && (
              <>
                <label>
                  Score column
                  <select
                    data-testid="score-select"
                    value={settings.scoreColumn ?? ''}
                    onChange={(e) => onChange({ scoreColumn: e.target.value || null })}
                  >
                    <option value="">choose…</option>
                    {numericColumns.map((c) => (
                      <option key={c.name} value={c.name}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Count / weight column
                  <select
                    data-testid="weight-select"
                    value={settings.weightColumn ?? ''}
                    onChange={(e) => onChange({ weightColumn: e.target.value || null })}
                  >
                    <option value="">none (each row counts once)</option>
                    {numericColumns
                      .filter((c) => c.name !== settings.scoreColumn)
                      .map((c) => (
                        <option key={c.name} value={c.name}>
                          {c.name}
                        </option>
                      ))}
                  </select>
                </label>
              </>
            )}
          </div>
          {labelColumn && (distinctValues(labelColumn)?.length ?? 0) > 2 && (
            <p className="note">
              “{labelColumn.name}” has {distinctValues(labelColumn)?.length} values: “{settings.positiveValue}” is positive, every other value negative.
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** A share as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
