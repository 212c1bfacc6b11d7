import { useCallback, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../src/data/dataset';
import { featureColumns } from '../src/data/features';
import { DataError, ParseCancelled, type Remedy } from '../src/data/errors';
import { explainFeatureProblem } from '../src/data/feature-checks';
import { explainLabelChoice, keptChoices, suggestLabel } from '../src/data/label';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../src/data/read-file';
import { suggestCountColumn, suggestScoreColumn } from '../src/data/scores';
import type { TrainingData } from '../src/protocol';
import { trainOptionsOf, type DataSettings, type Settings } from '../src/settings';
import { DataPanel } from './DataPanel';
import { ErrorBanner } from './ErrorBanner';
import { remedyActions } from './remedy-actions';
import { ExplorePanel } from './ExplorePanel';
import { ExportPanel } from './ExportPanel';
import { TrainPanel } from './TrainPanel';
import { downloadModel, downloadOperatingPoint, downloadPredictions } from './download';
import { useBootstrap } from './hooks/useBootstrap';
import { useComparison } from './hooks/useComparison';
import { CompareControls } from './CompareControls';
import { SlicesTable } from './SlicesTable';
import { useEvaluation } from './hooks/useEvaluation';
import { useParser } from './hooks/useParser';
import { usePersistentSettings } from './hooks/usePersistentSettings';
import { useTrainer } from './hooks/useTrainer';

const DEMO_URL = `${import.meta.env.BASE_URL}demo/mammography.csv`;

declare const __APP_VERSION__: string;

/** The whole page: data in, training, the decision workspace and the export. */
export function App() {
  const [settings, change] = usePersistentSettings();
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The file and how it was read, so a changed delimiter or header, or "skip the ragged rows",
  // can re-read it; not settings, since they belong to this one file.
  const [file, setFile] = useState<File | null>(null);
  const [readOptions, setReadOptions] = useState<ReadOptions>(DEFAULT_READ_OPTIONS);
  const [inputRemedy, setInputRemedy] = useState<Remedy | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const parser = useParser();
  const trainer = useTrainer();
  const { parse } = parser;
  const resetTraining = trainer.reset;
  const { labels, evaluation, error: evaluationError, remedy: evaluationRemedy } = useEvaluation(dataset, settings, trainer.state);
  const bootstrap = useBootstrap(evaluation);
  const compare = useComparison(dataset, evaluation, settings.mode === 'scores' ? settings.compareColumn : null, settings.weightColumn);

  const load = useCallback(
    async (file: File, options: ReadOptions = DEFAULT_READ_OPTIONS) => {
      setInputError(null);
      setInputRemedy(null);
      // A new file starts afresh: a message dismissed for the last one may be news for this one.
      setDismissed(null);
      // Remembered once read (or refused), not when cancelled: a re-read must not revive a cancelled file.
      const remember = () => {
        setFile(file);
        setReadOptions(options);
      };
      try {
        const next = await parse(file, options);
        remember();
        const previous = settingsRef.current;
        const kept = keptChoices(next, previous);
        const label = kept.label ?? suggestLabel(next);
        const score = kept.scoreColumn ?? suggestScoreColumn(next, label?.column ?? null);
        // An aggregated score,label,count file: its count column weights the rows.
        const weight = kept.weightColumn ?? (score === null ? null : suggestCountColumn(next, [label?.column ?? null, score]));
        resetTraining();
        setDataset(next);
        change({
          labelColumn: label?.column ?? null,
          positiveValue: label?.positive ?? null,
          mode: score === null ? 'train' : 'scores',
          scoreColumn: score,
          weightColumn: weight,
          scoreTransform: kept.scoreColumn === null ? 'none' : previous.scoreTransform,
          excludedColumns: previous.excludedColumns.filter((name) => next.columns.some((c) => c.name === name)),
        });
      } catch (error) {
        if (error instanceof ParseCancelled) return;
        remember();
        setInputError(error instanceof Error ? error.message : String(error));
        setInputRemedy(error instanceof DataError ? error.remedy : null);
      }
    },
    [parse, resetTraining, change],
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

  // The data panel is memoised on what it shows, so dragging the threshold does not re-render it.
  const onFile = useCallback((chosen: File) => void load(chosen), [load]);
  const onDemo = useCallback(() => void loadDemo(), [loadDemo]);
  const { mode, labelColumn, positiveValue, scoreColumn, weightColumn, scoreTransform, excludedColumns } = settings;
  const dataSettings = useMemo(
    (): DataSettings => ({ mode, labelColumn, positiveValue, scoreColumn, weightColumn, scoreTransform, excludedColumns }),
    [mode, labelColumn, positiveValue, scoreColumn, weightColumn, scoreTransform, excludedColumns],
  );

  const reread = useCallback(
    (patch: Partial<ReadOptions>) => {
      if (file) void load(file, { ...readOptions, ...patch });
    },
    [file, readOptions, load],
  );

  // Problems that follow from the current choices, so they clear as soon as the user fixes them.
  const labelProblem = useMemo(
    () => (dataset ? explainLabelChoice(dataset, settings.labelColumn, settings.positiveValue) : null),
    [dataset, settings.labelColumn, settings.positiveValue],
  );
  const featureProblem = useMemo(
    () =>
      dataset && settings.mode === 'train' && settings.labelColumn !== null
        ? explainFeatureProblem(dataset, settings.labelColumn, settings.excludedColumns)
        : null,
    [dataset, settings.mode, settings.labelColumn, settings.excludedColumns],
  );

  const imbalance = useMemo(() => {
    if (!labels) return null;
    return (labels.labels.length - labels.positives) / labels.positives;
  }, [labels]);

  /**
   * The labelled rows and every column but the label, for the train worker: without the
   * excluded columns for training, with all of them for a loaded model (it names what it needs).
   */
  const trainingData = useCallback((withExcluded = false): TrainingData | null => {
    if (!dataset || !labels || settings.labelColumn === null) return null;
    try {
      const excluded = withExcluded ? [] : settings.excludedColumns;
      return { columns: featureColumns(dataset, settings.labelColumn, excluded), rows: labels.rows, labels: labels.labels };
    } catch (error) {
      setInputError(error instanceof Error ? error.message : String(error));
      return null;
    }
  }, [dataset, labels, settings.labelColumn, settings.excludedColumns]);

  const train = useCallback(() => {
    const data = trainingData();
    if (data) trainer.start(data, trainOptionsOf(settings));
  }, [trainingData, settings, trainer]);

  const sweep = useCallback(() => {
    const data = trainingData();
    if (data) trainer.sweep(data, trainOptionsOf(settings));
  }, [trainingData, settings, trainer]);

  const scoreWithModel = useCallback(
    (files: File[]) => {
      const data = trainingData(true);
      if (data) trainer.score(files, data, trainOptionsOf(settings));
    },
    [trainingData, settings, trainer],
  );

  const exportModel = useCallback(async () => {
    if (!dataset) return;
    try {
      const { zip, fileName } = await trainer.exportModel({
        fileName: dataset.fileName,
        labelColumn: settings.labelColumn ?? '',
        positiveValue: settings.positiveValue ?? '',
        toolVersion: __APP_VERSION__,
      });
      downloadModel(zip, fileName);
    } catch (error) {
      setInputError(`The model export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [dataset, settings.labelColumn, settings.positiveValue, trainer]);
  const trainedFeatures = trainer.state.inputs;

  const exportPoint = useCallback(() => {
    if (!dataset || !labels || !evaluation) return;
    try {
      downloadOperatingPoint({ dataset, labels, settings, evaluation, training: trainer.state, features: trainedFeatures, bootstrap: bootstrap.intervals });
    } catch (error) {
      setInputError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [dataset, labels, settings, evaluation, trainer.state, trainedFeatures, bootstrap.intervals]);

  const exportPanel = (
    <ExportPanel settings={settings} canExport={evaluation !== null} onExport={exportPoint}
      onExportPredictions={() => dataset && evaluation && downloadPredictions(dataset, evaluation, settings)}
      onChange={change}
      onError={setInputError}
    />
  );

  const trainingError = trainer.state.status === 'error' ? trainer.state.message : null;
  const error = inputError ?? labelProblem ?? featureProblem ?? evaluationError ?? compare.error ?? trainingError;
  const remedy = inputError !== null ? inputRemedy : labelProblem === null && featureProblem === null && evaluationError !== null ? evaluationRemedy : null;
  const errorActions = remedyActions(remedy, { reread, change });

  return (
    <div className="app">
      <header>
        <h1>Cutoff</h1>
        <p className="tagline">Choose the decision threshold of a classifier when a missed case costs more than a false alarm. Your data stays in this browser.</p>
      </header>
      <ErrorBanner message={error === dismissed ? null : error} actions={errorActions} onDismiss={() => setDismissed(error)} />
      <main>
        <div className="side-by-side">
          <DataPanel
            dataset={dataset}
            labels={labels}
            settings={dataSettings}
            parse={parser.state}
            readOptions={file ? readOptions : null}
            onFile={onFile}
            onDemo={onDemo}
            onCancelParse={parser.cancel}
            onReread={reread}
            onChange={change}
          />
          {settings.mode === 'train' && (
            <TrainPanel
              settings={settings}
              training={trainer.state}
              imbalance={imbalance}
              canTrain={labels !== null && featureProblem === null}
              onChange={change}
              onTrain={train}
              onSweep={sweep}
              onCancel={trainer.cancel}
              onExportModel={() => void exportModel()}
              onImportModel={scoreWithModel}
            />
          )}
        </div>
        {evaluation ? (
          <ExplorePanel
            curve={evaluation.curve}
            evaluatedOn={evaluation.evaluatedOn}
            posWeight={settings.mode === 'train' ? trainer.state.posWeight : null}
            settings={settings}
            onChange={change}
            bootstrap={bootstrap}
            comparison={compare.comparison}
            compareControls={
              <CompareControls
                settings={settings}
                candidates={dataset?.columns
                  .filter((c) => c.kind === 'numeric' && ![settings.labelColumn, settings.scoreColumn, settings.weightColumn].includes(c.name))
                  .map((c) => c.name) ?? []}
                comparison={compare.comparison}
                pinned={compare.pinned}
                canPin={trainer.state.status === 'done' || trainer.state.status === 'cancelled'}
                onChange={change}
                onPin={() => compare.pin(`model of ${trainer.state.epochs.length} epochs`)}
                onUnpin={compare.unpin}
              />
            }
            exportPanel={exportPanel}
          />
        ) : (
          <section className="panel placeholder">
            <p>{placeholderText(dataset, settings)}</p>
          </section>
        )}
        {!evaluation && exportPanel}
        {evaluation && dataset && <SlicesTable dataset={dataset} evaluation={evaluation} settings={settings} onChange={change} />}
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
