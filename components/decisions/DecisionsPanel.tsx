import { useEffect } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { costColumnNames, groupColumnNames } from '../../src/decision/decision-inputs';
import type { RowCosts } from '../../src/decision/decisions';
import { naturalFrequencies } from '../../src/metrics/prevalence';
import { rowCostScaleRange } from '../../src/metrics/row-costs';
import type { Settings } from '../../src/session/settings';
import { downloadThresholdsCsv } from '../export/download';
import { GroupPanel } from './GroupPanel';
import type { Evaluation } from '../hooks/useEvaluation';
import { useGroups, type GroupsState } from '../hooks/useGroups';
import { RiskBandsPanel } from './RiskBandsPanel';
import { RowCostControls } from './RowCostControls';
import { useBackgroundThreshold } from '../cockpit/threshold-store';
import { formatThousands } from '../common/format';

interface DecisionsPanelProps {
  dataset: Dataset | null;
  evaluation: Evaluation;
  settings: Settings;
  rowCosts: RowCosts | null;
  onChange: (patch: Partial<Settings>) => void;
  /** Told each new groups state, so the export can use the worker's solution rather than solve again. */
  onGroups?: (state: GroupsState) => void;
}

/** "at 5 % prevalence" for an assumed deployment prevalence; null when as observed. */
export function prevalenceLabel(prevalence: number | null): string | null {
  return prevalence === null ? null : `at ${Number((prevalence * 100).toPrecision(3))} % prevalence`;
}

/**
 * The decisions beyond one threshold: row costs, targets, thresholds per group, named risk
 * bands, natural frequencies at the assumed prevalence and the table of every threshold.
 */
export function DecisionsPanel({ dataset, evaluation, settings, rowCosts, onChange, onGroups }: DecisionsPanelProps) {
  const threshold = useBackgroundThreshold();
  const { curve } = evaluation;
  const exclude = [settings.labelColumn, settings.scoreColumn, settings.weightColumn];
  const groupNames = dataset ? groupColumnNames(dataset, exclude) : [];
  const costNames = dataset ? costColumnNames(dataset, exclude) : [];
  const groupsState = useGroups(dataset, evaluation, settings, rowCosts, threshold);
  const { groups, solution, error } = groupsState;
  useEffect(() => onGroups?.(groupsState), [onGroups, groupsState]);
  const index = curve.indexAt(threshold);
  const confusion = curve.confusionAtIndex(index);
  const costModel = rowCosts?.costModel ?? null;
  const label = prevalenceLabel(settings.prevalence);
  const frequencies = naturalFrequencies(confusion, settings.prevalence);
  const round = (v: number) => formatThousands(Math.round(v));
  return (
    <>
      <div className="card decisions-card">
        <p data-testid="natural-frequencies">
          {label ? `${label.replace(/^at/, 'At')}, of` : 'Of'} every 1,000 cases at this threshold: {round(frequencies.tp)} caught, {round(frequencies.fp)} false alarms,{' '}
          {round(frequencies.fn)} missed, {round(frequencies.tn)} rightly cleared.
          {label && ' Precision, NPV, accuracy and the alarm rate shown are re-weighted to it; recall and FPR do not change.'}
        </p>
        <button type="button" data-testid="thresholds-csv-button" onClick={() => costModel && downloadThresholdsCsv(curve, costModel, settings.prevalence)}>
          Download thresholds.csv (every threshold)
        </button>
        {(rowCosts?.error ?? error) && (
          <p className="warning" role="alert" data-testid="decisions-error">
            {rowCosts?.error ?? error}
          </p>
        )}
      </div>
      <div className="card">
        {costModel && (
          <RowCostControls
            columns={costNames}
            settings={settings}
            confusion={confusion}
            errorCosts={costModel.errorCostsAtIndex(index)}
            scaleRange={costModel.perRow ? rowCostScaleRange(curve, costModel, index) : undefined}
            onChange={onChange}
          />
        )}
      </div>
      <div className="card wide-card">
        <GroupPanel
          columns={groupNames}
          settings={settings}
          groups={groups}
          solution={solution}
          pending={groupsState.pending === true}
          prevalenceLabel={label}
          onChange={onChange}
        />
      </div>
      <div className="card">
        <RiskBandsPanel curve={curve} settings={settings} onChange={onChange} />
      </div>
    </>
  );
}
