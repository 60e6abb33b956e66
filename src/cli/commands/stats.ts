import { StatsInputError } from '../../stats/errors.ts';
import { jsonMethodNames, runJsonMethod } from '../../stats/json/index.ts';
import { CliError } from '../context.ts';

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `parity stats <method> < input.json > output.json`: the statistics engine for scripts. */
export function stats(method: string | undefined, text: string): string {
  if (!method) throw new CliError(`Say which method, one of: ${jsonMethodNames.join(', ')}`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new CliError(`The input is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return JSON.stringify(runJsonMethod(method, input));
  } catch (error) {
    if (error instanceof StatsInputError) throw new CliError(error.message);
    throw error;
  }
}
