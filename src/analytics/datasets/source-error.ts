/** A file that cannot be imported as it is, with a message for the person who gave it. */
export class SourceFileError extends Error {
  override readonly name = 'SourceFileError';
}
