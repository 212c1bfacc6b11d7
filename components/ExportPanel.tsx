import { useState } from 'react';
import { parseOperatingPoint } from '../src/operating-point';
import { settingsToFragment, type Settings } from '../src/settings';
import { formatThreshold } from './CurveChart';

interface ExportPanelProps {
  settings: Settings;
  canExport: boolean;
  onExport: () => void;
  onExportPredictions: () => void;
  onChange: (patch: Partial<Settings>) => void;
  onError: (message: string) => void;
}

/** Export the operating point, load one back, or share the settings as a link (no data in it). */
export function ExportPanel({ settings, canExport, onExport, onExportPredictions, onChange, onError }: ExportPanelProps) {
  const [link, setLink] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  const importFile = async (file: File) => {
    try {
      const point = parseOperatingPoint(JSON.parse(await file.text()));
      onChange({
        threshold: point.threshold,
        costFp: point.costs.falsePositive,
        costFn: point.costs.falseNegative,
        prevalence: point.prevalence.assumed,
      });
      setImported(`Restored threshold ${formatThreshold(point.threshold)} and costs from ${file.name} (made ${point.createdAt}).`);
    } catch (error) {
      const reason = error instanceof SyntaxError ? `it is not JSON (${error.message})` : error instanceof Error ? error.message : String(error);
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
        Download the operating point shown — threshold {formatThreshold(settings.threshold)}, its confusion matrix, metrics and costs — as JSON
        for a serving system or a review document.
      </p>
      <div className="row">
        <button type="button" className="primary" data-testid="export-button" disabled={!canExport} onClick={onExport}>
          Export operating-point.json
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
      {imported && <p className="note" data-testid="import-note">{imported}</p>}
      {link && (
        <label>
          This link restores the settings (no data in it):
          <input readOnly data-testid="share-link" value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </section>
  );
}
