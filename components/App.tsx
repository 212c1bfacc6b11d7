import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../src/data/dataset';
import { featureColumns } from '../src/data/features';
import { DataError, ParseCancelled, type Remedy } from '../src/data/errors';
import { explainFeatureProblem } from '../src/data/feature-checks';
import { explainLabelChoice, keptChoices } from '../src/data/label';
import { suggestLabel } from '../src/data/label-suggestion';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../src/data/read-file';
import { suggestCountColumn, suggestScoreColumn } from '../src/data/scores';
import type { TrainingData } from '../src/engine/protocol';
import { dataSettingsOf, trainOptionsOf, type DataSettings, type Settings } from '../src/session/settings';
import { DataPanel } from './data/DataPanel';
import { ErrorBanner } from './common/ErrorBanner';
import { remedyActions } from './data/remedy-actions';
import { Cockpit } from './cockpit/Cockpit';
import { MoreViews } from './decisions/MoreViews';
import { Fold } from './common/Fold';
import { createThresholdStore, ThresholdContext, useThreshold } from './cockpit/threshold-store';
import { useThresholdChoice, type ThresholdOrigin } from './hooks/useThresholdChoice';
import { niceThresholdAtIndex } from '../src/metrics/nice-threshold';
import { cheapestOperatingPoint } from '../src/metrics/evaluate';
import { metricsFromConfusion } from '../src/metrics';
import { formatThreshold } from './common/format';
import { formatMetric, formatRatio } from './common/format';
import { ExportPanel } from './export/ExportPanel';
import { thresholdTableDataset } from '../src/data/threshold-table';
import type { Guardrails } from '../src/decision/guardrails';
import { TrainPanel } from './train/TrainPanel';
import { downloadModel, downloadOperatingPoint, downloadPredictions } from './export/download';
import { useBootstrap } from './hooks/useBootstrap';
import { useComparison } from './hooks/useComparison';
import { CompareControls } from './decisions/CompareControls';
import { SlicesTable } from './decisions/SlicesTable';
import { DecisionsPanel } from './decisions/DecisionsPanel';
import { useRowCosts } from './hooks/useDecisions';
import { useEvaluation } from './hooks/useEvaluation';
import { useParser } from './hooks/useParser';
import { usePersistentSettings } from './hooks/usePersistentSettings';
import { useTrainer } from './hooks/useTrainer';
import { useStability } from './hooks/useStability';
import { describeStability } from '../src/metrics/threshold-stability';

const DEMO_URL = `${import.meta.env.BASE_URL}demo/mammography.csv`;

declare const __APP_VERSION__: string;

