import { describe, expect, it } from 'vitest';
import { namesCodes } from './clinical-codes.ts';

describe('headings of the primary diagnosis and the main procedure', () => {
  it("name SUS's and HES's primary diagnosis and what reports call it, not the other diagnoses", () => {
    for (const heading of [
      'Der_Primary_Diagnosis_Code',
      'DIAG_4_01',
      'DIAG_3_01',
      'diag_01',
      'Primary diagnosis',
      'Primary diagnosis (ICD-10)',
      'PrimaryDiagnosisCode',
      'Main diagnosis code',
      'Spell_Primary_Diagnosis',
      'Diagnosis primary',
      'Der_Spell_Primary_Diagnosis',
      'DIAG4_01',
      'Primary diagnosis code (ICD10)',
    ])
      expect(namesCodes(heading, 'diagnosis'), heading).toBe(true);
    for (const heading of [
      'DIAG_4_CONCAT',
      'DIAG_4_02',
      'Der_Diagnosis_All',
      'Secondary diagnosis',
      'Diagnosis date',
      'Primary procedure',
      'Primary diagnosis description',
    ])
      expect(namesCodes(heading, 'diagnosis'), heading).toBe(false);
  });

  it("name SUS's and HES's main procedure and what reports call it, not the other procedures", () => {
    for (const heading of [
      'Der_Primary_Procedure_Code',
      'OPERTN_4_01',
      'OPERTN_3_01',
      'Primary procedure',
      'Main procedure (OPCS-4)',
      'Main_Procedure_Code',
      'PrimaryProcedureCode',
      'Der_Spell_Primary_Procedure',
      'OPERTN4_01',
    ])
      expect(namesCodes(heading, 'procedure'), heading).toBe(true);
    for (const heading of [
      'OPERTN_4_CONCAT',
      'OPERTN_4_02',
      'Der_Procedure_All',
      'Secondary procedure',
      'Procedure date',
      'Primary diagnosis',
      'Main procedure description',
    ])
      expect(namesCodes(heading, 'procedure'), heading).toBe(false);
  });
});
