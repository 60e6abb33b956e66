import { readFileSync } from 'node:fs';
import { parseOptions } from '../options.ts';
import { systemActor } from '../../features/audit/audit.ts';
import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

/** parity geo import [--imd <file>] [--lookup <file> …] [--population <file> [--population-sheet <name>] [--population-year <yyyy>]] [--ethnicity <file> …] [--postcodes <file> …] [--places <places.json>] */
export async function geoImport(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      imd: { type: 'string' },
      lookup: { type: 'string', multiple: true },
      population: { type: 'string' },
      'population-sheet': { type: 'string' },
      'population-year': { type: 'string' },
      places: { type: 'string' },
      ethnicity: { type: 'string', multiple: true },
      postcodes: { type: 'string', multiple: true },
    },
  });
  if (!values.imd && !values.population && !values.ethnicity && !values.postcodes && !values.lookup)
    throw new CliError(
      [
        'Give the deprivation file with --imd (IoD2019 File 1 or 2 for LSOA 2011 codes, IoD2025 for LSOA 2021), population estimates with --population, or both.',
        'Ward lookups are imported with the deprivation file of their vintage, which the import replaces whole; population estimates with it or on their own (a new mid-year).',
        'The ONS LSOA 2011 → 2021 lookup (--lookup too) is kept, so that datasets whose LSOA codes mix the two vintages are read as one; it may be given on its own.',
        'Each file is CSV (.csv or .csv.gz) or a spreadsheet (.xlsx or .ods) as published; of a population workbook, the worksheet of every mid-year is read, unless --population-sheet names one.',
        'Population estimates are kept by mid-year, each financial year\'s rates over its own (2023/24 over mid-2023): the year is read from the worksheet or the file\'s name ("mid2020"), or given with --population-year; estimates of another year are kept beside them.',
        'The Census 2021 ethnic group table by LSOA (TS021, --ethnicity), and the detailed groups by local authority (--ethnicity again), set the people each dataset reaches beside the people living in the places, and are the denominators of rates of every age by ethnic group.',
        "The ONS postcode directory (--postcodes: the NSPL or ONSPD, as CSV; or --postcodes once for each postcode area's file of its multi_csv folder) lets datasets with postcodes but no LSOA code be linked to their LSOAs: the postcodes themselves are never stored with a dataset. Each import replaces the whole postcode lookup.",
        'Places (--places places.json, e.g. {"Rutland": ["E06000017"]}) group local authorities and are the area rates are for: with the national files, LSOAs outside them keep their deprivation, but rates count the people living in the places only.',
        'Usage: parity geo import [--imd <file>] [--lookup <file>]… [--population <file> [--population-sheet <name>] [--population-year <yyyy>]] [--ethnicity <file>]… [--postcodes <file>]… [--places <places.json>]',
      ].join('\n'),
    );
  if (!values.imd && values.places)
    throw new CliError(
      'Places are set with the deprivation file (--imd), whose local authorities they group.',
    );
  const year = values['population-year'];
  if (year !== undefined && !/^(19|20)\d{2}$/.test(year))
    throw new CliError(
      `--population-year takes the mid-year of the estimates as four figures, such as 2023: not ${year}`,
    );
  if (year !== undefined && !values.population)
    throw new CliError(
      '--population-year is the mid-year of the population estimates given with --population.',
    );
  const [ethnicity, otherEthnicity, ...more] = values.ethnicity ?? [];
  if (more.length)
    throw new CliError(
      '--ethnicity takes two files at most: the Census 2021 ethnic groups by LSOA, and the detailed groups by local authority.',
    );
  let places: unknown;
  if (values.places) {
    try {
      places = JSON.parse(readFileSync(values.places, 'utf8')) as unknown;
    } catch {
      throw new CliError(`The places file ${values.places} could not be read as JSON`);
    }
  }
  try {
    const summary = await services.analytics.importGeography(systemActor, {
      imd: values.imd,
      lookups: values.lookup,
      population: values.population,
      populationSheet: values['population-sheet'],
      populationYear: year === undefined ? undefined : Number(year),
      ethnicity,
      postcodes: values.postcodes,
      places,
    });
    // The second census table is imported on its own, once the rest is in.
    const other =
      otherEthnicity === undefined
        ? null
        : await services.analytics
            .importGeography(systemActor, { ethnicity: otherEthnicity })
            .catch((error: unknown) => {
              // What was imported stays: say so before why the second table was not.
              io.out(JSON.stringify(summary, null, 2));
              io.err(
                `The files above were imported; the second --ethnicity file, ${otherEthnicity}, was not:`,
              );
              throw error;
            });
    io.out(
      JSON.stringify(
        other
          ? {
              ...summary,
              censusEthnicity: other.censusEthnicity ?? summary.censusEthnicity,
              censusEthnicityDetailed: other.censusEthnicityDetailed ?? summary.censusEthnicityDetailed,
            }
          : summary,
        null,
        2,
      ),
    );
    return 0;
  } finally {
    await services.analytics.close();
  }
}
