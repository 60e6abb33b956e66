import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../analytics/datasets/mapping.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import type { Dataset } from './analytics.ts';
import { missingFieldHints } from './missing-field-hint.ts';

const indicator = (id: string) => builtInIndicators().find((i) => i.id === id)!;

describe('hints for a missing field', () => {
  const dataset = {
    fields: { measures: ['did_not_attend'], flags: [], attributes: ['pay_band'], hasAge: true },
    mapping: columnMappingSchema.parse({
      columns: { lsoa_code: 'LSOA' },
      measures: { did_not_attend: 'Did not attend' },
      attributes: { pay_band: 'Pay band' },
    }),
  } as unknown as Dataset;

  it('name a look-alike column for a measure', () => {
    expect(missingFieldHints(indicator('did-not-attend'), ['dna'], dataset)).toEqual([
      'The column "Did not attend" (read as did_not_attend) may hold dna: if so, import the file again with {"measures": {"dna": "Did not attend"}} in the mapping',
    ]);
  });

  it("list the dataset's other fields of that kind, which a mapping's list would otherwise drop", () => {
    const more = {
      ...dataset,
      mapping: columnMappingSchema.parse({
        columns: { lsoa_code: 'LSOA' },
        measures: { did_not_attend: 'Did not attend', weeks_waited: 'Weeks waited', cost: 'Cost (£)' },
      }),
    } as unknown as Dataset;
    expect(missingFieldHints(indicator('did-not-attend'), ['dna'], more)).toEqual([
      'The column "Did not attend" (read as did_not_attend) may hold dna: if so, import the file again with {"measures": {"weeks_waited": "Weeks waited", "cost": "Cost (£)", "dna": "Did not attend"}} in the mapping, which keeps its other measures as they are',
    ]);
  });

  it('read a look-alike column of days as weeks', () => {
    const inDays = {
      fields: { measures: ['days_waited_rtt'], flags: [], attributes: [], hasAge: true },
      mapping: columnMappingSchema.parse({
        columns: { lsoa_code: 'LSOA' },
        measures: { days_waited_rtt: 'Days waited (RTT)' },
      }),
    } as unknown as Dataset;
    expect(missingFieldHints(indicator('waiting-over-18-weeks'), ['wait_weeks'], inDays)).toEqual([
      'The column "Days waited (RTT)" (read as days_waited_rtt) may hold wait_weeks: if so, import the file again with {"measures": {"wait_weeks": "Days waited (RTT)"}, "measuresGivenAs": {"wait_weeks": "days"}} in the mapping (its days are then read as weeks, days ÷ 7)',
    ]);
  });

  it('give the conditions on diagnoses that count the emergency admissions for COPD or asthma', () => {
    const admissions = {
      fields: {
        measures: ['emergency_admission'],
        flags: [],
        attributes: ['der_diagnosis_all', 'der_primary_diagnosis_code'],
        hasAge: true,
      },
      mapping: columnMappingSchema.parse({
        columns: { lsoa_code: 'LSOA' },
        measures: { emergency_admission: 'Admission_Method' },
        attributes: { der_diagnosis_all: 'Der_Diagnosis_All', der_primary_diagnosis_code: 'Primary Dx' },
        measureCodings: { emergency_admission: 'admission-method' },
      }),
    } as unknown as Dataset;
    expect(
      missingFieldHints(indicator('copd-emergency-admissions'), ['copd_emergency_admission'], admissions),
    ).toEqual([
      'The dataset has emergency admissions and diagnoses (der_primary_diagnosis_code): if der_primary_diagnosis_code is the primary diagnosis, import the file again with {"diagnosisMeasures": {"copd_emergency_admission": "Primary Dx"}} in the mapping, or add an indicator like this one (its "Add one like it" on the catalogue page, or "parity indicators add"), with the conditions emergency_admission = 1 and der_primary_diagnosis_code starts with J40, J41, J42, J43, J44 in place of copd_emergency_admission = 1',
    ]);
    // A linked table has no file to import again.
    const linked = { ...admissions, mapping: null } as unknown as Dataset;
    expect(
      missingFieldHints(indicator('cyp-asthma-emergency-admissions'), ['asthma_emergency_admission'], linked),
    ).toEqual([
      'The dataset has emergency admissions and diagnoses (der_primary_diagnosis_code): if der_primary_diagnosis_code is the primary diagnosis, add an indicator like this one (its "Add one like it" on the catalogue page, or "parity indicators add"), with the conditions emergency_admission = 1 and der_primary_diagnosis_code starts with J45, J46 in place of asthma_emergency_admission = 1',
    ]);
    // Without diagnoses, emergency_admission, a field of its own, is not offered as the COPD ones.
    const noDiagnoses = {
      ...admissions,
      fields: { ...admissions.fields!, attributes: [] },
    } as unknown as Dataset;
    expect(
      missingFieldHints(
        indicator('cyp-asthma-emergency-admissions'),
        ['asthma_emergency_admission'],
        noDiagnoses,
      ),
    ).toEqual([]);
  });

  it('ask whether a file of diagnoses without admission methods is of emergency admissions only', () => {
    const emergencies = {
      fields: { measures: [], flags: [], attributes: ['primary_diagnosis'], hasAge: true },
      mapping: columnMappingSchema.parse({
        columns: { lsoa_code: 'LSOA' },
        attributes: { primary_diagnosis: 'Primary diagnosis' },
      }),
    } as unknown as Dataset;
    const asked =
      'The dataset has diagnoses (primary_diagnosis) but nothing says which admissions were emergencies: if every row of the file is an emergency admission (an extract of emergency admissions only), import it again with';
    expect(
      missingFieldHints(indicator('copd-emergency-admissions'), ['copd_emergency_admission'], emergencies),
    ).toEqual([
      `${asked} {"allRows": ["emergency_admission"], "diagnosisMeasures": {"copd_emergency_admission": "Primary diagnosis"}} in the mapping`,
    ]);
    expect(
      missingFieldHints(indicator('emergency-admissions'), ['emergency_admission'], emergencies),
    ).toEqual([`${asked} {"allRows": ["emergency_admission"]} in the mapping`]);
    // Not of a dataset without diagnoses, which may be of anything.
    const registers = {
      ...emergencies,
      fields: { ...emergencies.fields!, attributes: ['practice'] },
    } as unknown as Dataset;
    expect(missingFieldHints(indicator('emergency-admissions'), ['emergency_admission'], registers)).toEqual(
      [],
    );
  });

  it('give the conditions on diagnoses and procedures that count tooth extractions for decay', () => {
    const episodes = {
      fields: {
        measures: [],
        flags: [],
        attributes: ['diag_4_02', 'diag_4_01', 'opertn_4_01'],
        hasAge: true,
      },
      mapping: columnMappingSchema.parse({
        columns: { lsoa_code: 'LSOA' },
        attributes: { diag_4_02: 'DIAG_4_02', diag_4_01: 'DIAG_4_01', opertn_4_01: 'OPERTN_4_01' },
      }),
    } as unknown as Dataset;
    expect(missingFieldHints(indicator('cyp-tooth-extractions'), ['tooth_extraction'], episodes)).toEqual([
      'The dataset has diagnoses (diag_4_01) and procedures (opertn_4_01): if diag_4_01 is the primary diagnosis and opertn_4_01 the main procedure, import the file again with {"diagnosisMeasures": {"tooth_extraction": "DIAG_4_01"}, "mainProcedure": "OPERTN_4_01"} in the mapping, or add an indicator like this one (its "Add one like it" on the catalogue page, or "parity indicators add"), with the conditions opertn_4_01 starts with F09, F10 and diag_4_01 starts with K02 in place of tooth_extraction = 1',
    ]);
    // Without the procedures, the diagnoses cannot say which episodes were extractions.
    const diagnosesOnly = {
      ...episodes,
      fields: { ...episodes.fields!, attributes: ['diag_4_01'] },
    } as unknown as Dataset;
    expect(
      missingFieldHints(indicator('cyp-tooth-extractions'), ['tooth_extraction'], diagnosesOnly),
    ).toEqual([]);
  });

  it('are not given for age or the ESP band, which no measure can stand for', () => {
    expect(missingFieldHints(indicator('emergency-admissions'), ['esp_band', 'age'], dataset)).toEqual([]);
  });
});
