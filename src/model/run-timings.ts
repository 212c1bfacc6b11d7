/**
 * Where a training run's time goes, from the Train click to the page's done state. Both sides
 * of the worker boundary read the same wall clock (performance.timeOrigin + now, in ms), so the
 * request's and the answer's crossings are measured too, not guessed.
 */

/** What the train worker measured of one hold-out run (ms, and wall-clock instants). */
export interface WorkerTimings {
  /** When the worker took the request, and when it posted 'done'. */
  receivedAt: number;
  postedAt: number;
  /** Choosing and switching to the backend (near 0 once the page warmed it). */
  backendMs: number;
  /** The stratified split, and fitting and applying the preprocessing. */
  splitMs: number;
  preprocessMs: number;
  /** The seeded initial network and the loss's row weights, before the first step. */
  setupMs: number;
  /** The epochs' optimizer steps, and the evaluation after each epoch (losses, scores, curve). */
  trainMs: number;
  validationMs: number;
  /** After the last epoch: the model kept, and its scores' curve drawn when no epoch showed them. */
  finishMs: number;
}

/** One run as the page saw it: its click, its request's send, the worker's part, the answer. */
export interface RunTiming {
  clickedAt: number;
  sentAt: number;
  answeredAt: number;
  worker: WorkerTimings;
}

/** Milliseconds on the clock a page and its workers share. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

/** The parts of a run in seconds, in the order they happen; they add up to {@link runSeconds}. */
export function timingParts(t: RunTiming): Record<string, number> {
  const w = t.worker;
  const measured = w.backendMs + w.splitMs + w.preprocessMs + w.setupMs + w.trainMs + w.validationMs + w.finishMs;
  const ms: Record<string, number> = {
    page: t.sentAt - t.clickedAt,
    'to worker': w.receivedAt - t.sentAt,
    backend: w.backendMs,
    split: w.splitMs,
    preprocessing: w.preprocessMs,
    'model setup': w.setupMs,
    epochs: w.trainMs,
    validation: w.validationMs,
    'final curve': w.finishMs,
    'rest in worker': w.postedAt - w.receivedAt - measured,
    'to page': t.answeredAt - w.postedAt,
  };
  // Two threads' clocks can disagree by a fraction of a millisecond: no part is shown below 0.
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.max(0, v) / 1000]));
}

/** Seconds from the click to the answer's arrival in the page. */
export const runSeconds = (t: RunTiming): number => (t.answeredAt - t.clickedAt) / 1000;
