import { describe, expect, it } from 'vitest';
import { ESP1976, ESP2013 } from './standard-populations.ts';

describe('standard populations', () => {
  it.each([
    [ESP2013, 19],
    [ESP1976, 18],
  ])('$name has a label per band and sums to 100,000', (standard, bands) => {
    expect(standard.weights).toHaveLength(bands);
    expect(standard.bands).toHaveLength(bands);
    expect(standard.weights.reduce((a, b) => a + b, 0)).toBe(100000);
  });
});

describe('band labels', () => {
  it('run from 0-4 to the open band', () => {
    expect(ESP2013.bands[0]).toBe('0-4');
    expect(ESP2013.bands[11]).toBe('55-59');
    expect(ESP2013.bands.at(-1)).toBe('90+');
    expect(ESP1976.bands.at(-1)).toBe('85+');
  });
});
