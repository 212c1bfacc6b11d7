/**
 * Metrics core: everything threshold-related, computed from scores, labels and weights.
 * Pure TypeScript with no DOM or Node imports, so the same code runs in the page, in a Web
 * Worker and in Node tests.
 */
export * from './errors';
export * from './score-curve';
export * from './curve-summaries';
export * from './threshold-metrics';
export * from './class-weights';
export * from './costs';
export * from './decimate';
export * from './float-bits';
export * from './targets';
export * from './band';
export * from './interval';
export * from './bootstrap';
export * from './reliability';
export * from './platt';
export * from './isotonic';
export * from './decision-curve';
export * from './chart-points';
export * from './nice-threshold';
export * from './histogram';
export * from './threshold-sweep';
