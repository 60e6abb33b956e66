import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import SqliteDatabase from 'better-sqlite3';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { runCli } from './main.ts';
import { temporaryDir } from '../../test/temporary-dirs.ts';

let env: Record<string, string>;

function captureIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env }, out, err };
}

describeEachDatabase('the command line', (current, dialect) => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = temporaryDir('parity-cli-');
    env = { DATA_DIR: dataDir, DATABASE_URL: current().url, LOG_LEVEL: 'silent' };
  });

  it('creates an account and prints its generated password once', async () => {
    const { io, out } = captureIO();
    const code = await runCli(
      ['user', 'create', '--role', 'staff', '--email', 'Lee@Example.org', '--name', 'Lee Staff'],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Created staff account for Lee Staff <lee@example.org>/);
    expect(out.join('\n')).toMatch(/Password: \S{16,}/);
  });

  it('explains every problem with the input and exits 1', async () => {
    const { io, err } = captureIO();
    const code = await runCli(['user', 'create', '--role', 'boss', '--email', 'nope', '--name', ''], io);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('name: Enter a full name');
    expect(err.join('\n')).toContain('email: Enter an email address in the correct format');
    expect(err.join('\n')).toContain('role: Select a role');
  });

  it('loads the demo once and prints the accounts each time; prints who a dataset reaches, or why it cannot be compared; links its postcodes', async () => {
    const first = captureIO();
    expect(await runCli(['demo'], first.io)).toBe(0);
    expect(first.out.join('\n')).toMatch(/admin\s+admin@demo\.parity\.invalid\s+password: demo-/);
    const second = captureIO();
    expect(await runCli(['demo'], second.io)).toBe(0);
    expect(second.out.join('\n')).toContain('Demo data was already loaded.');
    expect(second.out.join('\n')).toMatch(/member\s+member@demo\.parity\.invalid/);

    // Who the demo's dataset reaches, as the tables of its reach page.
    const demo = captureIO();
    const args = ['dataset', 'reach', '--name', 'Synthetic service activity (demo)', '--format', 'json'];
    expect(await runCli(args, demo.io)).toBe(0);
    const rows = JSON.parse(demo.out.join('\n')) as { comparison: string; group: string; ratio: number }[];
    const comparisons = [...new Set(rows.map((r) => r.comparison))];
    expect(comparisons).toEqual([
      'IMD quintile',
      'Place',
      'Place, the share living in the Core20',
      'IMD quintile, allowing for age',
      'Place, allowing for age',
      'Place, the share living in the Core20, allowing for age',
      'Age, in ten-year groups',
      'Ethnic group',
      'Detailed ethnic group',
      'Ethnic group, the share living in the Core20',
    ]);
    expect(rows[0]?.group).toBe('1 (most deprived: the Core20)');
    expect(demo.err).toEqual([]);

    // Synthetic rows with the demo's postcodes import against the demo's postcode directory.
    const withPostcodes = path.join(dataDir, 'with-postcodes.csv');
    const written = captureIO();
    const generate = ['demo-data', '--rows', '300', '--out', withPostcodes, '--postcodes', '--seed', '4'];
    expect(await runCli(generate, written.io)).toBe(0);
    expect(readFileSync(withPostcodes, 'utf8').split('\n')[0]).toMatch(/^person_id,postcode,age,/);
    const linked = captureIO();
    expect(await runCli(['dataset', 'import', withPostcodes, '--name', 'Postcodes'], linked.io)).toBe(0);
    expect(JSON.parse(linked.out.join('\n'))).toMatchObject({
      rowsRead: 300,
      rowsStored: 300,
      rowsWithProblems: 0,
      columnsRead: { postcode: 'postcode' },
    });

    // Without reference geography, nothing is compared, and the command says why.
    const file = path.join(dataDir, 'extract.csv');
    writeFileSync(file, 'lsoa_code,age\nE01999999,40\n');
    const bare = { ...env, DATA_DIR: temporaryDir('parity-cli-bare-') };
    expect(
      await runCli(['dataset', 'import', file, '--name', 'Bare'], { ...captureIO().io, env: bare }),
    ).toBe(0);
    const none = captureIO();
    expect(await runCli(['dataset', 'reach', '--name', 'Bare'], { ...none.io, env: bare })).toBe(0);
    expect(none.out).toEqual([
      'comparison,group,share_of_people_reached_percent,share_of_residents_percent,ratio,lower_95,upper_95,reading,people_compared',
    ]);
    expect(none.err).toEqual([
      'Deprivation and place not compared: no population estimates have been imported for this dataset’s LSOA areas.',
      'Ethnic group not compared: no Census 2021 ethnic group table has been imported.',
    ]);
    const unknown = captureIO();
    expect(await runCli(['dataset', 'reach', '--name', 'Nowhere'], unknown.io)).toBe(1);
    expect(unknown.err.join('\n')).toContain('There is no imported dataset called Nowhere');
  });

  it('checks its own health', async () => {
    const { io, out } = captureIO();
    expect(await runCli(['doctor'], io)).toBe(0);
    expect(out.join('\n')).toContain(`ok    database ${dialect}`);
    expect(out.join('\n')).toContain('ok    database schema is up to date');
    expect(out.join('\n')).toContain('limits come from the exact counts');
  });

  it(
    dialect === 'sqlite'
      ? 'backs up the SQLite database while it is in use'
      : 'points PostgreSQL users to pg_dump',
    async () => {
      const { io, out, err } = captureIO();
      const target = path.join(dataDir, 'backup.sqlite');
      const code = await runCli(['backup', target], io);
      if (dialect === 'sqlite') {
        expect(code).toBe(0);
        expect(out.join('\n')).toContain('Backed up');
        const copy = new SqliteDatabase(target, { readonly: true });
        const count = copy.prepare('select count(*) as n from users').get() as { n: number };
        copy.close();
        expect(count.n).toBeGreaterThan(0);
        expect(await runCli(['backup', target], captureIO().io)).toBe(1);
      } else {
        expect(code).toBe(1);
        expect(err.join('\n')).toContain('pg_dump');
        expect(existsSync(target)).toBe(false);
      }
    },
  );

  it('removes a dataset by name with its stored file, and says when there is none', async () => {
    const file = path.join(dataDir, 'extract.csv');
    writeFileSync(
      file,
      'Pseudo ID,LSOA,Age,Gender,Ethnic category,Appointment date\nA1,X01000001,40,2,A,01/05/2024\n',
    );
    const imported = captureIO();
    expect(await runCli(['dataset', 'import', file, '--name', 'Clinic extract'], imported.io)).toBe(0);
    // What each heading was read as is printed, for the person to check, and the whole mapping,
    // which reads the next file as this one was read.
    const output = JSON.parse(imported.out.join('\n')) as {
      columnsRead: unknown;
      mapping: { columns: unknown; lsoaVintage: string; ethnicityCoding: string };
    };
    const columns = {
      person_id: 'Pseudo ID',
      lsoa_code: 'LSOA',
      age: 'Age',
      sex: 'Gender',
      ethnicity: 'Ethnic category',
      event_date: 'Appointment date',
    };
    expect(output.columnsRead).toEqual({ ...columns, lsoaVintage: '2021', ethnicityCoding: 'nhs' });
    const printed = output.mapping;
    expect(printed).toMatchObject({ columns, lsoaVintage: '2021', ethnicityCoding: 'nhs' });
    expect(readdirSync(path.join(dataDir, 'analytics', 'datasets'))).toHaveLength(1);
    const mappingFile = path.join(dataDir, 'printed-mapping.json');
    writeFileSync(mappingFile, JSON.stringify(printed));
    const reimported = captureIO();
    expect(
      await runCli(
        ['dataset', 'import', file, '--name', 'Clinic extract', '--map', mappingFile],
        reimported.io,
      ),
    ).toBe(0);
    expect((JSON.parse(reimported.out.join('\n')) as { mapping: unknown }).mapping).toEqual(printed);
    // A file that fails half-way is explained in words, without the rows it quotes, and loses nothing.
    const ragged = path.join(dataDir, 'ragged.csv');
    const rows = Array.from({ length: 25_000 }, (_, i) => `P${i},X01000001,40,2,A,01/05/2024`);
    const heading = 'Pseudo ID,LSOA,Age,Gender,Ethnic category,Appointment date';
    writeFileSync(ragged, [heading, ...rows, 'Q1,X01000001,40,2,Smith, A,01/05/2024'].join('\n'));
    const failed = captureIO();
    expect(await runCli(['dataset', 'import', ragged, '--name', 'Clinic extract'], failed.io)).toBe(1);
    const message = failed.err.at(-1)!;
    expect(message).toMatch(/^The import failed\. Row 25,002 of the file has more cells/);
    expect(message).toMatch(/The dataset already called Clinic extract is unchanged\.$/);
    expect(failed.err.join('\n')).not.toContain('Smith');
    expect(readdirSync(path.join(dataDir, 'analytics', 'datasets'))).toHaveLength(1);
    const { io, out } = captureIO();
    expect(await runCli(['dataset', 'remove', '--name', 'Clinic extract'], io)).toBe(0);
    expect(out.join('\n')).toBe(
      'Removed dataset Clinic extract and 0 results computed from it (0 published).',
    );
    expect(readdirSync(path.join(dataDir, 'analytics', 'datasets'))).toEqual([]);
    // Then the failed import of that name, and then there is nothing left to remove.
    const failedImport = captureIO();
    expect(await runCli(['dataset', 'remove', '--name', 'Clinic extract'], failedImport.io)).toBe(0);
    const again = captureIO();
    expect(await runCli(['dataset', 'remove', '--name', 'Clinic extract'], again.io)).toBe(1);
    expect(again.err.join('\n')).toBe('There is no dataset called Clinic extract');
  });

  it('imports the worksheet named, or every worksheet with the same headings, of a workbook', async () => {
    const book = XLSX.utils.book_new();
    for (const [year, date] of [
      ['2023-24', '01/05/2023'],
      ['2024-25', '01/05/2024'],
    ])
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([
          ['LSOA', 'Appointment date', 'DNA'],
          ['X01000001', date!, 1],
        ]),
        year,
      );
    const file = path.join(dataDir, 'years.xlsx');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const printed = (io: { out: string[] }) =>
      JSON.parse(io.out.join('\n')) as { rowsStored: number; report: { sheets?: string[] } };

    const both = captureIO();
    expect(await runCli(['dataset', 'import', file, '--name', 'Years', '--all-sheets'], both.io)).toBe(0);
    expect(printed(both)).toMatchObject({ rowsStored: 2, report: { sheets: ['2023-24', '2024-25'] } });
    const one = captureIO();
    expect(await runCli(['dataset', 'import', file, '--name', 'Later', '--sheet', '2024-25'], one.io)).toBe(
      0,
    );
    expect(printed(one).rowsStored).toBe(1);
    expect(printed(one).report.sheets).toBeUndefined();

    const csv = path.join(dataDir, 'years.csv');
    writeFileSync(csv, 'LSOA,DNA\nX01000001,1\n');
    const notWorkbook = captureIO();
    expect(await runCli(['dataset', 'import', csv, '--name', 'Csv', '--all-sheets'], notWorkbook.io)).toBe(1);
    expect(notWorkbook.err).toEqual([
      '--all-sheets: years.csv is not a workbook (.xlsx or .ods), so it has no worksheets to choose from',
    ]);
  });

  it('imports several CSV files with the same headings as one dataset, and refuses a heading in place of another before replacing anything', async () => {
    const april = path.join(dataDir, 'april.csv');
    const may = path.join(dataDir, 'may.csv');
    writeFileSync(april, 'LSOA,DNA\nX01000001,1\nX01000002,0\n');
    writeFileSync(may, 'DNA,LSOA\n0,X01000003\n');
    const months = captureIO();
    expect(await runCli(['dataset', 'import', april, may, '--name', 'Months'], months.io)).toBe(0);
    expect(JSON.parse(months.out.join('\n'))).toMatchObject({
      source: 'april.csv and may.csv',
      rowsStored: 3,
      report: { sheets: ['april.csv', 'may.csv'], sheetsAreFiles: true },
    });

    const reach = async () => {
      const { io, out } = captureIO();
      expect(await runCli(['dataset', 'reach', '--name', 'Months', '--format', 'json'], io)).toBe(0);
      return out.join('\n');
    };
    const before = await reach();
    const june = path.join(dataDir, 'june.csv');
    writeFileSync(june, 'LSOA,Did not attend\nX01000004,1\n');
    const refused = captureIO();
    expect(await runCli(['dataset', 'import', april, june, '--name', 'Months'], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toBe(
      'file: Files are read as one dataset when they have the same headings, in any order, or when some only add columns to the others\' or leave some out (a column first given in a later month, say). Here "june.csv" has no "DNA" and has "Did not attend", which "april.csv" has not, so a column may have been renamed. Give them the same headings, or import each as a dataset of its own.',
    );
    // The dataset of that name is the one imported before: whom it reaches is unchanged.
    expect(await reach()).toBe(before);
  });

  it('adds a month to a dataset, and refuses a month it already holds', async () => {
    const april = path.join(dataDir, 'april.csv');
    const may = path.join(dataDir, 'may.csv');
    writeFileSync(april, 'LSOA,Appointment date,DNA\nX01000001,2024-04-02,1\nX01000002,2024-04-03,0\n');
    writeFileSync(may, 'Appointment date,DNA,LSOA\n2024-05-07,0,X01000003\n');
    expect(await runCli(['dataset', 'import', april, '--name', 'Months'], captureIO().io)).toBe(0);
    const added = captureIO();
    expect(await runCli(['dataset', 'add', may, '--name', 'Months'], added.io)).toBe(0);
    expect(JSON.parse(added.out.join('\n'))).toMatchObject({
      name: 'Months',
      source: 'april.csv and may.csv',
      rowsStored: 3,
      report: { sheets: ['april.csv', 'may.csv'], sheetsAreFiles: true },
    });
    const again = captureIO();
    expect(await runCli(['dataset', 'add', may, '--name', 'Months'], again.io)).toBe(1);
    expect(again.err.at(-1)).toBe(
      'Nothing was added. "may.csv" has 1 row dated on 7 May 2024, days the dataset already holds, so it would be counted twice. If it corrects the rows of those days, add it again with "The files correct rows the dataset already has" ticked (or --corrections on the command line). The dataset already called Months is unchanged.',
    );
    // May sent again with a late entry: its rows take the place of those the dataset has on 7 May.
    writeFileSync(may, 'Appointment date,DNA,LSOA\n2024-05-07,1,X01000003\n2024-05-07,0,X01000004\n');
    const corrected = captureIO();
    expect(await runCli(['dataset', 'add', may, '--name', 'Months', '--corrections'], corrected.io)).toBe(0);
    const dataset = JSON.parse(corrected.out.join('\n')) as {
      rowsStored: number;
      report: { warnings: string[] };
    };
    expect(dataset.rowsStored).toBe(4);
    expect(dataset.report.warnings).toContain(
      '1 row of the dataset, dated on 7 May 2024, was replaced by the rows of "may.csv" on the same days. The dataset\'s rows on other days were kept. The problems found in the rows replaced are no longer counted in this report.',
    );
    // The problems by day, kept for corrections, are not printed.
    expect(dataset.report).not.toHaveProperty('problemDays');
    const unnamed = captureIO();
    expect(await runCli(['dataset', 'add', may], unnamed.io)).toBe(1);
    expect(unnamed.err).toEqual(['Usage: parity dataset add <file> [<file>…] --name <name> [--corrections]']);
  });

  it('imports the reference geography, saying which file and option a problem is in', async () => {
    const imd = path.join(dataDir, 'imd.csv');
    writeFileSync(
      imd,
      'lsoa21_code,lsoa21_name,lad24_code,lad24_name,IMD_rank,IMD_decile\nE01000001,City 001A,E09000001,City,3000,1\n',
    );
    const missing = path.join(dataDir, 'sapelsoasyoa20222024.xlsx');
    const refused = captureIO();
    expect(await runCli(['geo', 'import', '--imd', imd, '--population', missing], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toBe(`population: There is no file at ${missing}`);
    const sheetOfCsv = captureIO();
    const args = [
      'geo',
      'import',
      '--imd',
      imd,
      '--population',
      imd,
      '--population-sheet',
      'Mid-2024 LSOA 2021',
    ];
    expect(await runCli(args, sheetOfCsv.io)).toBe(1);
    expect(sheetOfCsv.err.join('\n')).toBe(
      'population: imd.csv is not a workbook (.xlsx or .ods), so it has no worksheets to choose from',
    );
    const placesAlone = captureIO();
    expect(await runCli(['geo', 'import', '--places', imd], placesAlone.io)).toBe(1);
    expect(placesAlone.err.join('\n')).toMatch(/^Give the deprivation file with --imd/);
    const placesWithoutImd = captureIO();
    expect(
      await runCli(['geo', 'import', '--population', missing, '--places', imd], placesWithoutImd.io),
    ).toBe(1);
    expect(placesWithoutImd.err.join('\n')).toBe(
      'Places are set with the deprivation file (--imd), whose local authorities they group.',
    );
    const shortYear = captureIO();
    expect(
      await runCli(['geo', 'import', '--population', imd, '--population-year', '23'], shortYear.io),
    ).toBe(1);
    expect(shortYear.err.join('\n')).toBe(
      '--population-year takes the mid-year of the estimates as four figures, such as 2023: not 23',
    );
    const yearAlone = captureIO();
    expect(await runCli(['geo', 'import', '--imd', imd, '--population-year', '2023'], yearAlone.io)).toBe(1);
    expect(yearAlone.err.join('\n')).toBe(
      '--population-year is the mid-year of the population estimates given with --population.',
    );
    const imported = captureIO();
    expect(await runCli(['geo', 'import', '--imd', imd], imported.io)).toBe(0);
    expect(JSON.parse(imported.out.join('\n'))).toMatchObject({ vintage: '2021', lsoas: 1, worksheets: [] });
  });

  it('imports the ONS postcode directory on its own (--postcodes), and names it in the usage', async () => {
    const usage = captureIO();
    expect(await runCli(['geo', 'import'], usage.io)).toBe(1);
    expect(usage.err.join('\n')).toContain(
      "The ONS postcode directory (--postcodes: the NSPL or ONSPD, as CSV; or --postcodes once for each postcode area's file of its multi_csv folder) lets datasets with postcodes but no LSOA code be linked to their LSOAs",
    );
    expect(usage.err.join('\n')).toContain(
      '[--ethnicity <file>]… [--postcodes <file>]… [--places <places.json>]',
    );
    const nspl = path.join(dataDir, 'NSPL_FEB_2025_UK.csv');
    writeFileSync(
      nspl,
      [
        'pcd,pcd2,pcds,dointr,doterm,usertype,lsoa11,msoa11,lsoa21,msoa21',
        '"LE1 5WW","LE1  5WW","LE1 5WW","198001","","0","E01013600","E02002000","E01033600","E02006000"',
        '"LE151AB","LE15 1AB","LE15 1AB","198001","200906","0","E01013601","E02002001","",""',
      ].join('\n'),
    );
    const imported = captureIO();
    expect(await runCli(['geo', 'import', '--postcodes', nspl], imported.io)).toBe(0);
    expect(JSON.parse(imported.out.join('\n'))).toMatchObject({
      imdVersion: null,
      postcodes: { postcodes: 2, withLsoa2011: 2, withLsoa2021: 1 },
    });
    const refused = captureIO();
    const noLsoa = path.join(dataDir, 'postcodes.csv');
    writeFileSync(noLsoa, 'pcds,laua\nLE1 5WW,E06000016\n');
    expect(await runCli(['geo', 'import', '--postcodes', noLsoa], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/^postcodes: postcodes\.csv has no LSOA code column: /);
  });

  it("prints a command's own usage when asked for help, and runs nothing", async () => {
    const { io, out, err } = captureIO();
    expect(await runCli(['dataset', 'import', '--help'], io)).toBe(0);
    const help = out.join('\n');
    expect(help).toContain('dataset import <file> [<file>…] --name <name>');
    expect(help).toContain('dataset remove --name <name>');
    expect(help).toContain('(a linked PostgreSQL table itself is left as it is)');
    expect(help).not.toContain('indicators compute');
    expect(help).not.toContain('themes train');
    expect(err).toEqual([]);
    const short = captureIO();
    expect(await runCli(['indicators', 'compute', '-h'], short.io)).toBe(0);
    expect(short.out.join('\n')).toContain('indicators add <definition.json>');
  });

  it('refuses unknown commands with the usage', async () => {
    const { io, err } = captureIO();
    expect(await runCli(['frobnicate'], io)).toBe(1);
    expect(err.join('\n')).toContain('Usage: parity <command>');
  });
});
