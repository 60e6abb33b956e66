import { describe, expect, it } from 'vitest';
import { plusGroupFlag } from './plus-group-flags.ts';

describe('headings that name a PLUS group', () => {
  it('give a flag name, with "flag", "is" or "has" and Y/N markers taken off', () => {
    expect(plusGroupFlag('Learning disability')).toBe('flag_learning_disability');
    expect(plusGroupFlag('LD flag')).toBe('flag_ld');
    expect(plusGroupFlag('Is homeless')).toBe('flag_homeless');
    expect(plusGroupFlag('SMI (Y/N)')).toBe('flag_smi');
    expect(plusGroupFlag('Armed forces')).toBe('flag_armed_forces');
  });

  it('leave other headings alone', () => {
    expect(plusGroupFlag('Specialty')).toBeUndefined();
    expect(plusGroupFlag('LD score')).toBeUndefined();
    expect(plusGroupFlag('Carers allowance paid')).toBeUndefined();
  });
});
