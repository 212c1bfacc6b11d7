import { useState } from 'react';
import { mcnemarTests, type McNemarTests } from '../../src/metrics/mcnemar';
import { describeMcnemar } from '../../src/metrics/paired-words';
import { useBackgroundThreshold } from '../cockpit/threshold-store';
import { formatThreshold } from '../common/format';
import type { PairedScores } from '../hooks/usePairedTest';

interface McNemarCheckProps {
  paired: PairedScores;
  names: { a: string; b: string };
}

/**
 * McNemar's exact tests of the two models' decisions at chosen cutoffs: A's is the threshold
 * shown, B's is typed (the same by default). Run on a click, not on every drag: one pass over
 * the cases (a few milliseconds at a million), the same function `cutoff compare` calls.
 */
export function McNemarCheck({ paired, names }: McNemarCheckProps) {
  const threshold = useBackgroundThreshold();
  const [textB, setTextB] = useState('');
  const [result, setResult] = useState<{ tests: McNemarTests } | { error: string } | null>(null);
  const run = () => {
    const thresholdB = textB.trim() === '' ? threshold : Number(textB);
    if (!(thresholdB >= 0 && thresholdB <= 1)) return setResult({ error: `B's cutoff must be a number from 0 to 1, not "${textB}".` });
    try {
      setResult({ tests: mcnemarTests(paired, threshold, thresholdB) });
    } catch (error) {
      setResult({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const tests = result && 'tests' in result ? result.tests : null;
  return (
    <div className="mcnemar">
      <div className="row">
        <label>
          B's cutoff
          <input
            data-testid="compare-threshold-b"
            inputMode="decimal"
            placeholder={`${formatThreshold(threshold)} (A's)`}
            value={textB}
            onChange={(e) => setTextB(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && run()}
          />
        </label>
        <button type="button" data-testid="compare-mcnemar-button" onClick={run}>
          Test the decisions at these cutoffs (McNemar)
        </button>
      </div>
      {result && 'error' in result && (
        <p className="warning" role="alert">
          {result.error}
        </p>
      )}
      {tests && (
        <p
          className="note"
          data-testid="compare-mcnemar"
          data-threshold-a={tests.thresholdA}
          data-threshold-b={tests.thresholdB}
          data-p-recall={tests.positives.p}
          data-p-specificity={tests.negatives.p}
        >
          At A's cutoff {formatThreshold(tests.thresholdA)} and B's {formatThreshold(tests.thresholdB)}: {describeMcnemar(tests.positives, 'recall', names)}{' '}
          {describeMcnemar(tests.negatives, 'specificity', names)}
        </p>
      )}
    </div>
  );
}
