import { describe, expect, it } from 'vitest';
import { indicatorSchema } from './schema.ts';

const base = {
  id: 'mean-cost',
  title: 'Average cost per visit',
  programme: 'Local',
  area: 'Finance',
  statistic: 'proportion',
  numerator: {
    description: 'Visits that cost more than £100',
    where: [{ field: 'cost', op: 'gt', value: 100 }],
  },
  denominator: { description: 'Visits with a cost', where: [{ field: 'cost', op: 'present' }] },
  polarity: 'low-is-good',
  unit: '%',
  definition: 'The share of visits that cost more than £100.',
};

/** Each problem of a definition written as JSON, as `parity indicators add` prints it. */
const problemsOf = (definition: unknown): string[] => {
  const parsed = indicatorSchema.safeParse(definition);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('an indicator written as JSON', () => {
  it('is accepted when whole', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('says what a numerator or denominator needs when it is left out', () => {
    const { denominator: _left, ...withoutDenominator } = base;
    expect(problemsOf(withoutDenominator)).toEqual([
      'denominator: Give the denominator: its description and the conditions its rows meet (where), or, for a rate, its population',
    ]);
    expect(problemsOf({ ...base, numerator: 'visits' })).toEqual([
      'numerator: Give the numerator: its description and the conditions its rows meet (where)',
    ]);
  });

  it('names a part a numerator or denominator does not have, with the parts it has', () => {
    expect(problemsOf({ ...base, denominator: { description: 'Visits', wher: [] } })).toEqual([
      'denominator: "wher" is not part of a denominator (its parts are description, where and population)',
    ]);
    expect(problemsOf({ ...base, numerator: { ...base.numerator, filter: [], when: [] } })).toEqual([
      'numerator: "filter" and "when" are not part of a numerator (its parts are description and where)',
    ]);
  });
});
