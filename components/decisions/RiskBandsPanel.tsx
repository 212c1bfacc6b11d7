import { useEffect, useState } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { bandNamesFor, parseCutPoints, riskBands } from '../../src/metrics/risk-bands';
import type { Settings } from '../../src/session/settings';
import { formatThreshold } from '../common/format';
import { formatCount, formatMetric } from '../common/format';

interface RiskBandsPanelProps {
  curve: ScoreCurve;
  settings: Pick<Settings, 'bandCuts' | 'bandNames'>;
  onChange: (patch: Partial<Settings>) => void;
}

/** k ordered cut points → k + 1 named risk bands, each with its cases, positives, precision and share. */
export function RiskBandsPanel({ curve, settings, onChange }: RiskBandsPanelProps) {
  const { bandCuts, bandNames } = settings;
  const [text, setText] = useState(bandCuts.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  // Cut points changed elsewhere (an import, a drag on the histogram) show in the field.
  useEffect(() => {
    setText((current) => {
      try {
        const typed = parseCutPoints(current);
        return typed.length === bandCuts.length && typed.every((c, i) => c === bandCuts[i]) ? current : bandCuts.join(', ');
      } catch {
        return current;
      }
    });
  }, [bandCuts]);
  const edit = (next: string) => {
    setText(next);
    try {
      const cuts = parseCutPoints(next);
      setProblem(null);
      onChange({ bandCuts: cuts });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const names = bandNamesFor(bandCuts, bandNames);
  const bands = bandCuts.length > 0 ? riskBands(curve, bandCuts, names) : [];
  const rename = (i: number, name: string) => {
    const next = names.slice();
    next[i] = name;
    onChange({ bandNames: next });
  };
  return (
    <section className="panel risk-bands" aria-labelledby="risk-bands-heading">
      <h2 id="risk-bands-heading">Risk bands</h2>
      <label>
        Cut points (ordered, between 0 and 1)
        <input data-testid="bands-input" placeholder="e.g. 0.2, 0.5, 0.8" value={text} onChange={(e) => edit(e.target.value)} />
      </label>
      {problem && (
        <p className="inline-error" role="alert" data-testid="bands-error">
          {problem}
        </p>
      )}
      {bands.length > 0 && (
        <table className="metrics" data-testid="risk-bands-table">
          <thead>
            <tr>
              <th scope="col">band</th>
              <th scope="col">scores</th>
              <th scope="col" className="num">
                cases
              </th>
              <th scope="col" className="num">
                positives
              </th>
              <th scope="col" className="num">
                precision
              </th>
              <th scope="col" className="num">
                share
              </th>
            </tr>
          </thead>
          <tbody>
            {bands.map((band, i) => (
              <tr key={i} data-testid="risk-band-row" data-band={band.name}>
                <td>
                  <input
                    aria-label={`Name of band ${i + 1}`}
                    data-testid="band-name"
                    data-band-index={i}
                    value={bandNames[i] ?? band.name}
                    onChange={(e) => rename(i, e.target.value)}
                  />
                </td>
                <td>{rangeText(band.lower, band.upper)}</td>
                <td className="num" data-testid="risk-band-count">
                  {formatCount(band.count)}
                </td>
                <td className="num" data-testid="risk-band-positives">
                  {formatCount(band.positives)}
                </td>
                <td className="num" data-testid="risk-band-precision">
                  {formatMetric(band.precision)}
                </td>
                <td className="num" data-testid="risk-band-share">
                  {formatMetric(band.share)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="note">A score on a cut point belongs to the band above it (score ≥ cut), as with the threshold. Two cut points are the review band.</p>
    </section>
  );
}

function rangeText(lower: number, upper: number): string {
  if (lower === -Infinity) return `below ${formatThreshold(upper)}`;
  if (upper === Infinity) return `${formatThreshold(lower)} and above`;
  return `${formatThreshold(lower)} to below ${formatThreshold(upper)}`;
}
