// A read-only view of the analytics reference geography for other features (places, outreach):
// each ward of each place with its local authority and how many of its LSOAs are in the Core20.
import { existsSync } from 'node:fs';
import { analyticsStore, type AnalyticsStore } from '../../analytics/store.ts';
import { geographyTables } from '../../analytics/geography/model.ts';
import { inPlacesCondition } from '../../analytics/geography/geography-store.ts';
import { literal } from '../../analytics/sql-text.ts';

export interface PlaceWard {
  place: string;
  laCode: string;
  laName: string;
  wardCode: string;
  wardName: string;
  lsoas: number;
  core20Lsoas: number;
}

/**
 * Wards of the newest LSOA vintage loaded, in the configured places only (a national deprivation
 * file holds every ward in England); empty until the geography has been imported.
 */
export async function readPlaceWards(store: AnalyticsStore): Promise<PlaceWard[]> {
  const file = store.geographyPath(geographyTables.lsoa);
  if (!existsSync(file)) return [];
  const source = `read_parquet(${literal(file)})`;
  const inPlaces = await inPlacesCondition(store);
  const rows = await store.query<Record<string, string | number>>(
    `SELECT place, la_code, la_name, ward_code, ward_name, count(*) AS lsoas, sum(core20) AS core20
       FROM ${source}
      WHERE ward_code IS NOT NULL AND vintage = (SELECT max(vintage) FROM ${source}) AND ${inPlaces}
      GROUP BY place, la_code, la_name, ward_code, ward_name
      ORDER BY place, la_name, ward_name`,
  );
  return rows.map((r) => ({
    place: String(r.place),
    laCode: String(r.la_code),
    laName: String(r.la_name),
    wardCode: String(r.ward_code),
    wardName: String(r.ward_name ?? r.ward_code),
    lsoas: Number(r.lsoas),
    core20Lsoas: Number(r.core20),
  }));
}

/** The read-only geography reader other features are given (the store is shared per data folder). */
export function placeWardReader(dataDir: string): { placeWards(): Promise<PlaceWard[]> } {
  return { placeWards: async () => readPlaceWards(await analyticsStore(dataDir)) };
}
