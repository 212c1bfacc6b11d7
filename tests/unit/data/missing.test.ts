import { describe, expect, it } from 'vitest';
import { isMissingToken } from '../../../src/data/missing';

describe('isMissingToken', () => {
  it('knows the tokens of Excel, R, pandas, SQL and Weka, in any case and padding', () => {
    for (const cell of ['', '  ', 'NA', 'n/a', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-', ' NA ']) {
      expect(isMissingToken(cell), JSON.stringify(cell)).toBe(true);
    }
  });

  it("knows SAS's missing number `.` and its special missing values .A–.Z and ._", () => {
    for (const cell of ['.', ' . ', '.A', '.z', '._']) expect(isMissingToken(cell), cell).toBe(true);
    for (const cell of ['..', '.AB', '.5', 'a.']) expect(isMissingToken(cell), cell).toBe(false);
  });

  it('treats values as values', () => {
    for (const cell of ['0', 'no', 'nanny', 'nullable', '--', 'a?', 'N/A!', '  value  ']) {
      expect(isMissingToken(cell), cell).toBe(false);
    }
  });
});
