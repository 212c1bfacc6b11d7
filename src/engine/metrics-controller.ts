/**
 * What the metrics worker does with each request, as plain code behind a port, so unit tests
 * run the worker's real dispatch without a browser: curves (sorted once, with everything drawn
 * from them), bootstrap intervals, threshold stability, the groups' thresholds, and DeLong's
 * paired test of two score sets (the Compare view's). The groups'
 * curves are kept between requests, so switching strategy or moving the threshold re-solves
 * without sorting again.
 */
import { calibratedBuffers, calibrateCurve } from '../metrics/calibration-method';
import { bootstrapAucAp } from '../metrics/bootstrap';
import { prepareCurve, preparedCurveBuffers } from '../metrics/curve-view';
import { delongTest } from '../metrics/delong';
import { groupRoc } from '../metrics/group-roc';
import { groupSolutionOf } from '../decision/decisions';
import { groupInputs, type GroupInput } from '../metrics/group-thresholds';
import { ScoreCurve } from '../metrics/score-curve';
import { evaluatedStability } from '../metrics/threshold-stability';
import type { GroupCurveArrays, MetricsEvent, MetricsRequest } from './protocol';

/** Where the controller's answers go: the worker's postMessage, or a test's recorder. */
export type MetricsPost = (event: MetricsEvent, transfer?: Transferable[]) => void;

// Progress is reported every few percent, not per replicate.
const PROGRESS_STEPS = 20;

/** Group builds kept at once (the group panel's and the slices table's, with room for a change of column). */
const KEPT_BUILDS = 4;

export interface MetricsController {
  handle(request: MetricsRequest): void;
}

export function createMetricsController(post: MetricsPost): MetricsController {
  /**
   * The groups built last, by the key the page gave them: a few, so the group panel's build and
   * the slices table's (two views, one worker) do not push each other out.
   */
  const built = new Map<string, GroupInput[]>();

  const groups = (request: Extract<MetricsRequest, { type: 'groups' }>): void => {
    const { requestId, key, cases, solve } = request;
    if (cases) {
      const columns = cases.missed || cases.alarm ? { missed: cases.missed, alarm: cases.alarm } : null;
      built.delete(key);
      built.set(key, groupInputs(cases, cases.codes, cases.levels, cases.costs, columns));
      // A Map iterates in insertion order: the first key is the oldest build.
      while (built.size > KEPT_BUILDS) built.delete(built.keys().next().value ?? '');
    }
    const inputs = built.get(key);
    if (!inputs) {
      post({ type: 'groups-missing', requestId, key });
      return;
    }
    // The export's solver, with the page's settings as the request carries them.
    const solution =
      inputs.length === 0 ? null : groupSolutionOf(inputs, { groupStrategy: solve.strategy, groupThresholds: solve.manual, prevalence: solve.prevalence }, solve.threshold);
    // Copies: the worker keeps its own curves for the next solve.
    const curves: GroupCurveArrays[] | null = request.needCurves
      ? inputs.map((g) => ({
          value: g.value,
          n: g.curve.n,
          thresholds: g.curve.thresholds.slice(),
          cumTp: g.curve.cumTp.slice(),
          cumFp: g.curve.cumFp.slice(),
          roc: groupRoc(g.curve, request.rocPixels.width, request.rocPixels.height),
        }))
      : null;
    const transfer = curves ? curves.flatMap((c) => [c.thresholds.buffer, c.cumTp.buffer, c.cumFp.buffer, c.roc.rocX.buffer, c.roc.rocY.buffer, c.roc.path.buffer]) : [];
    post({ type: 'groups', requestId, key, solution, curves }, transfer);
  };

  const handle = (request: MetricsRequest): void => {
    const { requestId } = request;
    try {
      switch (request.type) {
        case 'curve': {
          const prepared = prepareCurve(ScoreCurve.from(request.scores, request.labels, request.weights ?? undefined));
          post({ type: 'curve', requestId, ...prepared }, preparedCurveBuffers(prepared));
          return;
        }
        case 'stability': {
          const stability = evaluatedStability({ ...request.evaluated, scores: request.scores, labels: request.labels }, request.rules, request.chosen);
          post({ type: 'stability', requestId, stability });
          return;
        }
        case 'groups':
          groups(request);
          return;
        case 'calibration': {
          const { n, thresholds, cumTp, cumFp } = request.curve;
          const calibrated = calibrateCurve(new ScoreCurve(n, thresholds, cumTp, cumFp), request.method);
          post({ type: 'calibration', requestId, calibrated }, calibratedBuffers(calibrated));
          return;
        }
        case 'paired': {
          const test = delongTest({ scoresA: request.scores, scoresB: request.scoresB, labels: request.labels, weights: request.weights });
          post({ type: 'paired', requestId, test });
          return;
        }
        case 'bootstrap': {
          const every = Math.max(1, Math.floor(request.replicates / PROGRESS_STEPS));
          const result = bootstrapAucAp(request.scores, request.labels, request.weights ?? undefined, {
            replicates: request.replicates,
            seed: request.seed,
            onProgress: (done, total) => done % every === 0 && post({ type: 'bootstrap-progress', requestId, done, total }),
          });
          post({
            type: 'bootstrap',
            requestId,
            replicates: result.replicates,
            confidence: result.confidence,
            rocAuc: { low: result.rocAuc.low, high: result.rocAuc.high },
            averagePrecision: { low: result.averagePrecision.low, high: result.averagePrecision.high },
          });
          return;
        }
      }
    } catch (error) {
      post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
    }
  };
  return { handle };
}
