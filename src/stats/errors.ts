/**
 * An input the method cannot compute from. The message is plain English and says what to change,
 * following the wording the reference package (PHEindicatormethods) uses where it has one.
 */
export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
}

export function fail(message: string): never {
  throw new StatsInputError(message);
}
