import { describe, expect, it } from 'vitest';
import { FormError } from '../../features/shared/errors.ts';
import { mappingFromForm, usesColumnSettings } from './dataset-mapping-form.ts';

describe('the import form as a column mapping', () => {
  it('leaves everything to recognition when nothing is filled in', () => {
    const blank = {
      name: 'Clinic',
      column_lsoa_code: '  ',
      lsoaVintage: 'recognise',
      ethnicityCoding: 'recognise',
      dateOrder: 'recognise',
    };
    expect(mappingFromForm(blank)).toBeUndefined();
    expect(usesColumnSettings(blank)).toBe(false);
  });

  it('takes the headings typed in, trimmed, and the choices made', () => {
    const values = {
      column_lsoa_code: ' Patient LSOA ',
      column_event_date: 'Clinic date',
      lsoaVintage: '2011',
      ethnicityCoding: 'recognise',
    };
    expect(mappingFromForm(values)).toEqual({
      columns: { lsoa_code: 'Patient LSOA', event_date: 'Clinic date' },
      lsoaVintage: '2011',
    });
    expect(usesColumnSettings(values)).toBe(true);
    const worksheet = { sheet: ' Waiting list ' };
    expect(mappingFromForm(worksheet)).toEqual({ sheet: 'Waiting list' });
    expect(usesColumnSettings(worksheet)).toBe(true);
    const usDates = { dateOrder: 'month-first' };
    expect(mappingFromForm(usDates)).toEqual({ dateOrder: 'month-first' });
    expect(usesColumnSettings(usDates)).toBe(true);
    const everySheet = { allSheets: 'yes' };
    expect(mappingFromForm(everySheet)).toEqual({ allSheets: true });
    expect(usesColumnSettings(everySheet)).toBe(true);
  });

  it('lays the typed headings over the JSON mapping, keeping the rest of it', () => {
    expect(
      mappingFromForm({
        column_age: 'Age at clinic',
        mapping: '{"columns": {"age": "Old age", "sex": "Gender"}, "measures": {"dna": "DNA"}}',
        ethnicityCoding: 'ons2021',
      }),
    ).toEqual({
      columns: { age: 'Age at clinic', sex: 'Gender' },
      measures: { dna: 'DNA' },
      ethnicityCoding: 'ons2021',
    });
    expect(mappingFromForm({ mapping: '{"measures": {"dna": "DNA"}}' })).toEqual({
      measures: { dna: 'DNA' },
    });
  });

  it('refuses JSON it cannot read, against the mapping box, and passes on JSON of the wrong shape', () => {
    expect(() => mappingFromForm({ mapping: '{"columns": ' })).toThrow(FormError);
    expect(mappingFromForm({ mapping: '[1, 2]', column_age: 'Age' })).toEqual([1, 2]);
  });
});
