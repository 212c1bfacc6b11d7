import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../src/data/number-cell';

describe('readNumber', () => {
  it('reads the number shapes CSV exports write', () => {
    expect(readNumber('12')).toBe(12);
    expect(readNumber('-0.25')).toBe(-0.25);
    expect(readNumber('+3')).toBe(3);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('5.')).toBe(5);
    expect(readNumber('1e-3')).toBe(0.001);
    expect(readNumber('2.5E+2')).toBe(250);
    expect(readNumber(' 7 ')).toBe(7);
    expect(readNumber('0012')).toBe(12);
    expect(readNumber('12345678901234567890')).toBe(Number('12345678901234567890'));
  });

  it('keeps text, hex and blanks out', () => {
    for (const cell of ['', ' ', 'abc', '0x1f', '0b101', '0o17', '1.2.3', '1,5', '.', '-', '5-', '1 000', 'NaN', '1_000']) {
      expect(readNumber(cell), cell).toBeNaN();
    }
  });

  it('reads infinities as infinite, in any spelling', () => {
    expect(readNumber('Infinity')).toBe(Infinity);
    expect(readNumber('-inf')).toBe(-Infinity);
    expect(readNumber('+INF')).toBe(Infinity);
    expect(readNumber('1e999')).toBe(Infinity);
  });

  it('reads a decimal comma only when asked', () => {
    expect(readNumber('1,5', true)).toBe(1.5);
    expect(readNumber('-0,25', true)).toBe(-0.25);
    expect(readNumber('3', true)).toBe(3);
    expect(readNumber('1,234,5', true)).toBeNaN();
    expect(readNumber('1,5')).toBeNaN();
  });

  it('gives exactly the double Number() gives', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 17 }), (x, digits) => {
        const cells = [String(x), x.toFixed(Math.min(digits, 15)), x.toPrecision(Math.max(1, digits))];
        for (const cell of cells) {
          const expected = Number(cell);
          expect(Object.is(readNumber(cell), expected) || (Number.isNaN(expected) && Number.isNaN(readNumber(cell)))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same double on long decimals, whose digits straddle 2^53', () => {
    const digitText = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 24 }).map((d) => d.join(''));
    fc.assert(
      fc.property(fc.boolean(), digitText, fc.option(digitText), fc.double({ min: 0, max: 1, noNaN: true }), (negative, whole, fraction, x) => {
        const cells = [`${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`, String(x), `0.${String(x).replace(/^0\.|e.*$/g, '')}`];
        for (const cell of cells) expect(Object.is(readNumber(cell), Number(cell)), cell).toBe(true);
      }),
      { numRuns: 20000 },
    );
    for (const cell of ['9007199254740991', '9007199254740992', '9007199254740993', '0.9007199254740993', '0.0000000000000000000001', '0.00000000000000000000001', '-0.0'])
      expect(Object.is(readNumber(cell), Number(cell)), cell).toBe(true);
  });
});
