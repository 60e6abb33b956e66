/** A file that cannot be imported as it is, with a message for the person who gave it. */
export class SourceFileError extends Error {
  override readonly name = 'SourceFileError';
}

// DuckDB's words for a Parquet file it cannot decode (kept narrow: "out of range" alone also
// describes a value that does not fit a type).
const CORRUPT = /corrupt/i;
const UNDECODABLE = /parquet[\s\S]*(?:decompress|truncated|out of range|magic)/i;
// The Thrift decoder of a page header that is not one; which damage is met first depends on the
// thread that reads it, so the same file can fail with either kind of message.
const NOT_A_HEADER = /invalid TType|TProtocolException/i;

/** A problem of one of several files read together, said of it by name (several-workbooks.ts). */
export class NamedFileError extends SourceFileError {}

/** The message for a damaged Parquet file, told apart so that it is not given twice. */
class DamagedParquetError extends SourceFileError {}

/** Whether the problem has been put in words already: a damaged file's, or a named file's own. */
const saidAlready = (error: unknown): boolean =>
  error instanceof DamagedParquetError ||
  error instanceof NamedFileError ||
  (error instanceof Error && saidAlready(error.cause));

/** A Parquet file whose headings read but whose rows do not: damaged, or cut short in copying. */
export function damagedParquetError(error: unknown): SourceFileError | null {
  const message = error instanceof Error ? error.message : '';
  const damaged = [CORRUPT, UNDECODABLE, NOT_A_HEADER].some((said) => said.test(message));
  if (saidAlready(error) || !damaged) return null;
  return new DamagedParquetError(
    `The Parquet file could not be read past its headings: it may be damaged or only partly copied. Export it again and import the new copy. Nothing was stored. (${message.split('\n')[0]})`,
    { cause: error },
  );
}
