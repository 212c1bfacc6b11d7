import { useCallback, useState, type MutableRefObject } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { DataError, ParseCancelled, type Remedy } from '../../src/data/errors';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../../src/data/read-file';
import { thresholdTableDataset } from '../../src/data/threshold-table';
import type { Settings } from '../../src/session/settings';
import { startingChoices, type PreviousChoices, type StartingChoices } from '../../src/session/starting-choices';

const DEMO_URL = `${import.meta.env.BASE_URL}demo/mammography.csv`;

/**
 * The file the page works on: reading it (or the demo), re-reading it with other options,
 * the column choices a new file starts with, and the message when it cannot be read.
 */
export function useDataInput(
  parse: (file: File, options: ReadOptions, previous: PreviousChoices) => Promise<Dataset>,
  resetTraining: () => void,
  change: (patch: Partial<Settings>) => void,
  settingsRef: MutableRefObject<Settings>,
  /** The choices the parse worker found for the file it read (null: find them here). */
  choicesOf: (dataset: Dataset) => StartingChoices | null,
) {
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The file and how it was read, so a changed delimiter or header, or "skip the ragged rows",
  // can re-read it; not settings, since they belong to this one file.
  const [file, setFile] = useState<File | null>(null);
  const [readOptions, setReadOptions] = useState<ReadOptions>(DEFAULT_READ_OPTIONS);
  const [inputRemedy, setInputRemedy] = useState<Remedy | null>(null);
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
        const previous = settingsRef.current;
        const parsed = await parse(file, options, previous);
        // The worker found the choices (and read a per-threshold count table as the aggregated
        // scores it stands for) next to the file: each reads whole columns. Here only for a
        // dataset it did not send.
        const found = choicesOf(parsed);
        const next = found ? parsed : (thresholdTableDataset(parsed) ?? parsed);
        const choices = found ?? startingChoices(next, previous);
        remember();
        resetTraining();
        setDataset(next);
        change({ ...choices, excludedColumns: previous.excludedColumns.filter((name) => next.columns.some((c) => c.name === name)) });
      } catch (error) {
        if (error instanceof ParseCancelled) return;
        remember();
        setInputError(error instanceof Error ? error.message : String(error));
        setInputRemedy(error instanceof DataError ? error.remedy : null);
      }
    },
    [parse, resetTraining, change, settingsRef, choicesOf],
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

  const reread = useCallback(
    (patch: Partial<ReadOptions>) => {
      if (file) void load(file, { ...readOptions, ...patch });
    },
    [file, readOptions, load],
  );

  return { dataset, file, readOptions, inputError, setInputError, inputRemedy, dismissed, setDismissed, onFile, onDemo, reread };
}
