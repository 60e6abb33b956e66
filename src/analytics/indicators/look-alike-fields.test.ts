import { describe, expect, it } from 'vitest';
import { lookAlikeFields } from './look-alike-fields.ts';

describe('fields that may hold what an indicator needs', () => {
  it('match words in any order and with other endings', () => {
    expect(lookAlikeFields('wait_weeks', ['specialty', 'weeks_waited', 'age_at_referral'])).toEqual([
      'weeks_waited',
    ]);
    expect(lookAlikeFields('emergency_admission', ['emergency_admissions'])).toEqual([
      'emergency_admissions',
    ]);
    expect(lookAlikeFields('continuity_of_carer', ['carer_continuity_flag'])).toEqual([
      'carer_continuity_flag',
    ]);
  });

  it('match an abbreviation spelt by the initials of a longer name', () => {
    expect(lookAlikeFields('dna', ['did_not_attend', 'attended'])).toEqual(['did_not_attend']);
    expect(lookAlikeFields('dna', ['dental_needs_assessed_on_visit'])).toEqual([]);
  });

  it('need at least half the words of the field, and put the closest first', () => {
    // One of three words is too few; two of three is enough.
    expect(lookAlikeFields('smi_check_complete', ['check_date'])).toEqual([]);
    expect(lookAlikeFields('smi_check_complete', ['smi_check', 'smi_checks_complete'])).toEqual([
      'smi_checks_complete',
      'smi_check',
    ]);
    expect(lookAlikeFields('cancer_stage', ['stage_at_diagnosis'])).toEqual(['stage_at_diagnosis']);
  });

  it('do not offer the field itself or fields with nothing in common', () => {
    expect(lookAlikeFields('wait_weeks', ['wait_weeks'])).toEqual([]);
    expect(lookAlikeFields('bp_to_target', ['specialty', 'outcome'])).toEqual([]);
  });
});
