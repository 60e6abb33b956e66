// Rows for tests of the indicator pack: events with Parity's standard columns, populations by single
// year of age, and the directly standardised rate worked out here, independently of src/stats.
import { ESP2013 } from '../src/stats/standard-populations.ts';

/** ESP2013 five-year band of an age (0 = 0–4 … 18 = 90+). */
export const espBandOf = (age: number): number => Math.min(Math.floor(age / 5), 18);

/**
 * Event `n` with the standard columns in the order activityColumns gives them (female, ethnic group
 * A, 1 June 2024); `fields` replaces any of them and adds the measures after them.
 */
export const testEvent = <T extends { lsoa_code: string; age: number }>(
  n: number,
  { lsoa_code, age, ...more }: T,
) => ({
  person_id: `P${n}`,
  lsoa_code,
  age,
  age_band: '25-34',
  esp_band: espBandOf(age),
  sex: 'F',
  ethnic_code: 'A',
  event_date: '2024-06-01',
  period: '2024/25',
  ...more,
});

/** Population rows of each LSOA at ages 0 … 90 (90 standing for 90 and over), of each sex given, at mid-`midYear`. */
export const testPopulation = (
  lsoas: { lsoa_code: string }[],
  people: (lsoa: number, age: number, sex: string) => number,
  sexes = ['P'],
  midYear = 2024,
) =>
  lsoas.flatMap((g, i) =>
    sexes.flatMap((sex) =>
      Array.from({ length: 91 }, (_v, age) => ({
        lsoa_code: g.lsoa_code,
        vintage: '2021',
        sex,
        age,
        population: people(i, age, sex),
        mid_year: midYear,
      })),
    ),
  );

/**
 * The ESP2013 directly standardised rate per 100,000 of events and people counted by band, over the
 * bands that have people (those of the age range of the population).
 */
export function referenceDsr(events: number[], people: number[]): number {
  const bands = ESP2013.weights
    .map((weight, band) => ({ weight, band }))
    .filter(({ band }) => people[band]! > 0);
  const total = bands.reduce((sum, { weight }) => sum + weight, 0);
  return (
    (bands.reduce((sum, { weight, band }) => sum + (weight * events[band]!) / people[band]!, 0) / total) *
    100_000
  );
}
