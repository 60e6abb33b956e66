// A fictional integrated care system for the demo and the benchmark: three places, five local
// authorities, 100 wards and 600 LSOAs with a realistic spread of deprivation (a deprived city, a
// mixed county and an affluent rural area). Codes start with X so they never match a real area.
import { deprivationDomains } from '../geography/domains.ts';
import { createRandom, type Random } from '../../stats/random.ts';
import {
  quintileOf,
  type LsoaGeographyRow,
  type PlaceConfig,
  type PopulationRow,
} from '../geography/model.ts';

interface AuthoritySpec {
  code: string;
  name: string;
  place: string;
  wards: number;
  lsoas: number;
  /** Relative weights of national deciles 1–10 for a ward's centre. */
  decileWeights: number[];
}

// prettier-ignore
const authorities: AuthoritySpec[] = [
  { code: 'X06000001', name: 'Riverside', place: 'Riverside City', wards: 21, lsoas: 200, decileWeights: [26, 24, 14, 10, 8, 6, 5, 3, 2, 2] },
  { code: 'X07000001', name: 'Northfield', place: 'Northshire', wards: 18, lsoas: 90, decileWeights: [2, 3, 6, 9, 12, 14, 15, 15, 13, 11] },
  { code: 'X07000002', name: 'Eastmoor', place: 'Northshire', wards: 20, lsoas: 100, decileWeights: [4, 5, 8, 10, 12, 13, 13, 13, 11, 11] },
  { code: 'X07000003', name: 'Hollowdale', place: 'Northshire', wards: 18, lsoas: 100, decileWeights: [0, 1, 3, 6, 10, 14, 17, 18, 16, 15] },
  { code: 'X07000004', name: 'Kingsbrook', place: 'Northshire', wards: 15, lsoas: 85, decileWeights: [1, 2, 5, 8, 12, 15, 16, 16, 13, 12] },
  { code: 'X06000002', name: 'Westdale', place: 'Westdale', wards: 8, lsoas: 25, decileWeights: [0, 0, 1, 3, 7, 12, 18, 22, 20, 17] },
];

const wardStems = [
  'Abbey',
  'Ash',
  'Birch',
  'Brook',
  'Castle',
  'Clay',
  'Dale',
  'Elm',
  'Fern',
  'Glen',
  'Hazel',
  'Hill',
  'Ivy',
  'Lark',
  'Mill',
  'Oak',
  'Quarry',
  'Rowan',
  'Stone',
  'Thorn',
  'Vale',
  'Willow',
  'Wren',
  'Yew',
  'Heron',
];
const wardEndings = ['field', 'side', 'gate', 'ton', 'ley', 'wick', 'moor', 'bridge'];

export const syntheticPlaces: PlaceConfig = {
  'Riverside City': ['X06000001'],
  Northshire: ['X07000001', 'X07000002', 'X07000003', 'X07000004'],
  Westdale: ['X06000002'],
};

export const SYNTHETIC_SEED = 4_202_601;
export const syntheticImdVersion = 'Synthetic IMD (demo)';

function pick(weights: number[], random: Random): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = random.uniform() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

const clampDecile = (d: number): number => Math.min(10, Math.max(1, d));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The 600 LSOAs of the fictional ICS, always the same (seeded). */
export function syntheticLsoas(seed = SYNTHETIC_SEED): LsoaGeographyRow[] {
  const random = createRandom(seed);
  const rows: LsoaGeographyRow[] = [];
  let wardNumber = 0;
  let lsoaNumber = 0;
  for (const la of authorities) {
    const wardCentres = Array.from({ length: la.wards }, () => pick(la.decileWeights, random) + 1);
    for (let i = 0; i < la.lsoas; i++) {
      const ward = i % la.wards;
      const wardIndex = wardNumber + ward;
      const drift = Math.round((random.uniform() - 0.5) * 3);
      const decile = clampDecile((wardCentres[ward] as number) + drift);
      lsoaNumber += 1;
      rows.push({
        lsoa_code: `X01${pad(lsoaNumber, 6)}`,
        vintage: '2021',
        lsoa_name: `${la.name} ${pad(Math.floor(i / 4) + 1, 3)}${'ABCD'[i % 4] ?? 'A'}`,
        ward_code: `X05${pad(wardIndex + 1, 6)}`,
        ward_name: wardName(wardIndex),
        la_code: la.code,
        la_name: la.name,
        place: la.place,
        imd_version: syntheticImdVersion,
        imd_rank: Math.floor((decile - 1) * 3375.5 + random.uniform() * 3375) + 1,
        imd_decile: decile,
        imd_quintile: quintileOf(decile),
        core20: decile <= 2 ? 1 : 0,
      });
    }
    wardNumber += la.wards;
  }
  return withDomainDeciles(rows, seed);
}

/**
 * Each domain's decile near the LSOA's IMD decile (as domains track the index they make up), from a
 * random stream of its own so that the rest of the fictional ICS stays as it was.
 */
function withDomainDeciles(rows: LsoaGeographyRow[], seed: number): LsoaGeographyRow[] {
  const random = createRandom(seed + 7);
  return rows.map((row) => ({
    ...row,
    domains: Object.fromEntries(
      deprivationDomains.map((d) => [
        `${d.id}_decile`,
        clampDecile(row.imd_decile + Math.round((random.uniform() - 0.5) * 4)),
      ]),
    ),
  }));
}

function wardName(index: number): string {
  const stem = wardStems[index % wardStems.length] as string;
  const ending = wardEndings[Math.floor(index / wardStems.length) % wardEndings.length] as string;
  return `${stem}${ending}`;
}

/**
 * Persons by single year of age (0–90+) at mid-`midYear`: younger in more deprived LSOAs, 1% more
 * people each year from mid-2023.
 */
export function syntheticPopulation(
  lsoas: LsoaGeographyRow[],
  midYear = 2023,
  seed = SYNTHETIC_SEED,
): PopulationRow[] {
  const growth = 1 + 0.01 * (midYear - 2023);
  const random = createRandom(seed + 1);
  const rows: PopulationRow[] = [];
  for (const lsoa of lsoas) {
    const total = 1200 + Math.floor(random.uniform() * 1000);
    const scale = 38 + lsoa.imd_decile * 2.5;
    const weights = Array.from({ length: 91 }, (_v, age) => Math.exp(-age / scale) * (age >= 90 ? 4 : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, age) => {
      rows.push({
        lsoa_code: lsoa.lsoa_code,
        vintage: '2021',
        sex: 'P',
        age,
        population: Math.max(1, Math.round((growth * total * w) / sum)),
        mid_year: midYear,
      });
    });
  }
  return rows;
}