/** The whole page: data in, training, the decision workspace and the export. */
export function App() {
  const { settings, change: changeSettings, changeNow: changeSettingsNow, fromLink: restoredFromLink } = usePersistentSettings();
  const [store] = useState(() => createThresholdStore(settings.threshold));
  // The threshold goes to its store, never through App's state: a drag re-renders only what follows it.
  const change = useCallback(
    (patch: Partial<Settings>) => {
      const { threshold, ...rest } = patch;
      if (threshold !== undefined) store.set(threshold);
      if (Object.keys(rest).length > 0) changeSettings(rest);
    },
    [store, changeSettings],
  );
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
  const { labels, evaluation, error: evaluationError, remedy: evaluationRemedy, updating } = useEvaluation(dataset, settings, trainer.state);
  const bootstrap = useBootstrap(evaluation);
  // How far the cost-optimal cutoff moves across folds or resamples (computed in the metrics worker).
  const stability = useStability(trainer.state, settings);
  const stabilityBand = useMemo(() => {
    const cost = stability?.thresholds.find((t) => t.rule === 'cost-optimal');
    return stability && cost && Number.isFinite(cost.spread.low) ? { low: cost.spread.low, high: cost.spread.high, label: describeStability(stability) } : null;
  }, [stability]);
  const compare = useComparison(dataset, evaluation, settings.mode === 'scores' ? settings.compareColumn : null, settings.weightColumn);
  // Row costs (a column per error kind) price every expected cost on the page when chosen.
  const rowCosts = useRowCosts(dataset, evaluation, settings);

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
        const parsed = await parse(file, options);
        // A per-threshold count table (BigQuery ML, TFMA, scikit-learn, Spark) is read as the aggregated scores it stands for.
        const next = thresholdTableDataset(parsed) ?? parsed;
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
  // Keyed on the values of DATA_SETTING_KEYS, so the memo changes only when one of them does.
  const dataKey = JSON.stringify(dataSettingsOf(settings));
  const dataSettings = useMemo((): DataSettings => JSON.parse(dataKey) as DataSettings, [dataKey]);

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
    () => (dataset && settings.mode === 'train' && settings.labelColumn !== null ? explainFeatureProblem(dataset, settings.labelColumn, settings.excludedColumns) : null),
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
  const trainingData = useCallback(
    (withExcluded = false): TrainingData | null => {
      if (!dataset || !labels || settings.labelColumn === null) return null;
      try {
        const excluded = withExcluded ? [] : settings.excludedColumns;
        return { columns: featureColumns(dataset, settings.labelColumn, excluded), rows: labels.rows, labels: labels.labels };
      } catch (error) {
        setInputError(error instanceof Error ? error.message : String(error));
        return null;
      }
    },
    [dataset, labels, settings.labelColumn, settings.excludedColumns],
  );

  const train = useCallback(() => {
    const data = trainingData();
    if (data) trainer.start(data, trainOptionsOf({ ...settings, threshold: store.get() }));
  }, [trainingData, settings, trainer, store]);

  const sweep = useCallback(() => {
    const data = trainingData();
    if (data) trainer.sweep(data, trainOptionsOf({ ...settings, threshold: store.get() }));
  }, [trainingData, settings, trainer, store]);

  const scoreWithModel = useCallback(
    (files: File[]) => {
      const data = trainingData(true);
      if (data) trainer.score(files, data, trainOptionsOf({ ...settings, threshold: store.get() }));
    },
    [trainingData, settings, trainer, store],
  );

  const exportModel = useCallback(async () => {
    if (!dataset) return;
    try {
      const { zip, fileName } = await trainer.exportModel({
        fileName: dataset.fileName,
        sha256: dataset.sha256,
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

  const exportPoint = useCallback(
    (guardrails?: Partial<Guardrails>) => {
      if (!dataset || !labels || !evaluation) return;
      try {
        downloadOperatingPoint({
          dataset,
          labels,
          settings: { ...settings, threshold: store.get() },
          evaluation,
          training: trainer.state,
          stability,
          features: trainedFeatures,
          bootstrap: bootstrap.intervals,
          guardrails,
        });
      } catch (error) {
        setInputError(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [dataset, labels, settings, evaluation, trainer.state, trainedFeatures, bootstrap.intervals, store, stability],
  );

  const { costFp, costFn, prevalence } = settings;
  const costs = useMemo(() => ({ costFp, costFn }), [costFp, costFn]);
  // A new set of scores: another file or score column, or another training run.
  const scoreSet =
    settings.mode === 'scores'
      ? `${dataset?.sha256}|${settings.labelColumn}|${settings.positiveValue}|${settings.scoreColumn}|${settings.weightColumn}|${settings.scoreTransform}`
      : trainer.state.options;
  // A scores file's threshold is saved with the file it was chosen on; a trained model's never is
  // (retraining makes new scores).
  const scoresKey = settings.mode === 'scores' && dataset ? (scoreSet as string) : null;
  const [savedFor] = useState(settings.thresholdScoreSet);
  const restored = useMemo(() => ({ fromLink: restoredFromLink, savedFor, key: scoresKey }), [restoredFromLink, savedFor, scoresKey]);
  const saveThreshold = useCallback(
    (threshold: number, now: boolean) => (now ? changeSettingsNow : changeSettings)({ threshold, thresholdScoreSet: scoresKey }),
    [changeSettings, changeSettingsNow, scoresKey],
  );
  const curve = evaluation?.curve ?? null;
  const costModel = rowCosts?.costModel ?? null;
  // Solved once per change of the costs, for the ring on the curves, the snap and the start.
  const optimum = useMemo(() => (curve ? cheapestOperatingPoint(curve, costs, prevalence, costModel) : null), [curve, costs, prevalence, costModel]);
  const choice = useThresholdChoice(store, curve, optimum?.index ?? null, scoreSet, restored, saveThreshold);
  const describe = useCallback(
    (t: number) => {
      if (!curve) return `threshold ${t}`;
      const m = metricsFromConfusion(curve.confusionAt(t), costs);
      return `threshold ${t}: recall ${formatMetric(m.recall)}, precision ${formatMetric(m.precision)}, false positive rate ${formatMetric(m.fpr)}`;
    },
    [curve, costs],
  );
  const onThreshold = useCallback((t: number) => curve && choice.onIndex(curve.indexAt(t)), [curve, choice]);
  const snap = useCallback((t: number) => (curve ? niceThresholdAtIndex(curve.thresholds, curve.indexAt(t)) : t), [curve]);
  const stepFrom = useCallback((t: number, steps: number) => (curve ? niceThresholdAtIndex(curve.thresholds, curve.indexAt(t) + steps) : t), [curve]);

  const exportPanel = (
    <ExportPanel
      settings={{ ...settings, threshold: store.get() }}
      canExport={evaluation !== null}
      onExport={exportPoint}
      dataset={dataset}
      trainedOnThisFile={trainer.state.importedModelInfo !== null && trainer.state.importedModelInfo.trainedOn.sha256 === dataset?.sha256}
      onExportPredictions={() => dataset && evaluation && downloadPredictions(dataset, evaluation, { ...settings, threshold: store.get() })}
      onChange={change}
      onError={setInputError}
    />
  );

  const trainingError = trainer.state.status === 'error' ? trainer.state.message : null;
  const error = inputError ?? labelProblem ?? featureProblem ?? evaluationError ?? compare.error ?? trainingError ?? bootstrap.error;
  const remedy = inputError !== null ? inputRemedy : labelProblem === null && featureProblem === null && evaluationError !== null ? evaluationRemedy : null;
  const errorActions = remedyActions(remedy, { reread, change });

  // Data and Train fold into summary lines once the cockpit has scores to show; a click reopens them.
  const [dataOpen, setDataOpen] = useState<boolean | null>(null);
  const [trainOpen, setTrainOpen] = useState<boolean | null>(null);
  const dataFolded = evaluation !== null && dataOpen !== true;
  const trainFolded = evaluation !== null && trainOpen !== true;
  useEffect(() => {
    // A step the user opened stays open (a retrain does not fold it again); a new file starts afresh.
    setDataOpen(null);
    setTrainOpen(null);
  }, [dataset]);
  const trainedLabel = `model of ${trainer.state.epochs.length} epochs`;
  // The second area follows a new score set in a background render, so the cockpit shows first
  // and no single task mounts every view at once.
  const later = useDeferredValue(evaluation);

  return (
    <ThresholdContext.Provider value={store}>
      <div className={`app${evaluation ? ' has-cockpit' : ''}`}>
        <header>
          <h1>Cutoff</h1>
          <p className="tagline">Choose the decision threshold of a classifier when a missed case costs more than a false alarm. Your data stays in this browser.</p>
        </header>
        <ErrorBanner message={error === dismissed ? null : error} actions={errorActions} onDismiss={() => setDismissed(error)} />
        <div className={`steps${dataFolded && (trainFolded || settings.mode !== 'train') ? ' folded' : ''}`}>
          <Fold name="data" folded={dataFolded} onToggle={() => setDataOpen(dataFolded)}>
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
          </Fold>
          {settings.mode === 'train' && (
            <Fold name="train" folded={trainFolded} onToggle={() => setTrainOpen(trainFolded)}>
              <TrainPanel
                settings={settings}
                training={trainer.state}
                stability={stability}
                imbalance={imbalance}
                labelledRows={labels?.rows.length ?? null}
                canTrain={labels !== null && featureProblem === null}
                onChange={change}
                onTrain={train}
                onSweep={sweep}
                onCancel={trainer.cancel}
                onExportModel={() => void exportModel()}
                onImportModel={scoreWithModel}
              />
            </Fold>
          )}
        </div>
        {evaluation ? (
          <>
            <Cockpit
              curve={evaluation.curve}
              view={evaluation.view}
              evaluatedOn={evaluation.evaluatedOn === 'validation' ? 'validation split' : evaluation.evaluatedOn}
              costFp={costFp}
              costFn={costFn}
              prevalence={prevalence}
              costModel={costModel}
              optimum={optimum ?? { index: 0 }}
              onChange={change}
              onIndex={choice.onIndex}
              describe={describe}
              bootstrap={bootstrap}
              comparison={compare.comparison}
              updating={updating}
              startNote={
                <>
                  <StartNote origin={choice.origin} costs={costs} prevalence={prevalence} />
                  {stabilityBand && (
                    <span className="stability-note" data-testid="stability-note">
                      {' '}
                      ({stabilityBand.label}; shaded on the threshold axes below)
                    </span>
                  )}
                </>
              }
            />
            {later && (
              <MoreViews
                curve={later.curve}
                view={later.view}
                costFp={costFp}
                costFn={costFn}
                prevalence={prevalence}
                band={settings.band}
                bandCuts={settings.bandCuts}
                posWeight={settings.mode === 'train' ? trainer.state.posWeight : null}
                onChange={change}
                onIndex={choice.onIndex}
                onThreshold={onThreshold}
                stepFrom={stepFrom}
                snap={snap}
                describe={describe}
                stability={stabilityBand}
              >
                <DecisionsPanel dataset={dataset} evaluation={later} settings={settings} rowCosts={rowCosts} onChange={change} onIndex={choice.onIndex} />
                <section className="card" aria-labelledby="compare-heading">
                  <h2 id="compare-heading">Compare</h2>
                  <CompareControls
                    settings={settings}
                    candidates={
                      dataset?.columns
                        .filter((c) => c.kind === 'numeric' && ![settings.labelColumn, settings.scoreColumn, settings.weightColumn].includes(c.name))
                        .map((c) => c.name) ?? []
                    }
                    comparison={compare.comparison}
                    pinned={compare.pinned}
                    canPin={trainer.state.status === 'done' || trainer.state.status === 'cancelled'}
                    onChange={change}
                    onPin={() => compare.pin(trainedLabel)}
                    onUnpin={compare.unpin}
                  />
                </section>
                {dataset && <SlicesTable dataset={dataset} evaluation={later} settings={settings} onChange={change} />}
                {exportPanel}
              </MoreViews>
            )}
          </>
        ) : (
          <main className="waiting">
            <section className="panel placeholder">
              <p>{placeholderText(dataset, settings)}</p>
            </section>
            {exportPanel}
          </main>
        )}
      </div>
    </ThresholdContext.Provider>
  );
}

/** One line on where the threshold came from; it follows the threshold store. */
function StartNote({ origin, costs, prevalence }: { origin: () => ThresholdOrigin; costs: { costFp: number; costFn: number }; prevalence: number | null }) {
  const threshold = useThreshold();
  const ratio = costs.costFp > 0 ? costs.costFn / costs.costFp : Infinity;
  const at = prevalence !== null ? ` at ${prevalence} prevalence` : '';
  switch (origin()) {
    case 'cheapest':
      return (
        <>
          Starts at the cheapest cutoff, {formatThreshold(threshold)}, when a miss costs {formatRatio(ratio)}× a false alarm{at}; it follows the costs until you move it.
        </>
      );
    case 'restored':
      return <>Threshold {formatThreshold(threshold)} kept as restored (from the link, or as you left it for this file).</>;
    default:
      return <>Your threshold, {formatThreshold(threshold)}. ◯ marks the cheapest one for these costs.</>;
  }
}

function placeholderText(dataset: Dataset | null, settings: Settings): string {
  if (!dataset) return 'Load the demo or drop a CSV to start.';
  if (settings.labelColumn === null) return 'Choose the label column and its positive value.';
  if (settings.mode === 'scores') return 'Choose the score column.';
  return 'Press Train: the curves appear after the first epoch, computed on the held-out validation split.';
}
