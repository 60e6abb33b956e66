import { describe, expect, it } from 'vitest';
import { dimensionsFor, flagLabel } from './dimensions.ts';

describe('flag breakdowns', () => {
  it('write common abbreviations out and other names as words', () => {
    expect(flagLabel('flag_smi')).toBe('severe mental illness (SMI)');
    expect(flagLabel('flag_LD')).toBe('learning disability');
    expect(flagLabel('flag_learning_disability')).toBe('learning disability');
    expect(flagLabel('flag_armed_forces')).toBe('armed forces');
  });

  it('are labelled as flags and keep their field as the breakdown id', () => {
    const flag = dimensionsFor(['flag_smi']).find((d) => d.id === 'flag_smi');
    expect(flag?.label).toBe('flag: severe mental illness (SMI)');
  });
});
