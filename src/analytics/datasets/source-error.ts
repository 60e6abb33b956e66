/** A file that cannot be imported as it is, with a message for the person who gave it. */
export class SourceFileError extends Error {
  override readonly name = 'SourceFileError';
}

// DuckDB's words for a Parquet file it cannot decode (kept narrow: "out of range" alone also
// describes a value that does not fit a type).
const CORRUPT = /corrupt/i;
const UNDECODABLE = /parquet[\s\S]*(?:decompress|truncated|out of range|magic)/i;

/** A Parquet file whose headings read but whose rows do not: damaged, or cut short in copying. */
export function damagedParquetError(error: unknown): SourceFileError | null {
  const message = error instanceof Error ? error.message : '';
  if (!CORRUPT.test(message) && !UNDECODABLE.test(message)) return null;
  return new SourceFileError(
    `The Parquet file could not be read past its headings: it may be damaged or only partly copied. Export it again and import the new copy. Nothing was stored. (${message.split('\n')[0]})`,
    { cause: error },
  );
}
