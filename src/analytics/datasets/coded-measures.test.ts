import { describe, expect, it } from 'vitest';
import { namesCoding } from './coded-measures.ts';

describe('headings of coded measures', () => {
  it('name attendance outcomes and admission methods, not the first attendance or its type', () => {
    for (const heading of [
      'Attended_Or_Did_Not_Attend',
      'Attended or DNA',
      'Attendance status',
      'Outcome of attendance',
      'DNA',
      'AttendanceOutcome',
    ])
      expect(namesCoding(heading, 'attendance'), heading).toBe(true);
    for (const heading of ['First attendance', 'Attendance type', 'Attendance date', 'Admission method'])
      expect(namesCoding(heading, 'attendance'), heading).toBe(false);
    for (const heading of ['Admission method', 'ADMIMETH', 'AdmissionMethodCode', 'Method of admission'])
      expect(namesCoding(heading, 'admission-method'), heading).toBe(true);
    expect(namesCoding('Admission date', 'admission-method')).toBe(false);
    for (const heading of [
      'Stage',
      'STAGE_BEST',
      'Stage at diagnosis',
      'Cancer stage',
      'TNM stage group',
      'Stage of cancer',
    ])
      expect(namesCoding(heading, 'cancer-stage'), heading).toBe(true);
    for (const heading of ['CKD stage', 'Pressure ulcer stage', 'Tumour stage', 'Stage date', 'Backstage'])
      expect(namesCoding(heading, 'cancer-stage'), heading).toBe(false);
  });
});
