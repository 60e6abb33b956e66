import { loadConfig, ConfigError } from '../../config.ts';
import { connectDatabase } from '../../db/connect.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import { createServices } from '../../services.ts';
import type { CliIO } from '../context.ts';

/** Checks configuration, database and mail without changing anything; exit code 1 if anything is wrong. */
export async function doctor(io: CliIO): Promise<boolean> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return false;
  }
  io.out(`ok    configuration (${config.env}, ${config.baseUrl})`);
  const database = connectDatabase(config.databaseUrl);
  let healthy = true;
  try {
    const services = createServices({ config, database });
    const report = await services.health.check();
    if (report.database !== 'ok') {
      io.err(`fail  database ${database.dialect} at ${database.location} is unreachable`);
      return false;
    }
    io.out(`ok    database ${database.dialect} at ${database.location}`);
    const pending = await pendingMigrations(database.db);
    if (pending.length) {
      healthy = false;
      io.err(`fail  ${pending.length} migration(s) not applied: run "parity migrate"`);
    } else io.out('ok    database schema is up to date');
    io.out(`ok    e-mail goes to ${services.mailer.describe()}`);
    io.out(
      config.disclosureLimits === 'rounded'
        ? 'ok    published percentages, crude rates and limits come from the rounded counts (DISCLOSURE_LIMITS)'
        : 'ok    published percentages, crude rates and limits come from the exact counts (DISCLOSURE_LIMITS=rounded to change)',
    );
    if (config.env === 'production' && !config.secureCookies) {
      healthy = false;
      io.err('fail  BASE_URL must be https:// in production so cookies are sent securely');
    }
    return healthy;
  } finally {
    await database.close();
  }
}
