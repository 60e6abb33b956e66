import { describe, expect, it } from 'vitest';
import { isEmailAddress, isFullPostcode, isStreetAddress, isTelephoneNumber } from './identifying-values.ts';

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

  it('include UK telephone numbers written with their leading 0 or +44', () => {
    for (const number of [
      '0116 258 7000',
      '07700 900123',
      '+44 (0)7700 900123',
      '(0116) 2587000',
      '0044 7700 900123',
    ])
      expect(isTelephoneNumber(number), number).toBe(true);
    // Without the 0 a number is any number; dates, times, NHS-number-length codes and short numbers are not.
    for (const other of ['7700900123', '2024-05-01', '09:30', '0116 258', '05 04 2024', '06123456789', ''])
      expect(isTelephoneNumber(other), other).toBe(false);
  });

  it('include the first lines of addresses', () => {
    for (const address of [
      '12 High Street',
      '4a Mill Lane, Leicester',
      'Flat 3, 27 London Road',
      '1 The Green',
    ])
      expect(isStreetAddress(address), address).toBe(true);
    for (const other of ['High Street', '18 Week Pathway', '2 Week Wait', 'Ward 12', 'LE1 5WW'])
      expect(isStreetAddress(other), other).toBe(false);
  });
});
