import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatThousands } from '../../../components/common/format';

describe('formatThousands', () => {
  it('groups thousands with commas and keeps at most the decimals asked for', () => {
    expect(formatThousands(0)).toBe('0');
    expect(formatThousands(999)).toBe('999');
    expect(formatThousands(1000)).toBe('1,000');
    expect(formatThousands(1234567)).toBe('1,234,567');
    expect(formatThousands(-1234567)).toBe('-1,234,567');
    expect(formatThousands(1234.5678, 2)).toBe('1,234.57');
    expect(formatThousands(1234.5, 2)).toBe('1,234.5');
    expect(formatThousands(-0.001, 2)).toBe('0');
    expect(formatThousands(Infinity)).toBe('Infinity');
  });

  it("says what Intl's en-US formatting says, without building a formatter", () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + (whole < 0 ? -cents : cents) / 100;
        expect(formatThousands(value, 2)).toBe(intl.format(value));
      }),
      { numRuns: 500 },
    );
  });
});
