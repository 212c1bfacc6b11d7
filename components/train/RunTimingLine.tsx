import { runSeconds, timingParts, type RunTiming } from '../../src/model/run-timings';

/** Parts shorter than this are left out of the sentence (they stay in data-parts). */
const SHOWN_FROM_S = 0.005;

/** Where the last run's time went, from the Train click to its answer: what a user waits for, in parts. */
export function RunTimingLine({ timing, epochSeconds }: { timing: RunTiming; epochSeconds: number[] }) {
  const epochs = epochSeconds.length;
  const parts = timingParts(timing);
  const seconds = runSeconds(timing);
  const shown = Object.entries(parts)
    .filter(([, s]) => s >= SHOWN_FROM_S)
    .map(([name, s]) => `${name === 'epochs' ? `${epochs} epoch${epochs === 1 ? '' : 's'}` : name} ${s.toFixed(2)} s`);
  return (
    <p
      className="note"
      data-testid="training-time"
      data-seconds={seconds.toFixed(3)}
      data-parts={JSON.stringify(parts)}
      data-epoch-seconds={epochSeconds.map((s) => s.toFixed(3)).join(' ')}
    >
      {seconds.toFixed(2)} s from Train to done: {shown.join(' · ')}.
    </p>
  );
}
