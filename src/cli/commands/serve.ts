import { loadConfig } from '../../config.ts';
import { connectDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createServices } from '../../services.ts';
import { buildApp } from '../../web/app.ts';
import { CliError, type CliIO } from '../context.ts';
import { printDemoCredentials, loadDemo } from './demo.ts';

/** Runs the web app until SIGINT/SIGTERM, then finishes open requests and closes the database. */
export async function serve(io: CliIO, options: { withDemo: boolean }): Promise<void> {
  const config = loadConfig(io.env);
  const database = connectDatabase(config.databaseUrl);
  await migrateToLatest(database.db);
  const services = createServices({ config, database });
  if (options.withDemo) {
    await loadDemo(services, io);
    printDemoCredentials(config, io);
  }
  const app = await buildApp(services);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    await database.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `Port ${config.port} is already in use. Stop the program using it, or choose another port, e.g. PORT=3001 npm start.`,
      );
    }
    throw error;
  }
  io.out(`Parity is running at ${config.baseUrl} (database: ${database.dialect}). Press Ctrl+C to stop.`);
}
