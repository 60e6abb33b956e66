import { describe, expect, it } from 'vitest';
import { representationOf } from './representation.ts';

/** The Wilson score interval at 95%, written out here (Newcombe 1998, method 3). */
function wilson(x: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = x / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [(centre - spread) / scale, (centre + spread) / scale];
}

describe('who a dataset reaches against the residents, by ethnic group', () => {
  const reach = representationOf([
    { group: 'Asian or Asian British', people: 120, residents: 4_340 },
    { group: 'Black, Black British, Caribbean or African', people: 40, residents: 780 },
    { group: 'White', people: 440, residents: 4_880 },
    { group: 'No residents', people: 3, residents: 0 },
  ]);

  it('divides each share of the people reached, and its Wilson interval, by the share of residents', () => {
    expect(reach.map((g) => g.group)).toEqual([
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'White',
    ]);
    const [asian] = reach;
    expect(asian!.share).toBeCloseTo(120 / 600, 12);
    expect(asian!.residentShare).toBeCloseTo(4_340 / 10_000, 12);
    const [lower, upper] = wilson(120, 600);
    expect(asian!.ratio).toBeCloseTo(0.2 / 0.434, 10);
    expect(asian!.lower95).toBeCloseTo(lower / 0.434, 10);
    expect(asian!.upper95).toBeCloseTo(upper / 0.434, 10);
  });

  it('reads an interval wholly below 1 as fewer, above 1 as more, and one including 1 as in line', () => {
    // Asian: 20% of people reached, 43.4% of residents; White: 73.3% against 48.8%.
    expect(reach.map((g) => g.reading)).toEqual(['fewer', 'similar', 'more']);
    expect(representationOf([])).toEqual([]);
  });
});
