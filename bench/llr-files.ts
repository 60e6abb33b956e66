// The official files of Leicester, Leicestershire and Rutland in ../shared/data that benchmarks read.
import path from 'node:path';

const shared = path.resolve(import.meta.dirname, '../../shared/data');
export const imd = path.join(shared, 'iod2025_imd_lsoa21_llr.csv');
export const wards = path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv');
/** The ONS LSOA 2011 → 2021 lookup of England and Wales. */
export const lookup = path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz');
/** The lookup's rows of LLR's local authorities. */
export const LLR = `(LAD22CD IN ('E06000016', 'E06000017') OR LAD22CD LIKE 'E0700013%')`;
