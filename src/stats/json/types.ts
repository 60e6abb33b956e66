/**
 * The JSON interface of the statistics engine (`parity stats <method>`): the input is
 * `{ "params": {...}, "rows": [...] }` with the reference package's argument names, the output is
 * `{ "rows": [...] }` with its output column names. NA is written as null.
 */
export type JsonRow = Record<string, unknown>;

export interface JsonInput {
  params: Record<string, unknown>;
  rows: JsonRow[];
}

export interface JsonOutput {
  rows: JsonRow[];
}

export type JsonMethod = (input: JsonInput) => JsonOutput;

/** NaN and ±Infinity mean "not available" inside the engine; JSON shows them as null. */
export function na(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
