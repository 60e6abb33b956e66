import { describe, expect, it } from 'vitest';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { FormError } from '../shared/errors.ts';
import { catalogueEntry, conditionText, formValuesOf, indicatorFromForm } from './indicator-form.ts';

const smoking = {
  id: 'smoking-recorded',
  title: 'Smoking status recorded at booking',
  programme: 'Local',
  area: 'Maternity',
  statistic: 'proportion',
  numeratorDescription: 'Bookings with a smoking status',
  numeratorConditions: 'smoking_status present\r\n\r\nbooking_weeks <= 12',
  denominatorDescription: 'Maternity bookings',
  denominatorConditions: "activity = 'maternity'",
  polarity: 'high-is-good',
  unit: '%',
  definition: 'The share of maternity bookings with a recorded smoking status.',
  caveats: '- Bookings before 2023 used another form\nSmall units vary a lot',
};

/** The form's errors, by field. */
function errorsOf(values: Record<string, string>): Record<string, string> {
  try {
    indicatorFromForm(values);
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    return Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
  }
  return {};
}

describe('the add-an-indicator form', () => {
  it('turns fields and one condition per line into a definition the catalogue accepts', () => {
    const definition = indicatorFromForm(smoking);
    expect(definition.numerator.where).toEqual([
      { field: 'smoking_status', op: 'present' },
      { field: 'booking_weeks', op: 'lte', value: 12 },
    ]);
    expect(definition.denominator).toEqual({
      description: 'Maternity bookings',
      where: [{ field: 'activity', op: 'eq', value: 'maternity' }],
    });
    expect(definition.caveats).toEqual(['Bookings before 2023 used another form', 'Small units vary a lot']);
    expect(definition.multiplier).toBeUndefined();
  });

  it('reads lists, inequalities, missing values and population age ranges', () => {
    const rate = indicatorFromForm({
      ...smoking,
      statistic: 'dsr',
      numeratorConditions: 'cancer_stage in 1, 2\nsex != U\nadmission_method is missing',
      denominatorConditions: '',
      populationFrom: '18',
      populationTo: '90',
      multiplier: '100,000',
    });
    expect(rate.numerator.where).toEqual([
      { field: 'cancer_stage', op: 'in', value: [1, 2] },
      { field: 'sex', op: 'ne', value: 'U' },
      { field: 'admission_method', op: 'absent' },
    ]);
    expect(rate.denominator).toEqual({
      description: 'Maternity bookings',
      population: { ageFrom: 18, ageTo: 90 },
    });
    expect(rate.multiplier).toBe(100_000);
  });

  it('reads the first characters of codes, kept as text, and writes them back the same way', () => {
    const copd = indicatorFromForm({
      ...smoking,
      numeratorConditions:
        'der_primary_diagnosis_code starts with J40, j41, "J44"\nadmission_code starts with 0',
    });
    expect(copd.numerator.where).toEqual([
      { field: 'der_primary_diagnosis_code', op: 'startsWith', value: ['J40', 'j41', 'J44'] },
      { field: 'admission_code', op: 'startsWith', value: ['0'] },
    ]);
    expect(copd.numerator.where.map(conditionText)).toEqual([
      'der_primary_diagnosis_code starts with J40, j41, J44',
      'admission_code starts with 0',
    ]);
    expect(
      errorsOf({ ...smoking, numeratorConditions: 'diagnosis starts with J4%' }).numeratorConditions,
    ).toBe('Numerator conditions: starts with takes the first letters and figures of codes, such as J44');
  });

  it('fills itself in with any catalogue indicator, giving back the same definition under a new identifier', () => {
    for (const indicator of builtInIndicators()) {
      const values = formValuesOf(indicator);
      expect(values.id).toBe(`${indicator.id}-local`);
      expect(indicatorFromForm(values)).toEqual({ ...indicator, id: `${indicator.id}-local` });
    }
  });

  it('names each line it cannot read', () => {
    const errors = errorsOf({
      ...smoking,
      numeratorConditions: 'smoking_status present\nSmoking = 1\nbooking_weeks about 12\nbooking_weeks >> 12',
    });
    expect(errors.numeratorConditions).toBe(
      'Numerator conditions, line 2: write the field name Smoking in lower case; line 3: write the field, a comparison and a value, for example wait_weeks > 18, cancer_stage in 1, 2 or dna present; line 4: compare with > only against a number (not "> 12"), for example wait_weeks > 18, cancer_stage in 1, 2 or dna present',
    );
  });

  it('gives each missing or inconsistent part in plain English, against its own field', () => {
    const errors = errorsOf({
      ...smoking,
      title: '',
      statistic: 'median',
      unit: '',
      populationFrom: '70',
      populationTo: '40',
    });
    expect(errors).toMatchObject({
      title: 'Give a title (at least 5 characters)',
      unit: 'Give the unit',
      valueField: 'Name the field a mean or median summarises, for example wait_weeks',
      denominatorConditions:
        'A denominator is either rows with conditions or a population age range, not both',
    });
    const rate = errorsOf({
      ...smoking,
      statistic: 'dsr',
      denominatorConditions: '',
      populationFrom: '70',
      populationTo: '40',
    });
    expect(rate.populationFrom).toBe('The first age is not above the last');
    expect(errorsOf({ ...smoking, multiplier: 'a hundred' }).multiplier).toBe(
      'The multiplier is a number, for example 100 or 100000',
    );
    const unchosen = errorsOf({ ...smoking, programme: '', polarity: '', statistic: '' });
    expect(unchosen.programme).toMatch(/^Choose the programme/);
    expect(unchosen.polarity).toMatch(/^Choose whether high values are good/);
    // The statistic in the words of its radio buttons, not the catalogue's codes.
    expect(unchosen.statistic).toBe(
      'Choose the statistic: Proportion (percentage), Crude rate, Directly age-standardised rate, Mean, Median',
    );
  });

  it('lists the mistakes of an empty form in the order of its fields', () => {
    let fields: string[] = [];
    try {
      indicatorFromForm({});
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      fields = error.errors.map((e) => e.field);
    }
    expect(fields.slice(0, 5)).toEqual(['title', 'id', 'programme', 'area', 'statistic']);
    expect(fields.indexOf('polarity')).toBeGreaterThan(fields.indexOf('statistic'));
  });

  it('writes every built-in condition back as it would be typed, and reads it again the same', () => {
    for (const indicator of builtInIndicators()) {
      const typed = indicator.numerator.where.map(conditionText).join('\n');
      const again = indicatorFromForm({ ...smoking, numeratorConditions: typed });
      expect(again.numerator.where, indicator.id).toEqual(indicator.numerator.where);
      expect(catalogueEntry(indicator, true).numerator.slice(1)).toEqual(typed ? typed.split('\n') : []);
    }
  });
});
