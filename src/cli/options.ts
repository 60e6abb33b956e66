import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './context.ts';

/**
 * parseArgs, refusing an option given more than once that takes one value: Node keeps the last
 * and drops the others without a word (a second --population file would be lost).
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const { tokens = [] } = parseArgs({ ...config, tokens: true });
  const given = new Map<string, number>();
  for (const token of tokens)
    if (token.kind === 'option') given.set(token.name, (given.get(token.name) ?? 0) + 1);
  for (const [name, times] of given)
    if (times > 1 && !config.options?.[name]?.multiple)
      throw new CliError(
        `--${name} was given ${times} times, but takes one value: give it once, or run the command once for each.`,
      );
  return parseArgs(config);
}
