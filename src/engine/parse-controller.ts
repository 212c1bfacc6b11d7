/**
 * The parse worker's dispatch: reads a dropped file with the one reader (src/data) off the main
 * thread, reports progress, honours a cancel between chunks and sends back the typed Dataset
 * with its buffers transferred, with the column choices it starts with. The worker keeps the
 * file it read last, so the label vector and the evaluated cases of each choice are built here
 * too (src/session/evaluated-cases): passes over every row that would block the page for
 * 100 ms and more at 10,000,000 rows. workers/parse.worker.ts only wires it to the messages.
 */
import type { Dataset } from '../data/dataset';
import { DataError, ParseCancelled } from '../data/errors';
import { labelSuggestion } from '../data/label-suggestion';
import { readDataFile } from '../data/read-file';
import { thresholdTableDataset } from '../data/threshold-table';
import { copyDataset, datasetTransferables } from '../data/transfer';
import { labelledCases } from '../session/evaluated-cases';
import { NO_PREVIOUS_CHOICES, startingChoices } from '../session/starting-choices';
import type { ParseEvent, ParseRequest, ScoredCases } from './protocol';

export type ParsePost = (event: ParseEvent, transfer?: Transferable[]) => void;

export function createParseController(post: ParsePost): { handle(request: ParseRequest): Promise<void> } {
  /** The reads in progress, so a cancel message can stop one between chunks. */
  const running = new Map<number, AbortController>();
  /** The file read last, under the id the page names it by in 'cases' requests. */
  let kept: { id: number; dataset: Dataset } | null = null;

  const parse = async (request: Extract<ParseRequest, { type: 'parse' }>): Promise<void> => {
    const { requestId, file, options } = request;
    // A new file replaces the old one: its columns are not held beside the next file's.
    kept = null;
    const controller = new AbortController();
    running.set(requestId, controller);
    try {
      const read = await readDataFile(file, options, {
        signal: controller.signal,
        onProgress: (p) => post({ type: 'progress', requestId, bytesRead: p.bytesRead, totalBytes: file.size, rows: p.rows }),
      });
      // A per-threshold count table (BigQuery ML, TFMA, scikit-learn, Spark) is read as the aggregated scores it stands for.
      const dataset = thresholdTableDataset(read) ?? read;
      const choices = startingChoices(dataset, request.previous ?? NO_PREVIOUS_CHOICES);
      kept = { id: requestId, dataset };
      // The page gets a copy, made here rather than there, and the worker keeps the original.
      const copy = copyDataset(dataset);
      post({ type: 'parsed', requestId, dataset: copy, datasetId: requestId, choices, labelSuggestion: labelSuggestion(dataset) }, datasetTransferables(copy));
    } catch (error) {
      if (error instanceof ParseCancelled) post({ type: 'cancelled', requestId });
      else {
        const remedy = error instanceof DataError ? error.remedy : null;
        post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error), remedy });
      }
    } finally {
      running.delete(requestId);
    }
  };

  const cases = (request: Extract<ParseRequest, { type: 'cases' }>): void => {
    const { requestId } = request;
    if (kept?.id !== request.datasetId) {
      post({ type: 'cases-missing', requestId });
      return;
    }
    const answer = labelledCases(kept.dataset, request.choice);
    const built = answer.cases;
    const copies: ScoredCases[] = built
      ? Array.from({ length: request.copies }, () => ({ scores: built.scores.slice(), labels: built.labels.slice(), weights: built.weights?.slice() ?? null }))
      : [];
    // Scores equal to the page's own score column are not sent (80 MB at 10,000,000 rows).
    const scoresAreColumn = built !== null && built.transform === null && built.rows.length === kept.dataset.rowCount;
    const cases = built && scoresAreColumn ? { ...built, scores: new Float64Array(0) } : built;
    // The cases share the label vector's arrays: each buffer is listed once.
    const arrays = [answer.labels?.rows, answer.labels?.labels, cases?.scores, cases?.weights, ...copies.flatMap((c) => [c.scores, c.labels, c.weights])];
    const buffers = new Set(arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])));
    post({ type: 'cases', requestId, ...answer, cases, copies, scoresAreColumn }, [...buffers]);
  };

  return {
    async handle(request: ParseRequest): Promise<void> {
      if (request.type === 'cancel') running.get(request.requestId)?.abort();
      else if (request.type === 'cases') cases(request);
      else await parse(request);
    },
  };
}
