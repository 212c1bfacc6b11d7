/**
 * The worker-thread entry of the parallel CSV reader, built beside the command as
 * dist-cli/csv-range-worker.mjs (vite.cli.config.ts): runs each job it is sent and posts the
 * result back, its typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type RangeJob } from './csv-range-job';

const port = parentPort;
if (port) {
  port.on('message', ({ id, job }: { id: number; job: RangeJob }) => {
    try {
      const { result, transfer } = runJob(job);
      port.postMessage({ id, result }, transfer);
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
