import { parseOptions } from './options.ts';
import { ConfigError } from '../config.ts';
import { FormError } from '../features/shared/errors.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { jsonMethodNames } from '../stats/json/index.ts';
import { CliError, consoleIO, withServices, type CliIO } from './context.ts';
import { actionsCommand } from './commands/actions-remind.ts';
import { backup } from './commands/backup.ts';
import { geoImport } from './commands/geo-import.ts';
import {
  datasetAdd,
  datasetImport,
  datasetLink,
  datasetReach,
  datasetRemove,
  demoData,
  indicatorsAdd,
  indicatorsCompute,
} from './commands/analytics.ts';
import { loadDemo, printDemoCredentials } from './commands/demo.ts';
import { doctor } from './commands/doctor.ts';
import { serve } from './commands/serve.ts';
import { readAll, stats } from './commands/stats.ts';
import { userCreate } from './commands/user-create.ts';
import { themesCommand } from './commands/themes.ts';

const usage = `Usage: parity <command> [options]

Commands:
  start                         migrate, load the synthetic demo data (first time only) and serve
  serve                         migrate and serve, without demo data
  migrate [--down]              apply every pending migration (or revert the latest)
  demo                          load the synthetic demo data and print the demo accounts
  user create --role <admin|staff|member> --email <address> --name <name>
              [--organisation <name>] [--password <password>]
  backup <file>                 copy the SQLite database while it runs (PostgreSQL: use pg_dump)
  doctor                        check configuration, database and e-mail settings
  actions remind                e-mail owners of actions due soon or overdue (once a day per action)
  stats <method> < input.json   run a statistical method on JSON (see docs/methods/json-interface.md):
                                ${jsonMethodNames.join(', ')}
  geo import [--imd <file>] [--lookup <file>]… [--population <file> [--population-sheet <name>]]
             [--ethnicity <file>] [--postcodes <file>]… [--places <places.json>]
                                import IoD2019/IoD2025, ward and LSOA 2011→2021 lookups, populations,
                                census ethnic groups (CSV or .xlsx as published) and the ONS postcode
                                directory (NSPL or ONSPD, CSV: postcode → LSOA)
  dataset import <file> [<file>…] --name <name> [--map <mapping.json>] [--sheet <name>] [--all-sheets]
                                import a CSV, Parquet or XLSX extract into the analytics store (several
                                files as one dataset, in any mix of formats, with the same headings or
                                some with columns added or left out; of each workbook, the worksheet
                                named, and with --all-sheets every other worksheet with the same
                                headings, or those and more, in any order, too)
  dataset add <file> [<file>…] --name <name> [--corrections]
                                add files (next month's extract) to a dataset, read with its columns;
                                rows dated on days it already holds are refused, or with --corrections
                                replace its rows on those days
  dataset link <schema.table> --name <name> [--vintage 2011|2021]
                                use a PostgreSQL table of lsoa_code and the other standard columns it
                                has (ANALYTICS_DATABASE_URL)
  dataset reach --name <name> [--format json|csv]
                                who a dataset reaches by deprivation, place and ethnic group, against
                                the residents (the tables of its "Who it reaches" page)
  dataset remove --name <name>  delete a dataset, its stored file and the results computed from it
                                (a linked PostgreSQL table itself is left as it is)
  indicators compute --dataset <name> [--indicator <id>] [--by <dim,...>] [--format json|csv]
  indicators add <definition.json>
                                add an indicator to the catalogue (see docs/analytics.md)
  demo-data --rows <n> --out <file.parquet|file.csv> [--seed <n>] [--postcodes]
                                write synthetic service activity for the fictional ICS (with
                                --postcodes, the demo's postcodes in the place of LSOA codes)
  themes train [--data <csv>] [--include-corrections] [--out <file>] [--no-evaluate]
                                train the insight theme, QDC and sentiment model (models/themes-v1.json.gz)
  themes evaluate [--data <csv>] [--folds <n>]
                                5-fold cross-validation of the theme and sentiment models, as JSON
  help                          show this message (<command> --help: that command's lines)

Configuration comes from environment variables; see .env.example.`;

