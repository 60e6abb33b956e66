import { describe, expect, it } from 'vitest';
import { postcodeCodesInWords } from './postcode-lookup-text.ts';

describe('the LSOA codes of the postcode lookup, in words', () => {
  it('says "all" for a vintage every postcode has, and leaves out one none has', () => {
    expect(postcodeCodesInWords({ postcodes: 4800, withLsoa2021: 4800, withLsoa2011: 0 })).toBe(
      'all with an LSOA 2021 code',
    );
    expect(postcodeCodesInWords({ postcodes: 3, withLsoa2021: 2, withLsoa2011: 3 })).toBe(
      '2 with an LSOA 2021 code and all with an LSOA 2011 code',
    );
    expect(
      postcodeCodesInWords({ postcodes: 2_700_000, withLsoa2021: 2_650_112, withLsoa2011: 2_640_001 }),
    ).toBe('2,650,112 with an LSOA 2021 code and 2,640,001 with an LSOA 2011 code');
    // A file whose LSOA columns were all blank: the sentence still says so.
    expect(postcodeCodesInWords({ postcodes: 10, withLsoa2021: 0, withLsoa2011: 0 })).toBe(
      'none with an LSOA code',
    );
  });
});
