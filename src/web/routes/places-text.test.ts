import { describe, expect, it } from 'vitest';
import { FormError } from '../../features/shared/errors.ts';
import { placesFromText } from './places-text.ts';

const errorsOf = (text: string) => {
  try {
    placesFromText(text);
  } catch (error) {
    if (error instanceof FormError) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
};

describe('places typed on the geography import form', () => {
  it('reads one place a line, its local authority codes after a colon, in any case and spacing', () => {
    expect(
      placesFromText(
        'Leicester City: E06000016\r\n\n  Leicestershire : e07000129, E07000130 E07000130\nRutland:E06000017',
      ),
    ).toEqual({
      'Leicester City': ['E06000016'],
      Leicestershire: ['E07000129', 'E07000130'],
      Rutland: ['E06000017'],
    });
    expect(placesFromText('  \n ')).toBeUndefined();
    expect(placesFromText(undefined)).toBeUndefined();
  });

  it('names every wrong line at once', () => {
    expect(
      errorsOf(
        'Rutland E06000017\nLeicester: E0600016, X1\n: E06000016\nRutland: E06000017\nRutland: E06000018',
      ),
    ).toEqual([
      'Line 1: write the place’s name, a colon, then its local authority codes, as in Rutland: E06000017',
      'Line 2: E0600016, X1 are not local authority codes (they look like E06000016)',
      'Line 3: write the place’s name, a colon, then its local authority codes, as in Rutland: E06000017',
      'Line 5: Rutland is named on line 4 already',
    ]);
  });
});
