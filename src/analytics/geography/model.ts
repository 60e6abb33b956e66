// The reference geography the analytics joins to: one row per LSOA (of one vintage) with its ward,
// local authority, place and deprivation, and LSOA populations by single year of age.

export type LsoaVintage = '2011' | '2021';

export interface LsoaGeographyRow {
  lsoa_code: string;
  vintage: LsoaVintage;
  lsoa_name: string;
  ward_code: string | null;
  ward_name: string | null;
  la_code: string;
  la_name: string;
  place: string;
  imd_version: string;
  imd_rank: number;
  imd_decile: number;
  imd_quintile: number;
  /** 1 when the LSOA is in national IMD deciles 1–2 (the Core20), else 0. */
  core20: number;
  /**
   * 1 when the LSOA's local authority is in one of the configured places (or no places were
   * configured), else 0: rates count the people living in the area only.
   */
  in_area?: number;
  /** The deprivation domains' ranks, deciles and scores that are known (domains.ts: income_decile …). */
  domains?: Record<string, number>;
}

export interface PopulationRow {
  lsoa_code: string;
  vintage: LsoaVintage;
  /** "F", "M", or "P" (persons) when the source gives no split by sex. */
  sex: string;
  /** Single year of age; 90 stands for 90 and over. */
  age: number;
  population: number;
  /** The mid-year (30 June) of the estimate; null when not recorded. */
  mid_year: number | null;
}

/** A place is a set of local authorities (e.g. Leicester City; Leicestershire's seven districts; Rutland). */
export type PlaceConfig = Record<string, string[]>;

/** The configured places of an LSOA vintage: rates count the people living in them only. */
export interface ResidentArea {
  places: string[];
}

export const geographyTables = {
  lsoa: 'lsoa_geography',
  population: 'lsoa_population',
  /** Census 2021 usual residents of each LSOA 2021 by broad ethnic group (TS021). */
  ethnicity: 'lsoa_ethnicity',
  /** Census 2021 usual residents of each local authority by detailed ethnic group (census-detailed.ts). */
  ethnicityDetailed: 'la_ethnicity',
  /**
   * Postcode → LSOA (postcodes.ts), from the ONS postcode directories (NSPL, ONSPD): postcode in
   * capitals without spaces, lsoa_2011 and lsoa_2021 (either may be NULL).
   */
  postcodes: 'postcode_lsoa',
  /** The ONS LSOA 2011 → 2021 lookup (lsoa-lookup.ts): lsoa11_code, lsoa21_code, change. */
  lsoaLookup: 'lsoa_2011_2021',
} as const;

export const quintileOf = (decile: number): number => Math.ceil(decile / 2);
