import { useEffect, useState } from 'react';

/**
 * Data and Train fold into summary lines once the cockpit has scores to show; a click reopens
 * them. A step the user opened stays open (a retrain does not fold it again); a new file starts afresh.
 */
export function useStepFolds(evaluation: object | null, dataset: object | null) {
  const [dataOpen, setDataOpen] = useState<boolean | null>(null);
  const [trainOpen, setTrainOpen] = useState<boolean | null>(null);
  useEffect(() => {
    setDataOpen(null);
    setTrainOpen(null);
  }, [dataset]);
  return { dataFolded: evaluation !== null && dataOpen !== true, trainFolded: evaluation !== null && trainOpen !== true, setDataOpen, setTrainOpen };
}
