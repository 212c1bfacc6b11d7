import { describe, expect, it } from 'vitest';
import { isMissingToken } from '../../../src/data/missing';

describe('isMissingToken', () => {
  it('knows the tokens of Excel, R, pandas, SQL and Weka, in any case and padding', () => {
    for (const cell of ['', '  ', 'NA', 'n/a', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?', '-', ' NA ']) {
      expect(isMissingToken(cell), JSON.stringify(cell)).toBe(true);
    }
  });

  it('treats values as values', () => {
    for (const cell of ['0', 'no', 'nanny', 'nullable', '--', 'a?', 'N/A!', '  value  ']) {
      expect(isMissingToken(cell), cell).toBe(false);
    }
  });
});
