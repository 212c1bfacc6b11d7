import { scaleLinear, line } from 'd3';
import { memo, useMemo } from 'react';
import type { ThresholdSweep } from '../../src/metrics/threshold-sweep';
import { THRESHOLD_PLOT_H, THRESHOLD_X, ThresholdChart, type ThresholdChartProps } from './ThresholdChart';

type Props = Omit<ThresholdChartProps, 'children' | 'testId' | 'handleTestId' | 'title' | 'yLabel' | 'legend'> & { sweep: ThresholdSweep };

const SERIES: { key: keyof Omit<ThresholdSweep, 'thresholds'>; label: string }[] = [
  { key: 'recall', label: 'recall' },
  { key: 'precision', label: 'precision' },
  { key: 'f1', label: 'F1' },
  { key: 'queueRate', label: 'alarm rate' },
  { key: 'expectedCost', label: 'expected cost (scaled)' },
];

/** Precision, recall, F1, alarm rate and expected cost against the threshold. */
export const MetricsChart = memo(function MetricsChart({ sweep, ...chart }: Props) {
  const body = useMemo(() => {
    const maxCost = Math.max(1e-12, ...sweep.expectedCost);
    const x = THRESHOLD_X;
    const height = THRESHOLD_PLOT_H;
    const y = scaleLinear().domain([0, 1]).range([height, 0]);
    return (
      <g>
        {SERIES.map(({ key }) => {
          const values = sweep[key];
          const scale = key === 'expectedCost' ? 1 / maxCost : 1;
          const d = line<number>()
            .x((i) => x(sweep.thresholds[i]))
            .y((i) => y(values[i] * scale))(Array.from(values.keys()));
          return <path key={key} className={`series ${key}`} d={d ?? ''} />;
        })}
        {[0, 0.5, 1].map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`} className="tick">
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
      </g>
    );
  }, [sweep]);
  const legend = (
    <p className="legend">
      {SERIES.map(({ key, label }) => (
        <span key={key} className={`key series-key ${key}`}>
          {label}
        </span>
      ))}
    </p>
  );
  return (
    <ThresholdChart {...chart} testId="metrics-chart" handleTestId="metrics-handle" title="Metrics by threshold" yLabel="value" legend={legend}>
      {body}
    </ThresholdChart>
  );
});
