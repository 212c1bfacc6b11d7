import { useState } from 'react';
import { parseOperatingPoint, type OperatingPoint } from '../../src/session/operating-point';
import { floorBounds, type FloorName, type Guardrails } from '../../src/decision/guardrails';
import { settingsToFragment, type Settings } from '../../src/session/settings';
import { settingsFromExtras } from '../../src/session/decision-export';
import { formatThreshold } from '../common/format';

interface ExportPanelProps {
  settings: Settings;
  canExport: boolean;
  /** Exports with the floors typed here (blank = the default). */
  onExport: (guardrails: Partial<Guardrails>) => void;
  onExportPredictions: () => void;
  /** Downloads the decision report of the point shown, with the floors typed here. */
  onReport: (guardrails: Partial<Guardrails>) => void;
  onChange: (patch: Partial<Settings>) => void;
  /** A refusal to show; null clears an earlier one (after a successful import). */
  onError: (message: string | null) => void;
  /** The file loaded now, to warn when an imported point was made on another one. */
  dataset?: { fileName: string; sha256: string } | null;
  /** The rows were scored by an imported model trained on this very file (same SHA-256). */
  trainedOnThisFile?: boolean;
}

type Floor = FloorName;

// The bounds are the schema's (src/decision/guardrails.ts), as `cutoff check` reads them.
const FLOORS: { key: Floor; label: string; testId: string; placeholder: string; max: number }[] = [
  { key: 'minRecall', label: 'Recall at least', testId: 'guardrail-min-recall', placeholder: 'no drop from now', max: floorBounds('minRecall')[1] },
  { key: 'minPrecision', label: 'Precision at least', testId: 'guardrail-min-precision', placeholder: 'no drop from now', max: floorBounds('minPrecision')[1] },
  { key: 'maxAlarmRate', label: 'Alarm rate at most', testId: 'guardrail-max-alarm-rate', placeholder: 'not checked', max: floorBounds('maxAlarmRate')[1] },
  { key: 'maxDrift', label: 'Score drift (PSI) at most', testId: 'guardrail-max-drift', placeholder: '0.25', max: floorBounds('maxDrift')[1] },
];

/** What an imported point was made for that differs from what is loaded now: warned, not refused. */
export function importWarnings(point: OperatingPoint, labelColumn: string | null, dataset: { fileName: string; sha256: string } | null | undefined): string[] {
  const warnings: string[] = [];
  if (labelColumn !== null && point.label.column !== labelColumn) {
    warnings.push(`it was made for the label column "${point.label.column}", not "${labelColumn}"`);
  }
  if (dataset && point.dataset.sha256 !== dataset.sha256) {
    warnings.push(`it was made on another file (${point.dataset.fileName}, SHA-256 ${point.dataset.sha256.slice(0, 12)}…), not ${dataset.fileName}`);
  }
  return warnings;
}

/** Export the operating point, load one back, or share the settings as a link (no data in it). */
export function ExportPanel({ settings, canExport, onExport, onExportPredictions, onReport, onChange, onError, dataset, trainedOnThisFile = false }: ExportPanelProps) {
  const [link, setLink] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [floors, setFloors] = useState<Record<Floor, string>>({ minRecall: '', minPrecision: '', maxAlarmRate: '', maxDrift: '' });
  const floorProblem = FLOORS.map(({ key, label, max }) => {
    const text = floors[key].trim();
    const value = Number(text);
    return text !== '' && !(Number.isFinite(value) && value >= 0 && value <= max) ? `${label}: ${text} is not a number from 0 to ${max}.` : null;
  }).find((p) => p !== null);
  const chosenFloors = (): Partial<Guardrails> => Object.fromEntries(FLOORS.filter(({ key }) => floors[key].trim() !== '').map(({ key }) => [key, Number(floors[key])]));

  const importFile = async (file: File) => {
    try {
      const point = parseOperatingPoint(JSON.parse(await file.text()));
      onChange({
        threshold: point.threshold,
        costFp: point.costs.falsePositive,
        costFn: point.costs.falseNegative,
        prevalence: point.prevalence.assumed,
        // Group thresholds, row-cost columns, risk bands and the target (schema version 2).
        ...settingsFromExtras(point),
      });
      const warnings = importWarnings(point, settings.labelColumn, dataset);
      onError(null);
      setImported(
        `Restored threshold ${formatThreshold(point.threshold)} and costs from ${file.name} (made ${point.createdAt}).` +
          (warnings.length > 0 ? ` Note: ${warnings.join('; ')}.` : ''),
      );
    } catch (error) {
      const reason = error instanceof SyntaxError ? `it is not JSON (${error.message})` : error instanceof Error ? error.message : String(error);
      setImported(null);
      onError(`${file.name} could not be loaded: ${reason}`);
    }
  };

  const share = () => {
    const url = `${window.location.origin}${window.location.pathname}${settingsToFragment(settings)}`;
    window.history.replaceState(null, '', url);
    setLink(url);
  };

  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">5. Export</h2>
      <p>
        Download the operating point shown — threshold {formatThreshold(settings.threshold)}, its confusion matrix, metrics and costs — as JSON for a serving system, or as a report
        (one HTML page that prints) for a clinician or a review board.
      </p>
      <div className="row">
        <button type="button" className="primary" data-testid="export-button" disabled={!canExport || floorProblem !== undefined} onClick={() => onExport(chosenFloors())}>
          Export operating-point.json
        </button>
        <button type="button" data-testid="report-button" disabled={!canExport || floorProblem !== undefined} onClick={() => onReport(chosenFloors())}>
          Download the report (cutoff-report.html)
        </button>
        <button type="button" data-testid="predictions-export-button" disabled={!canExport} onClick={onExportPredictions}>
          Export predictions.csv
        </button>
        <label className="button">
          Load an operating point…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" data-testid="share-button" onClick={share}>
          Link to these settings
        </button>
      </div>
      {trainedOnThisFile && (
        <p className="note warning" role="status" data-testid="own-training-rows">
          The imported model was trained on this file (same SHA-256): the rows it scored include its own training rows, so these metrics are optimistic. The export records it
          (scoredOwnTrainingRows).
        </p>
      )}
      <fieldset className="guardrails">
        <legend>
          Guardrails for <code>cutoff check</code> in CI (blank = default)
        </legend>
        {FLOORS.map(({ key, label, testId, placeholder, max }) => (
          <label key={key}>
            {label}
            <input
              type="number"
              min={0}
              max={max}
              step="any"
              data-testid={testId}
              placeholder={placeholder}
              value={floors[key]}
              onChange={(e) => setFloors((f) => ({ ...f, [key]: e.target.value }))}
            />
          </label>
        ))}
        <p className="note" data-testid="guardrail-basis">
          Blank recall and precision are compared with this export&apos;s figures by a two-sample test: a healthy new sample fails about 1 run in 100 (<code>--alpha</code> sets the
          rate). A number typed here is an absolute floor.
        </p>
        {floorProblem && (
          <span className="field-error" role="alert" data-testid="guardrail-error">
            {floorProblem}
          </span>
        )}
      </fieldset>
      {imported && (
        <p className="note" role="status" data-testid="import-note">
          {imported}
        </p>
      )}
      {link && (
        <label>
          This link restores the settings (no data in it):
          <input readOnly data-testid="share-link" value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </section>
  );
}
