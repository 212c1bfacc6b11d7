import { memo, useEffect } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { useBackgroundThreshold } from '../cockpit/threshold-store';
import { bandAtIndices, proposeBand } from '../../src/metrics/band';
import type { Settings } from '../../src/session/settings';
import { formatCount } from '../common/format';
import { formatPercent } from '../data/DataPanel';

interface BandPanelProps {
  curve: ScoreCurve;
  band: Settings['band'];
  onChange: (patch: Partial<Settings>) => void;
}

export const BandPanel = memo(function BandPanel({ curve, band, onChange }: BandPanelProps) {
  const threshold = useBackgroundThreshold();
  // The band always holds the threshold: moving it past an edge carries the edge along.
  useEffect(() => {
    if (band && (threshold < band.lower || threshold > band.upper)) {
      onChange({ band: { lower: Math.min(band.lower, threshold), upper: Math.max(band.upper, threshold) } });
    }
  }, [band, threshold, onChange]);
  const toggle = (on: boolean) => onChange({ band: on ? proposeBand(curve, threshold) : null });
  const setEdge = (edge: 'lower' | 'upper', value: number) => {
    if (!band || !Number.isFinite(value) || value < 0 || value > 1) return;
    const next = { ...band, [edge]: value };
    if (next.lower <= next.upper) onChange({ band: next });
  };
  const parts = band ? bandAtIndices(curve, curve.indexAt(band.lower), curve.indexAt(band.upper), band.lower, band.upper) : null;
  return (
    <section className="panel band-panel" aria-labelledby="band-heading">
      <h2 id="band-heading">Inconclusive band (human review)</h2>
      <label className="checkbox">
        <input type="checkbox" data-testid="band-toggle" checked={band !== null} onChange={(e) => toggle(e.target.checked)} />
        Send scores between two cut-offs to review instead of deciding
      </label>
      {band && parts && (
        <>
          <div className="fields">
            <label>
              Review from (lower)
              <input type="number" min={0} max={1} step="any" data-testid="band-lower" value={band.lower} onChange={(e) => setEdge('lower', e.target.valueAsNumber)} />
            </label>
            <label>
              up to (upper, excluded)
              <input type="number" min={0} max={1} step="any" data-testid="band-upper" value={band.upper} onChange={(e) => setEdge('upper', e.target.valueAsNumber)} />
            </label>
          </div>
          <div className="band-counts">
            <div>
              flagged (score ≥ {band.upper})<strong data-testid="band-flagged">{formatCount(parts.flagged.tp + parts.flagged.fp)}</strong>
              {formatCount(parts.flagged.fp)} false alarms · {formatPercent(parts.flaggedShare)}
            </div>
            <div>
              to review<strong data-testid="band-review">{formatCount(parts.review.positives + parts.review.negatives)}</strong>
              {formatCount(parts.review.positives)} positives · <span data-testid="band-review-share">{formatPercent(parts.reviewShare)}</span>
            </div>
            <div>
              cleared (score &lt; {band.lower})<strong data-testid="band-cleared">{formatCount(parts.cleared.fn + parts.cleared.tn)}</strong>
              {formatCount(parts.cleared.fn)} missed · {formatPercent(parts.clearedShare)}
            </div>
          </div>
        </>
      )}
    </section>
  );
});