/** The usage of one command: each of its forms, with the lines that continue it. */
function usageOf(name: string): string {
  const lines: string[] = [];
  let taking = false;
  for (const line of usage.split('\n')) {
    if (/^ {2}\S/.test(line)) taking = line.trimStart().split(' ')[0] === name;
    else if (!line.startsWith('   ')) taking = false;
    if (taking) lines.push(line);
  }
  return `Usage: parity ${name} …\n\n${lines.join('\n')}\n\nConfiguration comes from environment variables; see .env.example.`;
}

type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, Command> = {
  start: async (_args, io) => (await serve(io, { withDemo: true }), 0),
  serve: async (_args, io) => (await serve(io, { withDemo: false }), 0),
  migrate: async (args, io) => {
    const { values } = parseOptions({ args, options: { down: { type: 'boolean' } } });
    const names = await withServices(
      io,
      (s) => (values.down ? migrateDown(s.database.db) : migrateToLatest(s.database.db)),
      { migrate: false },
    );
    io.out(names.length ? `${values.down ? 'Reverted' : 'Applied'}: ${names.join(', ')}` : 'Nothing to do.');
    return 0;
  },
  demo: async (_args, io) => {
    await withServices(io, async (s) => {
      if (await s.demo.isLoaded()) io.out('Demo data was already loaded.');
      else await loadDemo(s, io);
      printDemoCredentials(s.config, io);
    });
    return 0;
  },
  user: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub !== 'create') throw new CliError('Did you mean "parity user create"?');
    const { values } = parseOptions({
      args: rest,
      options: {
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        password: { type: 'string' },
      },
    });
    await withServices(io, (s) => userCreate(s, io, values));
    return 0;
  },
  backup: async (args, io) => {
    await withServices(io, (s) => backup(s, io, args[0]));
    return 0;
  },
  doctor: async (_args, io) => ((await doctor(io)) ? 0 : 1),
  actions: async (args, io) => withServices(io, (s) => actionsCommand(s, io, args)),
  dataset: async (args, io) => {
    if (args[0] === 'add') return withServices(io, (s) => datasetAdd(s, io, args.slice(1)));
    if (args[0] === 'link') return withServices(io, (s) => datasetLink(s, io, args.slice(1)));
    if (args[0] === 'remove') return withServices(io, (s) => datasetRemove(s, io, args.slice(1)));
    if (args[0] === 'reach') return withServices(io, (s) => datasetReach(s, io, args.slice(1)));
    if (args[0] !== 'import')
      throw new CliError(
        'Did you mean "parity dataset import", "parity dataset add", "parity dataset link", "parity dataset reach" or "parity dataset remove"?',
      );
    return withServices(io, (s) => datasetImport(s, io, args.slice(1)));
  },
  indicators: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'compute') return withServices(io, (s) => indicatorsCompute(s, io, rest));
    if (sub === 'add') return withServices(io, (s) => indicatorsAdd(s, io, rest));
    throw new CliError('Did you mean "parity indicators compute" or "parity indicators add"?');
  },
  geo: async (args, io) => {
    if (args[0] !== 'import') throw new CliError('Did you mean "parity geo import"?');
    return withServices(io, (s) => geoImport(s, io, args.slice(1)));
  },
  'demo-data': async (args, io) => withServices(io, (s) => demoData(s, io, args)),
  themes: async (args, io) => themesCommand(io, args, (work) => withServices(io, work)),
  stats: async (args, io) => {
    io.out(stats(args[0], await readAll(io.stdin ?? process.stdin)));
    return 0;
  },
};

export async function runCli(argv: string[], io: CliIO = consoleIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usageOf(name));
    return 0;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof FormError) {
      io.err(error.errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
      return 1;
    }
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${usage}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts')) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}
