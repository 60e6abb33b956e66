import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

/** SQLite online backup (safe while Parity runs). PostgreSQL has its own tool for this. */
export async function backup(services: Services, io: CliIO, file: string | undefined): Promise<void> {
  if (!file)
    throw new CliError('Say where to write the backup, for example: parity backup backups/parity.sqlite');
  const { database } = services;
  if (!database.sqlite) {
    throw new CliError(
      `Parity is using PostgreSQL (${database.location}). Back it up with pg_dump, for example:\n  pg_dump --format=custom --file=parity.dump "$DATABASE_URL"`,
    );
  }
  const target = path.resolve(file);
  if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name.`);
  await database.sqlite.backup(target);
  io.out(`Backed up ${database.location} to ${target}.`);
}
