import { useDeferredValue, useMemo } from 'react';
import { describeDelong } from '../src/metrics/paired-words';
import { comparisonRecord } from '../src/session/report-figures';
import { Cockpit } from './cockpit/Cockpit';
import { placeholderText, StartNote } from './cockpit/StartNote';
import { ThresholdContext } from './cockpit/threshold-store';
import { ErrorBanner } from './common/ErrorBanner';
import { Fold } from './common/Fold';
import { DataPanel } from './data/DataPanel';
import { remedyActions } from './data/remedy-actions';
import { compareCandidates, CompareControls, pairNames } from './decisions/CompareControls';
import { DecisionsPanel } from './decisions/DecisionsPanel';
import { MoreViews } from './decisions/MoreViews';
import { SlicesTable } from './decisions/SlicesTable';
import { ExportPanel } from './export/ExportPanel';
import { useBootstrap } from './hooks/useBootstrap';
import { useComparison } from './hooks/useComparison';
import { usePairedTest } from './hooks/usePairedTest';
import { useDataInput } from './hooks/useDataInput';
import { useRowCosts } from './hooks/useRowCosts';
import { useEvaluation } from './hooks/useEvaluation';
import { useExports } from './hooks/useExports';
import { usePageProblems } from './hooks/usePageProblems';
import { useParser } from './hooks/useParser';
import { useDataSettings, useSettingsStore } from './hooks/useSettingsStore';
import { useStability, useStabilityBand } from './hooks/useStability';
import { useStepFolds } from './hooks/useStepFolds';
import { useThresholdSession } from './hooks/useThresholdSession';
import { useTrainer } from './hooks/useTrainer';
import { useTrainingActions } from './hooks/useTrainingActions';
import { TrainPanel } from './train/TrainPanel';
import { pooledFigures } from './train/FoldTable';

