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

/** The parts of a run, in the order they happen (the names the timing line and the bench print). */
export const TIMING_PARTS = ['page', 'to worker', 'backend', 'split', 'preprocessing', 'model setup', 'epochs', 'validation', 'final curve', 'rest in worker', 'to page'] as const;
export type TimingPart = (typeof TIMING_PARTS)[number];

/** The parts of a run in seconds, in the order of {@link TIMING_PARTS}; they add up to {@link runSeconds}. */
export function timingParts(t: RunTiming): Record<TimingPart, number> {
  const w = t.worker;
  const measured = w.backendMs + w.splitMs + w.preprocessMs + w.setupMs + w.trainMs + w.validationMs + w.finishMs;
  const ms: Record<TimingPart, number> = {
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
  const seconds = {} as Record<TimingPart, number>;
  for (const part of TIMING_PARTS) seconds[part] = Math.max(0, ms[part]) / 1000;
  return seconds;
}

/** Seconds from the click to the answer's arrival in the page. */
export const runSeconds = (t: RunTiming): number => (t.answeredAt - t.clickedAt) / 1000;
