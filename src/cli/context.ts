import { loadConfig, type Config } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServices, type Services } from '../services.ts';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Where configuration is read from; absent means the process environment (through config.ts). */
  env?: Record<string, string | undefined>;
  /** Input for commands that read it (default: standard input). */
  stdin?: NodeJS.ReadableStream;
}

export const consoleIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Opens the configured database, brings it up to date, and hands the services to `work`. */
export async function withServices<T>(
  io: CliIO,
  work: (services: Services) => Promise<T>,
  options: { config?: Config; migrate?: boolean } = {},
): Promise<T> {
  const config = options.config ?? loadConfig(io.env);
  const database = connectDatabase(config.databaseUrl);
  try {
    if (options.migrate !== false) await migrateToLatest(database.db);
    return await work(createServices({ config, database }));
  } finally {
    await database.close();
  }
}

/** A user-facing failure: printed without a stack trace, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
