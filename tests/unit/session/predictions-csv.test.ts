import { describe, expect, it } from 'vitest';
import { escapeCsvCell, predictionsCsv } from '../../../src/session/predictions-csv';
import { DecisionRule } from '../../../src/decision/decision-rule';

describe('predictions CSV', () => {
  it('defuses formula injection and quotes as CSV needs', () => {
    expect(escapeCsvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(escapeCsvCell('+1')).toBe("'+1");
    expect(escapeCsvCell('-2+3')).toBe("'-2+3");
    // A plain negative number is a number to a spreadsheet, not a formula: kept as it is.
    expect(escapeCsvCell('-2')).toBe('-2');
    expect(escapeCsvCell('-0.5e-3')).toBe('-0.5e-3');
    expect(escapeCsvCell('\tcmd')).toBe("'\tcmd");
    expect(escapeCsvCell('@cmd')).toBe("'@cmd");
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('patient-7')).toBe('patient-7');
  });

  it('decides with score >= threshold and sends the band to review', () => {
    const rule = new DecisionRule({ threshold: 0.5, band: { lower: 0.3, upper: 0.7 } });
    expect(rule.decide(0.7, null).decision).toBe('positive');
    expect(rule.decide(0.5, null)).toEqual({ decision: 'review', review: true, riskBand: null, threshold: 0.5 });
    expect(rule.decide(0.3, null).decision).toBe('review');
    expect(rule.decide(0.29, null)).toEqual({ decision: 'negative', review: false, riskBand: null, threshold: 0.5 });
    expect(new DecisionRule({ threshold: 0.5, band: null }).decide(0.5, null).decision).toBe('positive');
    expect(rule.columns).toEqual(['decision', 'review']);
  });

  it('writes one line per row under the id column’s own name', () => {
    const rule = new DecisionRule({ threshold: 0.5, band: null });
    expect(predictionsCsv({ idColumn: 'row', ids: ['1', '=x'], scores: [0.9, 0.1] }, rule)).toBe("row,score,decision\n1,0.9,positive\n'=x,0.1,negative\n");
    const banded = new DecisionRule({ threshold: 0.5, band: { lower: 0.4, upper: 0.6 } });
    expect(predictionsCsv({ idColumn: 'patient_id', ids: ['P1', 'P2'], scores: [0.5, 0.7] }, banded)).toBe(
      'patient_id,score,decision,review\nP1,0.5,review,in\nP2,0.7,positive,out\n',
    );
  });
});
