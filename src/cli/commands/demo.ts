import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Services } from '../../services.ts';
import type { CliIO } from '../context.ts';

const credentialsFile = (config: Config) => path.join(config.dataDir, 'demo-credentials.txt');

/** Loads the synthetic demo once and keeps the printed passwords beside the data (mode 600). */
export async function loadDemo(services: Services, io: CliIO): Promise<void> {
  if (services.config.env === 'production') {
    io.err('Demo data is not loaded when NODE_ENV=production.');
    return;
  }
  const credentials = await services.demo.load();
  if (!credentials) return;
  const lines = [
    'Parity demo accounts (synthetic data). Sign in at the address below.',
    services.config.baseUrl,
    ...credentials.map((c) => `${c.role.padEnd(7)} ${c.email}  password: ${c.password}`),
  ];
  writeFileSync(credentialsFile(services.config), `${lines.join('\n')}\n`, { mode: 0o600 });
  io.out('Demo data loaded: a fictional trust, partnership members and one account per role.');
}

export function printDemoCredentials(config: Config, io: CliIO): void {
  const file = credentialsFile(config);
  if (!existsSync(file)) return;
  io.out('');
  io.out(readFileSync(file, 'utf8').trimEnd());
  io.out(`(kept in ${file})`);
  io.out('');
}
