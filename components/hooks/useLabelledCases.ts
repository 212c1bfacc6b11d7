import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { createCasesRunner, type CasesResult, type CasesSource } from '../../src/engine/cases-runner';
import type { CaseChoice, LabelledCases } from '../../src/session/evaluated-cases';

const NOTHING: LabelledCases = { labels: null, cases: null, error: null, remedy: null };

/**
 * The label vector and evaluated cases of the current file and choice, built in the parse
 * worker (src/session/cases-runner). While a new choice is pending on the same file and label,
 * the last label vector stays, so the class counts do not blink.
 */
export function useLabelledCases(source: CasesSource, dataset: Dataset | null, choice: CaseChoice): LabelledCases & { pending: boolean } {
  const [state, setState] = useState<CasesResult | null>(null);
  const runner = useMemo(() => createCasesRunner(source, setState), [source]);
  useEffect(() => () => runner.dispose(), [runner]);
  useEffect(() => runner.run(dataset, choice), [runner, dataset, choice]);
  if (!dataset || !state || state.dataset !== dataset) return { ...NOTHING, pending: dataset !== null };
  if (state.choice === choice) return { ...state.result, pending: false };
  const sameLabel = state.choice.labelColumn === choice.labelColumn && state.choice.positiveValue === choice.positiveValue;
  return { ...NOTHING, labels: sameLabel ? state.result.labels : null, pending: true };
}
