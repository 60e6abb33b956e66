import { describe, expect, it } from 'vitest';
import { isNhsNumber } from './pseudonym.ts';

describe('NHS numbers', () => {
  it('are ten digits whose last is the modulus 11 check digit of the nine before', () => {
    // 4×10 + 0×9 + 1×8 + 0×7 + 2×6 + 3×5 + 2×4 + 1×3 + 3×2 = 92, and 11 − (92 mod 11) = 7.
    for (const valid of ['4010232137', '9434765919', '943 476 5919'])
      expect(isNhsNumber(valid), valid).toBe(true);
    for (const invalid of ['9434765918', '1234567890', '943476591', 'P9434765919', ''])
      expect(isNhsNumber(invalid), invalid).toBe(false);
  });
});
