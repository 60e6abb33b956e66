import { describe, expect, it } from 'vitest';
import { builtInIndicators } from './catalogue.ts';
import { fieldsOfDataset, unmetNeeds } from './compute.ts';
import { conditionSchema } from './schema.ts';

const indicator = (id: string) => builtInIndicators().find((i) => i.id === id)!;

describe('what a dataset needs for an indicator', () => {
  const base = { measures: ['dna', 'emergency_admission', 'bp_to_target'], flags: [], attributes: [] };

  it('needs nothing more when the fields are there as numbers', () => {
    const fields = fieldsOfDataset({ ...base, hasAge: true, hasAgeInYears: true });
    for (const id of ['did-not-attend', 'emergency-admissions', 'hypertension-treated-to-target'])
      expect(unmetNeeds(indicator(id), fields, true), id).toBeNull();
  });

  it("needs age in whole years to select by age, and ages or five-year bands to standardise, not Parity's bands", () => {
    const bandsOnly = fieldsOfDataset({ ...base, hasAge: true, hasAgeInYears: false, hasEspBand: false });
    expect(unmetNeeds(indicator('emergency-admissions'), bandsOnly, true)?.missingFields).toEqual([
      'esp_band',
    ]);
    expect(unmetNeeds(indicator('hypertension-treated-to-target'), bandsOnly, true)?.missingFields).toEqual([
      'age',
    ]);
    expect(unmetNeeds(indicator('did-not-attend'), bandsOnly, true)).toBeNull();
    const fiveYear = fieldsOfDataset({ ...base, hasAge: true, hasAgeInYears: false, hasEspBand: true });
    expect(unmetNeeds(indicator('emergency-admissions'), fiveYear, true)).toBeNull();
    expect(unmetNeeds(indicator('hypertension-treated-to-target'), fiveYear, true)?.missingFields).toEqual([
      'age',
    ]);
    // Datasets imported before bands were recorded: age in years decides, as it did.
    const older = fieldsOfDataset({ ...base, hasAge: true, hasAgeInYears: false });
    expect(unmetNeeds(indicator('emergency-admissions'), older, true)?.missingFields).toEqual(['esp_band']);
  });

  it('needs a field compared with numbers to hold numbers, not text', () => {
    const asText = fieldsOfDataset({ measures: [], flags: [], attributes: ['dna'], hasAge: true });
    expect(unmetNeeds(indicator('did-not-attend'), asText, true)).toEqual({
      missingFields: [],
      textFields: ['dna'],
      population: false,
    });
  });

  it('needs populations for a rate', () => {
    const fields = fieldsOfDataset({ ...base, hasAge: true, hasAgeInYears: true });
    expect(unmetNeeds(indicator('emergency-admissions'), fields, false)?.population).toBe(true);
  });
});

describe('conditions', () => {
  it('compare in order only with a number, so that no computation meets "> \'> 52\'"', () => {
    expect(
      conditionSchema.safeParse({ field: 'wait_weeks', op: 'gt', value: '> 52' }).error?.issues[0]?.message,
    ).toBe('lt, lte, gt and gte compare with a number');
    expect(conditionSchema.safeParse({ field: 'wait_weeks', op: 'gt', value: 52 }).success).toBe(true);
    expect(conditionSchema.safeParse({ field: 'sex', op: 'ne', value: 'U' }).success).toBe(true);
  });
});
