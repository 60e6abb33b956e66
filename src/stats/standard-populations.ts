// Standard populations for direct standardisation, both summing to 100,000.

export interface StandardPopulation {
  name: string;
  bands: readonly string[];
  weights: readonly number[];
}

/** "0-4", "5-9", …, up to an open band "<openFrom>+". */
function fiveYearBands(openFrom: number): string[] {
  const bands = [];
  for (let start = 0; start < openFrom; start += 5) bands.push(`${start}-${start + 4}`);
  return [...bands, `${openFrom}+`];
}

/**
 * European Standard Population 2013 as packaged by PHEindicatormethods (`esp2013`): 19 bands, 0–4
 * (0 and 1–4 merged) to 90+ (90–94 and 95+ merged).
 */
export const ESP2013: StandardPopulation = {
  name: 'esp2013',
  bands: fiveYearBands(90),
  // prettier-ignore
  weights: [
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
    7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
  ],
};

/** European Standard Population 1976, 18 bands (0 and 1–4 merged) to 85+. */
export const ESP1976: StandardPopulation = {
  name: 'esp1976',
  bands: fiveYearBands(85),
  // prettier-ignore
  weights: [
    8000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000, 7000,
    7000, 6000, 5000, 4000, 3000, 2000, 1000, 1000,
  ],
};

export const STANDARD_POPULATIONS: Readonly<Record<string, StandardPopulation>> = {
  esp2013: ESP2013,
  esp1976: ESP1976,
};
