// Postcodes for the fictional ICS, so that the demo can show an extract with postcodes rather than
// LSOA codes being linked to its areas. Each local authority has its own postcode area, X and the
// first letter of its name (XR for Riverside): no real postcode area starts with X. A ward is a
// district and each of its LSOAs a sector, as in a real directory, where one sector's postcodes
// mostly fall in a few neighbouring LSOAs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsStore } from '../store.ts';
import type { LsoaGeographyRow } from '../geography/model.ts';
import { importPostcodes, postcodeColumns, type PostcodeCounts } from '../geography/postcodes.ts';

/** The postcodes of each LSOA: few beside a real LSOA's thirty or so, enough to show the link. */
export const POSTCODES_PER_LSOA = 8;
/** The letters a postcode's last two may take (the ONS leave out C, I, K, M, O and V). */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
export const demoPostcodeSource = 'synthetic postcodes of the demo';

export interface SyntheticPostcode {
  /** In the one-space form of the directory's `pcds` column ("XR3 1AB"). */
  postcode: string;
  lsoa_code: string;
}

/** The postcode area of each local authority, in the order the LSOAs list them. */
function postcodeAreas(lsoas: LsoaGeographyRow[]): Map<string, string> {
  const areas = new Map<string, string>();
  for (const { la_code, la_name } of lsoas) {
    if (areas.has(la_code)) continue;
    const area = `X${la_name.charAt(0).toUpperCase()}`;
    if ([...areas.values()].includes(area))
      throw new Error(`Two local authorities of the synthetic ICS would share postcode area ${area}`);
    areas.set(la_code, area);
  }
  return areas;
}

/** Deterministic: the same LSOAs always get the same postcodes, each postcode in one LSOA. */
export function syntheticPostcodes(lsoas: LsoaGeographyRow[]): SyntheticPostcode[] {
  const areas = postcodeAreas(lsoas);
  const wardsOfLa = new Map<string, string[]>();
  for (const { la_code, ward_code } of lsoas) {
    const wards = wardsOfLa.get(la_code) ?? [];
    if (!wards.includes(ward_code ?? '')) wards.push(ward_code ?? '');
    wardsOfLa.set(la_code, wards);
  }
  const lsoasSeenInWard = new Map<string, number>();
  return lsoas.flatMap((lsoa, index) => {
    const wards = wardsOfLa.get(lsoa.la_code) ?? [];
    const wardKey = `${lsoa.la_code}/${lsoa.ward_code ?? ''}`;
    const seen = lsoasSeenInWard.get(wardKey) ?? 0;
    lsoasSeenInWard.set(wardKey, seen + 1);
    // A ward with more than ten LSOAs goes on in a further district, as busy areas do.
    const district = wards.indexOf(lsoa.ward_code ?? '') + 1 + wards.length * Math.floor(seen / 10);
    const outward = `${areas.get(lsoa.la_code) ?? 'X'}${district}`;
    return Array.from({ length: POSTCODES_PER_LSOA }, (_v, j) => {
      const unit = `${UNIT_LETTERS[j] ?? 'A'}${UNIT_LETTERS[(index + 3 * j) % UNIT_LETTERS.length] ?? 'A'}`;
      return { postcode: `${outward} ${seen % 10}${unit}`, lsoa_code: lsoa.lsoa_code };
    });
  });
}

/**
 * Makes the synthetic postcodes the store's postcode lookup, read as a directory file is (a CSV
 * with the NSPL's headings for the columns it needs).
 */
export async function loadSyntheticPostcodes(
  store: AnalyticsStore,
  lsoas: LsoaGeographyRow[],
): Promise<PostcodeCounts> {
  const folder = mkdtempSync(path.join(store.root, 'tmp', 'postcodes-'));
  const file = path.join(folder, 'postcodes.csv');
  const vintage = lsoas[0]?.vintage === '2011' ? 'lsoa11' : 'lsoa21';
  try {
    const rows = syntheticPostcodes(lsoas).map((p) => `${p.postcode},${p.lsoa_code}`);
    writeFileSync(file, [`pcds,${vintage}`, ...rows, ''].join('\n'));
    return await importPostcodes(store, [
      { file: { path: file, name: demoPostcodeSource }, columns: postcodeColumns(['pcds', vintage], file) },
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
