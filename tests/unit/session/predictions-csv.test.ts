import { describe, expect, it } from 'vitest';
import { decide, escapeCsvCell, predictionsCsv } from '../../../src/session/predictions-csv';

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
    const rule = { threshold: 0.5, band: { lower: 0.3, upper: 0.7 } };
    expect(decide(0.7, rule)).toBe('positive');
    expect(decide(0.5, rule)).toBe('review');
    expect(decide(0.3, rule)).toBe('review');
    expect(decide(0.29, rule)).toBe('negative');
    expect(decide(0.5, { threshold: 0.5, band: null })).toBe('positive');
  });

  it('writes one line per row', () => {
    const csv = predictionsCsv({ ids: ['1', '=x'], scores: [0.9, 0.1] }, { threshold: 0.5, band: null });
    expect(csv).toBe("id,score,decision\n1,0.9,positive\n'=x,0.1,negative\n");
  });
});
