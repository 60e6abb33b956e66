import { describe, expect, it } from 'vitest';
import { isEmailAddress, isFullPostcode } from './identifying-values.ts';

describe('values that identify people', () => {
  it('include full postcodes, with or without the space, but not districts or sectors', () => {
    // Written as the import's lookup keys them: any spaces, in any case.
    for (const postcode of ['LE1 5WW', 'le15ww', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', ' CR2 6XH ', 'LE1  5WW'])
      expect(isFullPostcode(postcode), postcode).toBe(true);
    // The inward code's letters are never C, I, K, M, O or V.
    for (const other of ['LE1', 'LE1 5', 'E01000001', 'LE1 5CW', '12345', 'LE1 5WWX', ''])
      expect(isFullPostcode(other), other).toBe(false);
  });

  it('include e-mail addresses', () => {
    for (const address of ['a.patient@example.org', 'x@nhs.net']) expect(isEmailAddress(address)).toBe(true);
    for (const other of ['ab@cd', '@example.org', 'a patient@example.org', 'example.org'])
      expect(isEmailAddress(other), other).toBe(false);
  });
});
