interface ModelFilesProps {
  canExport: boolean;
  canImport: boolean;
  onExport: () => void;
  onImport: (files: File[]) => void;
}

/** Download the trained model (TensorFlow.js format + preprocessing), or score this file with one. */
export function ModelFiles({ canExport, canImport, onExport, onImport }: ModelFilesProps) {
  return (
    <div className="row model-files">
      <button type="button" data-testid="model-export-button" disabled={!canExport} onClick={onExport}>
        Export model (.zip)
      </button>
      <label className="button" aria-disabled={!canImport}>
        Score this file with a model…
        <input
          type="file"
          className="visually-hidden"
          data-testid="model-import-input"
          accept=".zip,.json,.bin"
          multiple
          disabled={!canImport}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) onImport(files);
          }}
        />
      </label>
    </div>
  );
}
