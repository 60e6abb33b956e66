import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../analytics/datasets/mapping.ts';
import { columnsRead, headingsNeeded } from './dataset-columns.ts';

describe("a dataset's columns in words", () => {
  it('names the column of each field, with how codes were read, and says which the file lacks', () => {
    const mapping = columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA11CD', age_band: 'Age group', ethnicity: 'Ethnic group' },
      lsoaVintage: '2011',
      ethnicityCoding: 'ons2021',
      measures: {
        dna: 'DNA',
        emergency_admission: 'Admission method',
        wait_weeks: 'Days waited',
        weeks_since_referral: 'Referred on',
      },
      measureCodings: { emergency_admission: 'admission-method' },
      measuresGivenAs: { wait_weeks: 'days', weeks_since_referral: 'start-date' },
      diagnosisMeasures: { copd_emergency_admission: 'DIAG_4_01', tooth_extraction: 'DIAG_4_01' },
      mainProcedure: 'OPERTN_4_01',
      allRows: ['mha_detention'],
      flags: { flag_smi: 'SMI register' },
      attributes: { specialty: 'Specialty' },
    });
    expect(columnsRead(mapping)).toEqual([
      { field: 'Person identifier', column: null },
      { field: 'LSOA code', column: 'LSOA11CD', note: '2011 LSOAs' },
      { field: 'Age band', column: 'Age group' },
      { field: 'Sex', column: null },
      { field: 'Ethnic group', column: 'Ethnic group', note: 'ONS 2021 census groups' },
      { field: 'Date', column: null },
      { field: 'Measure: dna', column: 'DNA' },
      {
        field: 'Measure: emergency_admission',
        column: 'Admission method',
        note: 'admission method codes: 21 to 28 and 2A to 2D emergency',
      },
      { field: 'Measure: wait_weeks', column: 'Days waited', note: 'days, read as weeks (days ÷ 7)' },
      {
        field: 'Measure: weeks_since_referral',
        column: 'Referred on',
        note: 'the date each wait began: the weeks from it to the date of each row',
      },
      { field: 'Measure: mha_detention', column: null, note: 'every row, as the mapping says (allRows)' },
      {
        field: 'Measure: copd_emergency_admission',
        column: 'DIAG_4_01',
        note: 'primary diagnoses, counting the emergency admissions for COPD, J40 to J44',
      },
      {
        field: 'Measure: tooth_extraction',
        column: 'DIAG_4_01',
        note: 'primary diagnoses with the main procedures in "OPERTN_4_01", counting the episodes whose main procedure is a tooth extraction, F09 or F10, for dental caries, K02',
      },
      { field: 'Flag: flag_smi', column: 'SMI register' },
      { field: 'Kept as text: specialty', column: 'Specialty' },
    ]);
  });

  it('shows age in years when the file has it, and no age at all as not in the file', () => {
    const withAge = columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA', age: 'Age', age_band: 'Band' },
    });
    expect(columnsRead(withAge)[2]).toEqual({ field: 'Age', column: 'Age' });
    const none = columnMappingSchema.parse({ columns: { lsoa_code: 'LSOA' } });
    expect(columnsRead(none)[2]).toEqual({ field: 'Age', column: null });
    const fromBirth = columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA', date_of_birth: 'DOB', event_date: 'Seen on' },
    });
    expect(columnsRead(fromBirth)[2]).toEqual({
      field: 'Age',
      column: 'DOB',
      note: 'worked out from the date of birth at the event date; the dates of birth are not stored',
    });
  });

  it('names the postcode column when the LSOA codes were looked up from postcodes', () => {
    const fromPostcodes = columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA from postcode', postcode: 'Patient postcode' },
    });
    expect(columnsRead(fromPostcodes)[1]).toEqual({
      field: 'LSOA code',
      column: 'Patient postcode',
      note: '2021 LSOAs looked up from the postcodes in the postcode directory; the postcodes are not stored',
    });
  });

  it('names the column of LSOA names when the codes were looked up from them', () => {
    const fromNames = columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA from name', lsoa_name: 'LSOA21NM' },
      lsoaVintage: '2021',
    });
    expect(columnsRead(fromNames)[1]).toEqual({
      field: 'LSOA code',
      column: 'LSOA21NM',
      note: '2021 LSOA codes looked up from the LSOA names',
    });
    expect(headingsNeeded(fromNames)).toEqual(['LSOA21NM']);
  });
});
