import { useCallback, useEffect } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { featureColumns } from '../../src/data/features';
import type { LabelVector } from '../../src/data/label';
import type { TrainingData } from '../../src/engine/protocol';
import { trainOptionsOf, type Settings } from '../../src/session/settings';
import { wallClock } from '../../src/model/run-timings';
import { downloadModel } from '../export/download';
import type { useTrainer } from './useTrainer';

declare const __APP_VERSION__: string;

/** Train, sweep, score with a loaded model, export the model: what the train step's buttons do. */
export function useTrainingActions(
  dataset: Dataset | null,
  labels: LabelVector | null,
  settings: Settings,
  current: () => Settings,
  trainer: ReturnType<typeof useTrainer>,
  setInputError: (message: string | null) => void,
) {
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
    [dataset, labels, settings.labelColumn, settings.excludedColumns, setInputError],
  );

  // The columns cross to the worker while the user looks at the settings, not after the click.
  const { stage } = trainer;
  useEffect(() => {
    if (!dataset || settings.mode !== 'train' || settings.labelColumn === null) return;
    try {
      stage(featureColumns(dataset, settings.labelColumn, settings.excludedColumns));
    } catch {
      // No feature column: the train step says so, and Train stays disabled.
    }
  }, [dataset, settings.mode, settings.labelColumn, settings.excludedColumns, stage]);

  const train = useCallback(() => {
    // Before the columns are gathered: the run's timing line counts the page's part too.
    const clickedAt = wallClock();
    const data = trainingData();
    if (data) trainer.start(data, trainOptionsOf(current()), clickedAt);
  }, [trainingData, current, trainer]);

  const sweep = useCallback(() => {
    const data = trainingData();
    if (data) trainer.sweep(data, trainOptionsOf(current()));
  }, [trainingData, current, trainer]);

  const scoreWithModel = useCallback(
    (files: File[]) => {
      const data = trainingData(true);
      if (data) trainer.score(files, data, trainOptionsOf(current()));
    },
    [trainingData, current, trainer],
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
  }, [dataset, settings.labelColumn, settings.positiveValue, trainer, setInputError]);

  return { train, sweep, scoreWithModel, exportModel };
}
