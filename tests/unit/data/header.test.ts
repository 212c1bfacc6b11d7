import { describe, expect, it } from 'vitest';
import { detectHeader, generatedNames, uniqueNames } from '../../../src/data/header';

describe('header detection and names', () => {
  it('sees a header above numeric columns and none above data', () => {
    expect(
      detectHeader([
        ['age', 'label'],
        ['30', 'yes'],
        ['41', 'no'],
      ]),
    ).toBe(true);
    expect(
      detectHeader([
        ['30', 'yes'],
        ['41', 'no'],
      ]),
    ).toBe(false);
    expect(
      detectHeader([
        ['yes', 'a'],
        ['no', 'b'],
        ['yes', 'c'],
      ]),
    ).toBe(false);
  });

  it('reads decimal commas in a semicolon file as numbers, so the first row of data is no header', () => {
    expect(
      detectHeader(
        [
          ['1,5', '2,5'],
          ['3,5', '4,5'],
        ],
        true,
      ),
    ).toBe(false);
  });

  it('keeps repeated names as distinct columns (a, a (2)) and fills blanks', () => {
    expect(uniqueNames(['a', '', 'a', ' b '])).toEqual(['a', 'column_2', 'a (2)', 'b']);
    expect(generatedNames(2)).toEqual(['column_1', 'column_2']);
  });
});
