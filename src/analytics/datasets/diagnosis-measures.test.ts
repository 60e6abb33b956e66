import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { builtInIndicators } from '../indicators/catalogue.ts';
import { fieldsOfDataset, unmetNeeds } from '../indicators/compute.ts';
import { NOT_A_CODE } from './clinical-codes.ts';

// An admitted patient care extract gives each admission's method and primary diagnosis: the
// emergency admissions for COPD and for asthma, which the catalogue counts, are read from both.
describe('emergency admissions for a condition, from the primary diagnosis', () => {
  const { write, importAs, stored } = importStore('parity-diagnoses-');
  type Counted = { copd_emergency_admission: number | null; asthma_emergency_admission: number | null };
  const counted = (id: string) =>
    stored<Counted>(id, 'copd_emergency_admission, asthma_emergency_admission', 'row_number').then((rows) =>
      rows.map((r) => [r.copd_emergency_admission, r.asthma_emergency_admission]),
    );

  // Method, primary diagnosis, and the COPD and asthma emergency admissions they are.
  const admissions: [string, string, number | null, number | null][] = [
    ['21', 'J44.1', 1, 0],
    ['21', 'J441', 1, 0],
    ['2A', 'J40X', 1, 0],
    ['22', 'J45X', 0, 1],
    ['28', 'j46', 0, 1], // lower case
    ['21', 'J44.9 Chronic obstructive pulmonary disease, unspecified', 1, 0],
    ['11', 'J44.1', 0, 0], // an elective admission
    ['21', 'I10X', 0, 0],
    ['21', 'J47', 0, 0], // bronchiectasis, next to asthma's codes
    ['99', 'J44.1', null, null], // the method not known
  ];
  const sus = (rows: [string, string][]) =>
    'Pseudo ID,LSOA,Age,Row number,Admission method,Der_Primary_Diagnosis_Code\n' +
    rows.map(([method, diagnosis], i) => `P${i},X01000001,40,${i},${method},"${diagnosis}"\n`).join('');

  it('counts emergency admissions whose primary diagnosis is COPD or asthma, and reports what is not a code', async () => {
    // Twelve of each, then a blank diagnosis and one that is not a code (a slip the import reports).
    const rows: [string, string][] = [
      ...Array.from({ length: 12 }, () => admissions.map(([m, d]): [string, string] => [m, d])).flat(),
      ['21', ''],
      ['21', 'COPD'],
    ];
    const result = await importAs('sus', write('sus.csv', sus(rows)));
    expect(result.mapping.diagnosisMeasures).toEqual({
      copd_emergency_admission: 'Der_Primary_Diagnosis_Code',
      asthma_emergency_admission: 'Der_Primary_Diagnosis_Code',
    });
    expect(result.fields.measures).toEqual([
      'row_number',
      'emergency_admission',
      'copd_emergency_admission',
      'asthma_emergency_admission',
    ]);
    // The diagnoses are kept as they are too, for indicators of other conditions.
    expect(result.fields.attributes).toEqual(['der_primary_diagnosis_code']);
    expect(result.report.warnings).toContain(
      'The column "Der_Primary_Diagnosis_Code" holds primary diagnoses (ICD-10), from which are counted, as the catalogue\'s indicators read them: copd_emergency_admission (the emergency admissions for COPD, J40 to J44) and asthma_emergency_admission (the emergency admissions for asthma, J45 and J46).',
    );
    const expected = [
      ...Array.from({ length: 12 }, () => admissions.map(([, , copd, asthma]) => [copd, asthma])).flat(),
      [null, null],
      [null, null],
    ];
    expect(await counted('sus')).toEqual(expected);
    // The headings are row 1: the last admission is row 123 of the file.
    expect(
      result.report.examples
        .filter((e) => e.column === 'Der_Primary_Diagnosis_Code')
        .map((e) => [e.row, e.problem, e.value]),
    ).toEqual([[123, NOT_A_CODE.diagnosis, 'COPD']]);
    expect(result.rowsStored).toBe(122);
    // The mapping an import prints reads the next month's file as this one was read.
    const again = await importAs('sus-again', write('sus-again.csv', sus(rows)), result.mapping);
    expect(again.mapping.diagnosisMeasures).toEqual(result.mapping.diagnosisMeasures);
    expect(await counted('sus-again')).toEqual(expected);
    // So the built-in indicators of these admissions can be computed from the dataset.
    const fields = fieldsOfDataset(result.fields);
    for (const id of ['copd-emergency-admissions', 'cyp-asthma-emergency-admissions']) {
      const indicator = builtInIndicators().find((i) => i.id === id)!;
      expect(unmetNeeds(indicator, fields, true), id).toBeNull();
    }
  });

  it('counts none from diagnoses without the emergency admissions, nor from codes that are not ICD-10', async () => {
    const noMethod = await importAs(
      'no-method',
      write('no-method.csv', 'Pseudo ID,LSOA,DIAG_4_01\nP1,X01000001,J441\nP2,X01000001,J459\n'),
    );
    expect(noMethod.mapping.diagnosisMeasures).toEqual({});
    expect(noMethod.fields.measures).toEqual([]);
    // An emergency care record codes its diagnoses in SNOMED CT, not ICD-10.
    const snomed = await importAs(
      'snomed',
      write(
        'snomed.csv',
        'Pseudo ID,LSOA,Admission method,Primary diagnosis\nP1,X01000001,21,195951007\nP2,X01000001,21,195967001\n',
      ),
    );
    expect(snomed.mapping.diagnosisMeasures).toEqual({});
    expect(snomed.report.warnings.join(' ')).not.toContain('primary diagnoses (ICD-10)');
  });

  it("leaves a measure the file gives itself as it is, and reads a mapping's own", async () => {
    const own = await importAs(
      'own-copd',
      write(
        'own-copd.csv',
        'Pseudo ID,LSOA,Row number,Admission method,DIAG_4_01,copd_emergency_admission\n' +
          'P1,X01000001,1,21,J441,0\nP2,X01000001,2,21,J459,0\n',
      ),
    );
    expect(own.mapping.diagnosisMeasures).toEqual({ asthma_emergency_admission: 'DIAG_4_01' });
    expect(await counted('own-copd')).toEqual([
      [0, 0],
      [0, 1],
    ]);
    // A heading the import does not know, named in the mapping.
    const file = write(
      'named.csv',
      'Pseudo ID,LSOA,Row number,Admission method,Reason code\nP1,X01000001,1,21,J441\nP2,X01000001,2,21,J459\n',
    );
    const named = await importAs('named', file, {
      diagnosisMeasures: { copd_emergency_admission: 'Reason code' },
    });
    expect(named.mapping.diagnosisMeasures).toEqual({ copd_emergency_admission: 'Reason code' });
    expect(named.fields.measures).toEqual(['row_number', 'emergency_admission', 'copd_emergency_admission']);
    expect(await stored('named', 'copd_emergency_admission', 'row_number')).toEqual([
      { copd_emergency_admission: 1 },
      { copd_emergency_admission: 0 },
    ]);
  });

  it('counts the episodes whose main procedure is a tooth extraction for decay', async () => {
    // Primary diagnosis, main procedure, and whether the episode is one.
    const episodes: [string, string, number | null][] = [
      ['K02.1', 'F10.4', 1],
      ['K029', 'F091', 1],
      ['k02', 'f10', 1], // lower case
      ['K04.7', 'F10.4', 0], // an abscess, not decay
      ['K02.1', '-', 0], // no operation, as HES writes it
      ['K02.1', 'F13.1', 0], // a filling
      ['K02.1', '', 0],
      ['', 'F10.4', null], // an extraction, for no known reason
    ];
    const rows = [...Array.from({ length: 18 }, () => episodes).flat(), ['K02.1', 'Extraction'] as const];
    const file = write(
      'hes.csv',
      'TOKEN_PERSON_ID,LSOA,STARTAGE,Row number,DIAG_4_01,OPERTN_4_01\n' +
        rows.map(([d, p], i) => `T${i},X01000001,6,${i},${d},${p}\n`).join(''),
    );
    const result = await importAs('hes', file);
    expect(result.mapping.diagnosisMeasures).toEqual({ tooth_extraction: 'DIAG_4_01' });
    expect(result.mapping.mainProcedure).toBe('OPERTN_4_01');
    expect(result.report.warnings).toContain(
      'The column "DIAG_4_01" holds primary diagnoses (ICD-10) and "OPERTN_4_01" their main procedures (OPCS-4), from which are counted, as the catalogue\'s indicators read them: tooth_extraction (the episodes whose main procedure is a tooth extraction, F09 or F10, for dental caries, K02).',
    );
    const teeth = await stored<{ tooth_extraction: number | null }>('hes', 'tooth_extraction', 'row_number');
    expect(teeth.map((r) => r.tooth_extraction)).toEqual([
      ...Array.from({ length: 18 }, () => episodes.map(([, , counted]) => counted)).flat(),
      0,
    ]);
    // The headings are row 1: the last episode is row 146.
    expect(
      result.report.examples
        .filter((e) => e.column === 'OPERTN_4_01')
        .map((e) => [e.row, e.problem, e.value]),
    ).toEqual([[146, NOT_A_CODE.procedure, 'Extraction']]);
    const indicator = builtInIndicators().find((i) => i.id === 'cyp-tooth-extractions')!;
    expect(unmetNeeds(indicator, fieldsOfDataset(result.fields), true)).toBeNull();
    // Without the procedures, no extraction is counted.
    const noProcedure = await importAs(
      'no-procedure',
      write('no-procedure.csv', 'TOKEN_PERSON_ID,LSOA,DIAG_4_01\nT1,X01000001,K021\n'),
    );
    expect(noProcedure.mapping.diagnosisMeasures).toEqual({});
    expect(noProcedure.mapping.mainProcedure).toBeUndefined();
    // And the main procedure, under a heading of its own.
    const operations = write(
      'operations.csv',
      'Pseudo ID,LSOA,Row number,Reason code,Operation\nP1,X01000001,1,K021,F10\nP2,X01000001,2,K021,F14\n',
    );
    const withProcedure = await importAs('operations', operations, {
      diagnosisMeasures: { tooth_extraction: 'Reason code' },
      mainProcedure: 'Operation',
    });
    expect(withProcedure.mapping.mainProcedure).toBe('Operation');
    expect(await stored('operations', 'tooth_extraction', 'row_number')).toEqual([
      { tooth_extraction: 1 },
      { tooth_extraction: 0 },
    ]);
  });

  it('counts them in a file of emergency admissions only, which the mapping says every row is', async () => {
    const file = write(
      'emergencies.csv',
      'Pseudo ID,LSOA,Row number,Der_Primary_Diagnosis_Code\n' +
        'P1,X01000001,1,J44.1\nP2,X01000001,2,J45X\nP3,X01000001,3,I10X\nP4,X01000001,4,\n',
    );
    const result = await importAs('emergencies', file, { allRows: ['emergency_admission'] });
    expect(result.fields.measures).toEqual([
      'row_number',
      'emergency_admission',
      'copd_emergency_admission',
      'asthma_emergency_admission',
    ]);
    expect(
      await stored(
        'emergencies',
        'emergency_admission, copd_emergency_admission, asthma_emergency_admission',
        'row_number',
      ),
    ).toEqual([
      { emergency_admission: 1, copd_emergency_admission: 1, asthma_emergency_admission: 0 },
      { emergency_admission: 1, copd_emergency_admission: 0, asthma_emergency_admission: 1 },
      { emergency_admission: 1, copd_emergency_admission: 0, asthma_emergency_admission: 0 },
      { emergency_admission: 1, copd_emergency_admission: null, asthma_emergency_admission: null },
    ]);
    // The person's word prevails over an admission method column.
    const withMethod = write(
      'with-method.csv',
      'Pseudo ID,LSOA,Row number,Admission method\nP1,X01000001,1,11\nP2,X01000001,2,21\n',
    );
    const every = await importAs('with-method', withMethod, { allRows: ['emergency_admission'] });
    expect(every.mapping.measures).toEqual({ row_number: 'Row number' });
    expect(await stored('with-method', 'emergency_admission', 'row_number')).toEqual([
      { emergency_admission: 1 },
      { emergency_admission: 1 },
    ]);
    await expect(
      importAs('twice', withMethod, {
        measures: { emergency_admission: 'Admission method' },
        allRows: ['emergency_admission'],
      }),
    ).rejects.toThrow(
      'The mapping gives emergency_admission both from a column and as every row (allRows): give it one way only.',
    );
    await expect(
      importAs('both', withMethod, {
        measures: { copd_emergency_admission: 'Row number' },
        diagnosisMeasures: { copd_emergency_admission: 'Admission method' },
        allRows: ['emergency_admission'],
      }),
    ).rejects.toThrow(
      'The mapping gives copd_emergency_admission both from a column (or as every row) and from the primary diagnoses (diagnosisMeasures): give it one way only.',
    );
    await expect(importAs('badly', withMethod, { allRows: 'emergency_admission' })).rejects.toThrow(
      'allRows: give a list of field names, such as ["emergency_admission"], in lower-case letters, digits and underscores',
    );
  });

  it('says what a mapping of these measures lacks', async () => {
    const file = write('lacking.csv', 'Pseudo ID,LSOA,Reason code\nP1,X01000001,J441\n');
    await expect(
      importAs('lacking', file, { diagnosisMeasures: { copd_emergency_admission: 'Reason code' } }),
    ).rejects.toThrow(
      'The mapping counts copd_emergency_admission from the primary diagnoses (diagnosisMeasures), which needs to know which admissions were emergencies: the measure emergency_admission, such as the admission method column (measures.emergency_admission), or {"allRows": ["emergency_admission"]} for a file of emergency admissions only. The measures are: none',
    );
    await expect(
      importAs('unknown', file, { diagnosisMeasures: { stroke_emergency_admission: 'Reason code' } }),
    ).rejects.toThrow(
      'diagnosisMeasures.stroke_emergency_admission: is not counted from diagnoses (give copd_emergency_admission, asthma_emergency_admission or tooth_extraction, with the column of primary diagnoses)',
    );
    await expect(
      importAs('no-procedures', file, { diagnosisMeasures: { tooth_extraction: 'Reason code' } }),
    ).rejects.toThrow(
      'The mapping counts tooth_extraction from the primary diagnoses (diagnosisMeasures), which needs the main procedure of each episode too: give its column (OPCS-4 codes, such as OPERTN_4_01) as mainProcedure. The file has: Pseudo ID, LSOA, Reason code',
    );
  });
});
