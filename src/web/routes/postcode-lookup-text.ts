import type { PostcodeCounts } from '../../analytics/geography/postcodes.ts';

/**
 * Which LSOA codes the postcode lookup holds, in words, leaving out a vintage it has none of:
 * "all with an LSOA 2021 code", "2,600,000 with an LSOA 2021 code and all with an LSOA 2011 code".
 */
export function postcodeCodesInWords({ postcodes, withLsoa2011, withLsoa2021 }: PostcodeCounts): string {
  const withCodes = (n: number, year: string) =>
    `${n === postcodes ? 'all' : n.toLocaleString('en-GB')} with an LSOA ${year} code`;
  const parts: string[] = [];
  if (withLsoa2021 > 0) parts.push(withCodes(withLsoa2021, '2021'));
  if (withLsoa2011 > 0) parts.push(withCodes(withLsoa2011, '2011'));
  return parts.length ? parts.join(' and ') : 'none with an LSOA code';
}

/** The postcode lookup as the pages show it, or null when none has been imported. */
export const postcodeLookupView = <T extends PostcodeCounts>(summary: T | null) =>
  summary ? { ...summary, codes: postcodeCodesInWords(summary) } : null;
