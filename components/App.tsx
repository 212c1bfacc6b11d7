import { useCallback, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../src/data/dataset';
import { featureMatrix } from '../src/data/features';
import { explainNoLabel, keptChoices, suggestLabel } from '../src/data/label';
import { suggestScoreColumn } from '../src/data/scores';
import { DEFAULT_TRAIN_OPTIONS } from '../src/protocol';
import type { Settings } from '../src/settings';
import { DataPanel } from './DataPanel';
import { ErrorBanner } from './ErrorBanner';
import { ExplorePanel } from './ExplorePanel';
import { ExportPanel } from './ExportPanel';
import { TrainPanel } from './TrainPanel';
import { downloadOperatingPoint, downloadPredictions } from './download';
import { useEvaluation } from './hooks/useEvaluation';
import { useParser } from './hooks/useParser';
import { usePersistentSettings } from './hooks/usePersistentSettings';
import { useTrainer } from './hooks/useTrainer';

const DEMO_URL = `${import.meta.env.BASE_URL}demo/mammography.csv`;

/** The whole page: data in, training, the decision workspace and the export. */
export function App() {
  const [settings, change] = usePersistentSettings();
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const parser = useParser();
  const trainer = useTrainer();
  const { labels, evaluation, error: evaluationError } = useEvaluation(dataset, settings, trainer.state);

  const load = useCallback(
    async (file: File) => {
      setInputError(null);
      try {
        const next = await parser.parse(file);
        const kept = keptChoices(next, settingsRef.current);
        const label = kept.label ?? suggestLabel(next);
        const score = kept.scoreColumn ?? suggestScoreColumn(next, label?.column ?? null);
        trainer.reset();
        setDataset(next);
        change({
          labelColumn: label?.column ?? null,
          positiveValue: label?.positive ?? null,
          mode: score === null ? 'train' : 'scores',
          scoreColumn: score,
          weightColumn: kept.weightColumn,
        });
        if (!label) {
          setInputError(explainNoLabel(next));
        }
      } catch (error) {
        setInputError(error instanceof Error ? error.message : String(error));
      }
    },
    [parser, trainer, change],
  );

  const loadDemo = useCallback(async () => {
    try {
      const response = await fetch(DEMO_URL);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      await load(new File([await response.blob()], 'mammography.csv', { type: 'text/csv' }));
    } catch (error) {
      setInputError(`The demo data could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [load]);

  const imbalance = useMemo(() => {
    if (!labels) return null;
    return (labels.labels.length - labels.positives) / labels.positives;
  }, [labels]);

  const train = useCallback(() => {
    if (!dataset || !labels || settings.labelColumn === null) return;
    try {
      const matrix = featureMatrix(dataset, labels.rows, settings.labelColumn);
      trainer.start(matrix.values, matrix.names.length, labels.labels.slice(), {
        ...DEFAULT_TRAIN_OPTIONS,
        epochs: settings.epochs,
        posWeight: settings.posWeight,
        seed: settings.seed,
      });
      setFeatureNote(matrix.droppedColumns.length > 0 ? `Not used for training (not numeric): ${matrix.droppedColumns.join(', ')}.` : null);
      setTrainedFeatures(matrix.names);
    } catch (error) {
      setInputError(error instanceof Error ? error.message : String(error));
    }
  }, [dataset, labels, settings, trainer]);
  const [featureNote, setFeatureNote] = useState<string | null>(null);
  const [trainedFeatures, setTrainedFeatures] = useState<string[]>([]);

  const exportPoint = useCallback(() => {
    if (!dataset || !labels || !evaluation) return;
    try {
      downloadOperatingPoint({ dataset, labels, settings, evaluation, training: trainer.state, features: trainedFeatures });
    } catch (error) {
      setInputError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [dataset, labels, settings, evaluation, trainer.state, trainedFeatures]);

  const exportPanel = (
    <ExportPanel settings={settings} canExport={evaluation !== null} onExport={exportPoint}
      onExportPredictions={() => dataset && evaluation && downloadPredictions(dataset, evaluation, settings)}
      onChange={change}
      onError={setInputError}
    />
  );

  const trainingError = trainer.state.status === 'error' ? trainer.state.message : null;
  const error = inputError ?? evaluationError ?? trainingError;

  return (
    <div className="app">
      <header>
        <h1>Cutoff</h1>
        <p className="tagline">Choose the decision threshold of a classifier when a missed case costs more than a false alarm. Your data stays in this browser.</p>
      </header>
      <ErrorBanner message={error === dismissed ? null : error} onDismiss={() => setDismissed(error)} />
      <main>
        <div className="side-by-side">
          <DataPanel
            dataset={dataset}
            labels={labels}
            settings={settings}
            parse={parser.state}
            onFile={(file) => void load(file)}
            onDemo={() => void loadDemo()}
            onChange={change}
          />
          {settings.mode === 'train' && (
            <TrainPanel
              settings={settings}
              training={trainer.state}
              imbalance={imbalance}
              canTrain={labels !== null}
              onChange={change}
              onTrain={train}
              onCancel={trainer.cancel}
            />
          )}
        </div>
        {featureNote && settings.mode === 'train' && <p className="note">{featureNote}</p>}
        {evaluation ? (
          <ExplorePanel
            curve={evaluation.curve}
            evaluatedOn={evaluation.evaluatedOn}
            posWeight={settings.mode === 'train' ? trainer.state.posWeight : null}
            settings={settings}
            onChange={change}
            exportPanel={exportPanel}
          />
        ) : (
          <section className="panel placeholder">
            <p>{placeholderText(dataset, settings)}</p>
          </section>
        )}
        {!evaluation && exportPanel}
      </main>
    </div>
  );
}

function placeholderText(dataset: Dataset | null, settings: Settings): string {
  if (!dataset) return 'Load the demo or drop a CSV to start.';
  if (settings.labelColumn === null) return 'Choose the label column and its positive value.';
  if (settings.mode === 'scores') return 'Choose the score column.';
  return 'Press Train: the curves appear after the first epoch, computed on the held-out validation split.';
}