/** The whole page: data in, training, the decision workspace and the export. */
export function App() {
  const { settings, store, change, current, settingsRef, persistence } = useSettingsStore();
  const parser = useParser();
  const trainer = useTrainer();
  const input = useDataInput(parser.parse, trainer.reset, change, settingsRef, parser.choicesOf);
  const { dataset, setInputError } = input;
  const { labels, evaluation, error: evaluationError, remedy: evaluationRemedy, updating } = useEvaluation(parser.requestCases, dataset, settings, trainer.state);
  // An epoch's intervals are superseded by the next epoch's, and resampling would take a core from training.
  const bootstrap = useBootstrap(trainer.state.status === 'training' ? null : evaluation);
  // How far the cost-optimal cutoff moves across folds or resamples (computed in the metrics worker).
  const stability = useStability(trainer.state, settings);
  const stabilityBand = useStabilityBand(stability);
  const compare = useComparison(dataset, evaluation, settings.mode === 'scores' ? settings.compareColumn : null, settings.weightColumn);
  // DeLong's test of the current scores against the compared ones, in the metrics worker.
  const pairedTest = usePairedTest(compare.paired);
  // Row costs (a column per error kind) price every expected cost on the page when chosen.
  const rowCosts = useRowCosts(dataset, evaluation, settings);
  const dataSettings = useDataSettings(settings);
  const { train, sweep, scoreWithModel, exportModel } = useTrainingActions(dataset, labels, settings, current, trainer, setInputError);
  const comparisonForExport = useMemo(() => {
    const c = compare.comparison;
    if (!c) return null;
    const test = pairedTest.status === 'done' ? pairedTest.test : null;
    return comparisonRecord(c.label, c, test, test ? describeDelong(test, pairNames(settings, c)) : null);
  }, [compare.comparison, pairedTest, settings]);
  const { onGroups, exportPoint, exportReport, exportPredictions } = useExports(
    dataset,
    labels,
    evaluation,
    current,
    trainer.state,
    bootstrap.intervals,
    stability,
    setInputError,
    comparisonForExport,
  );
  const costModel = rowCosts?.costModel ?? null;
  const thresholdSession = useThresholdSession(store, settings, dataset, trainer.state, evaluation?.curve ?? null, costModel, persistence);
  const { costs, optimum, choice, describe, onThreshold, snap, stepFrom } = thresholdSession;
  const { costFp, costFn, prevalence } = settings;
  const exportPanel = (
    <ExportPanel
      settings={current()}
      canExport={evaluation !== null}
      onExport={exportPoint}
      dataset={dataset}
      trainedOnThisFile={trainer.state.importedModelInfo !== null && trainer.state.importedModelInfo.trainedOn.sha256 === dataset?.sha256}
      onExportPredictions={exportPredictions}
      onReport={exportReport}
      onChange={change}
      onError={setInputError}
    />
  );

  const messages = { input: input.inputError, inputRemedy: input.inputRemedy, evaluation: evaluationError, evaluationRemedy, compare: compare.error, bootstrap: bootstrap.error };
  const { featureProblem, imbalance, error, remedy } = usePageProblems(dataset, settings, labels, trainer.state, messages);
  const errorActions = remedyActions(remedy, { reread: input.reread, change });

  const { dataFolded, trainFolded, setDataOpen, setTrainOpen } = useStepFolds(evaluation, dataset);
  const trainedLabel = `model of ${trainer.state.epochs.length} epochs`;
  // The second area follows a new score set in a background render, so the cockpit shows first
  // and no single task mounts every view at once.
  const later = useDeferredValue(evaluation);

  return (
    <ThresholdContext.Provider value={store}>
      <main className={`app${evaluation ? ' has-cockpit' : ''}`}>
        <header>
          <h1>Cutoff</h1>
          <p className="tagline">Choose the decision threshold of a classifier when a missed case costs more than a false alarm. Your data stays in this browser.</p>
        </header>
        <ErrorBanner message={error === input.dismissed ? null : error} actions={errorActions} onDismiss={() => input.setDismissed(error)} />
        <div className={`steps${dataFolded && (trainFolded || settings.mode !== 'train') ? ' folded' : ''}`}>
          <Fold name="data" folded={dataFolded} onToggle={() => setDataOpen(dataFolded)}>
            <DataPanel
              dataset={dataset}
              labels={labels}
              settings={dataSettings}
              parse={parser.state}
              readOptions={input.file ? input.readOptions : null}
              onFile={input.onFile}
              onDemo={input.onDemo}
              onCancelParse={parser.cancel}
              onReread={input.reread}
              onChange={change}
            />
          </Fold>
          {settings.mode === 'train' && (
            <Fold name="train" folded={trainFolded} onToggle={() => setTrainOpen(trainFolded)}>
              <TrainPanel
                settings={settings}
                training={trainer.state}
                pooled={evaluation?.evaluatedOn === 'out-of-fold' ? pooledFigures(evaluation) : null}
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
                evaluatedOn={later.evaluatedOn}
                target={settings.target}
                posWeight={settings.mode === 'train' ? trainer.state.posWeight : null}
                onChange={change}
                onIndex={choice.onIndex}
                onThreshold={onThreshold}
                stepFrom={stepFrom}
                snap={snap}
                describe={describe}
                stability={stabilityBand}
              >
                <DecisionsPanel dataset={dataset} evaluation={later} settings={settings} rowCosts={rowCosts} onChange={change} onGroups={onGroups} />
                <section className="card" aria-labelledby="compare-heading">
                  <h2 id="compare-heading">Compare</h2>
                  <CompareControls
                    settings={settings}
                    candidates={compareCandidates(dataset, settings)}
                    comparison={compare.comparison}
                    pinned={compare.pinned}
                    canPin={trainer.state.status === 'done' || trainer.state.status === 'cancelled'}
                    onChange={change}
                    onPin={() => compare.pin(trainedLabel)}
                    onUnpin={compare.unpin}
                    test={pairedTest}
                    testNote={compare.pairedNote}
                    names={pairNames(settings, compare.comparison)}
                    paired={compare.paired}
                  />
                </section>
                {dataset && <SlicesTable dataset={dataset} evaluation={later} settings={settings} onChange={change} />}
                {exportPanel}
              </MoreViews>
            )}
          </>
        ) : (
          <div className="waiting">
            <section className="panel placeholder">
              <p>{placeholderText(dataset, settings)}</p>
            </section>
            {exportPanel}
          </div>
        )}
      </main>
    </ThresholdContext.Provider>
  );
}
