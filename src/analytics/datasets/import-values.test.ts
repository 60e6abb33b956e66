import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { measureCodings } from './coded-measures.ts';
import { BELOW_ZERO, WEEKDAY_SLIP } from './validate.ts';

/** A CSV of one person a row in one LSOA, with `values` under `heading` (quoted: they may hold commas). */
const oneColumnCsv = (heading: string, values: string[]): string =>
  `person_id,lsoa_code,${heading}\n` + values.map((v, i) => `P${i},X01000001,"${v}"\n`).join('');

const ethnicCodeProblem =
  'unknown code (use an NHS ethnic category code, A to S, Z or 99, or its description)';

// Values as NHS systems write them: sex, ethnic category, dates, ages, age bands and dates of birth,
// outpatient attendance and admission method codes. Each is read as the published definitions
// read it, or reported by row without losing the row.
describe('reading the values extracts hold', () => {
  const { store, pathOf, write, importAs, stored } = importStore('parity-values-');

  it('reads five-year age bands, for age-standardised rates and, where they fit, by age band', async () => {
    const bands = ['0-4', '15-19', '30 to 34', '90 and over', '85-89', '10-14 years', '17-21'];
    const file = write(
      'five-year.csv',
      'Pseudo ID,LSOA,Age group\n' + bands.map((b, i) => `B${i},X01000001,${b}\n`).join(''),
    );
    const result = await importAs('five-year', file);
    expect(result.fields.hasAgeInYears).toBe(false);
    expect(result.fields.hasEspBand).toBe(true);
    // Rows are numbered as in the file: the headings are row 1, the seventh band row 8.
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([[8, '17-21']]);
    expect(result.report.warnings).toContain(
      '1 row in "Age group" is in the 15-19 band, which Parity\'s bands (0-17 and 18-24) part, so it is "Not known" by age band; directly standardised rates use the five-year bands as they are.',
    );
    const rows = await stored('five-year', 'age_band, esp_band');
    expect(rows).toEqual([
      { age_band: '0-17', esp_band: 0 },
      { age_band: null, esp_band: 3 },
      { age_band: '25-34', esp_band: 6 },
      { age_band: '85+', esp_band: 18 },
      { age_band: '85+', esp_band: 17 },
      { age_band: '0-17', esp_band: 2 },
      { age_band: null, esp_band: null },
    ]);
    // Parity's own bands give no five-year bands, so no standardised rates.
    const own = write('own-bands.csv', 'Pseudo ID,LSOA,Age group\nC1,X01000001,18-24\n');
    expect((await importAs('own-bands', own)).fields.hasEspBand).toBe(false);
  });

  it('reads attendance codes as the dna measure, leaving cancellations out of the DNA rate', async () => {
    const codes = ['5', '6', '3', '7', '2', '4', '0', 'Did not attend', 'Attended'];
    const dna = [0, 0, 1, 1, null, null, null, 1, 0];
    // 99 rows of codes and one typing slip, which is reported rather than taken as a reason to
    // read the column as numbers.
    const values = [...Array.from({ length: 11 }, () => codes).flat(), '9'];
    const file = write(
      'attendance.csv',
      'Pseudo ID,LSOA,Attended or did not attend,Outcome\n' +
        values.map((v, i) => `A${String(i).padStart(3, '0')},X01000001,${v},${v}\n`).join(''),
    );
    const result = await importAs('attendance', file);
    expect(result.mapping.measures.dna).toBe('Attended or did not attend');
    expect(result.mapping.measureCodings).toEqual({ dna: 'attendance' });
    expect(result.report.warnings).toContain(
      'The column "Attended or did not attend" holds attendance outcomes, as codes or their words, read as dna: attended (5 and 6) as 0, did not attend or too late to be seen (3 and 7) as 1, and cancelled (2 and 4) or not applicable (0) left out of the DNA rate.',
    );
    expect(result.report.examples).toEqual([
      {
        row: 101,
        column: 'Attended or did not attend',
        value: '9',
        problem: measureCodings.attendance.problem,
      },
    ]);
    const dnaOf = async (id: string) => (await stored<{ dna: number | null }>(id, 'dna')).map((r) => r.dna);
    const expected = [...Array.from({ length: 11 }, () => dna).flat(), null];
    expect(await dnaOf('attendance')).toEqual(expected);
    // Named as dna in a mapping, a column of attendance codes under any heading is read as codes.
    const mapped = await importAs('attendance-mapped', file, { measures: { dna: 'Outcome' } });
    expect(mapped.mapping.measureCodings).toEqual({ dna: 'attendance' });
    expect(await dnaOf('attendance-mapped')).toEqual(expected);
    // The mapping an import prints can be given as it is for the next file.
    const again = await importAs('attendance-again', file, result.mapping);
    expect(again.mapping.measureCodings).toEqual({ dna: 'attendance' });
    expect(await dnaOf('attendance-again')).toEqual(expected);
    // A 1/0 column is a flag as before, even with few 1s among its noughts.
    const flags = write(
      'dna-flag.csv',
      'Pseudo ID,LSOA,DNA\n' +
        Array.from(
          { length: 200 },
          (_v, i) => `F${String(i).padStart(3, '0')},X01000001,${i === 0 ? 1 : 0}\n`,
        ).join(''),
    );
    const flagged = await importAs('dna-flag', flags);
    expect(flagged.mapping.measureCodings).toEqual({});
    expect((await dnaOf('dna-flag')).slice(0, 2)).toEqual([1, 0]);
  });

  it('reads admission method codes as emergency admissions', async () => {
    const methods = ['21', '2A', '28', '11', '12', '31', '82', 'Emergency', 'Elective', '99'];
    const file = write(
      'admissions.csv',
      'Pseudo ID,LSOA,Admission method\n' + methods.map((m, i) => `M${i},X01000001,${m}\n`).join(''),
    );
    const result = await importAs('admissions', file);
    expect(result.mapping.measures).toEqual({ emergency_admission: 'Admission method' });
    expect(result.mapping.measureCodings).toEqual({ emergency_admission: 'admission-method' });
    expect(result.report.warnings).toContain(
      'The column "Admission method" holds admission methods, as codes or their words, read as emergency_admission: emergency (21 to 28 and 2A to 2D) as 1, elective, maternity and other methods as 0.',
    );
    const rows = await stored<{ emergency_admission: number | null }>('admissions', 'emergency_admission');
    expect(rows.map((r) => r.emergency_admission)).toEqual([1, 1, 1, 0, 0, 0, 0, 1, 0, null]);
  });

  it('works out age at the event from a date of birth, and does not store the dates of birth', async () => {
    const file = write(
      'birth-dates.csv',
      'Pseudo ID,LSOA,Date of birth,Appointment date\n' +
        'D1,X01000001,15/06/1980,14/06/2024\n' + // the day before the 44th birthday
        'D2,X01000001,15/06/1980,15/06/2024\n' + // the birthday
        'D3,X01000001,29/02/2008,28/02/2025\n' + // born on 29 February, a year without one
        'D4,X01000001,01/01/2025,01/05/2024\n' + // born after the appointment
        'D5,X01000001,01/01/1890,01/05/2024\n' + // 134
        'D6,X01000001,31/02/1980,01/05/2024\n' + // no such day
        'D7,X01000001,,01/05/2024\n',
    );
    const result = await importAs('birth-dates', file);
    expect(result.mapping.columns).toMatchObject({
      date_of_birth: 'Date of birth',
      event_date: 'Appointment date',
    });
    expect(result.fields).toMatchObject({ hasAge: true, hasAgeInYears: true, hasEspBand: true });
    expect(result.report.warnings).toContain(
      'Age was worked out from "Date of birth" at "Appointment date", in completed years; the dates of birth were not stored.',
    );
    expect(result.report.warnings.join(' ')).not.toContain('were not imported');
    // The problems are named, with the day of the appointment, but the dates of birth are never shown.
    const day = '2024-05-01';
    expect(result.report.examples).toEqual([
      { row: 5, day, column: 'Date of birth', value: '', problem: 'born after the event date' },
      {
        row: 6,
        day,
        column: 'Date of birth',
        value: '',
        problem: 'impossible age (over 120 at the event date)',
      },
      { row: 7, day, column: 'Date of birth', value: '', problem: 'not a date that exists' },
    ]);
    const rows = await stored('birth-dates', '*');
    expect(rows.map((r) => r.age)).toEqual([43, 44, 16, null, null, null, null]);
    expect(rows.map((r) => r.esp_band)).toEqual([8, 8, 3, null, null, null, null]);
    expect(JSON.stringify(rows)).not.toMatch(/1980|2008|1890|date_of_birth/);
    // A file with an age uses it, and leaves its date of birth out as before.
    const withAge = write(
      'age-and-birth.csv',
      'Pseudo ID,LSOA,Age,Date of birth,Appointment date\nE1,X01000001,30,15/06/1980,14/06/2024\n',
    );
    const aged = await importAs('age-and-birth', withAge);
    expect(aged.mapping.columns.date_of_birth).toBeUndefined();
    expect(aged.report.warnings.join(' ')).toContain('"Date of birth" was not imported');
  });

  it('reads ages with a fraction in completed years, and says so', async () => {
    const file = write(
      'fractional-ages.csv',
      'person_id,lsoa_code,age\nP1,X01000001,34.7\nP2,X01000001,17.99\nP3,X01000001,40\nP4,X01000001,120.5\nP5,X01000001,121\nP6,X01000001,-0.5\n',
    );
    const result = await importAs('fractional-ages', file);
    expect(result.report.warnings).toContain(
      '3 ages in "age" have a fraction (such as 34.7) and were read in completed years (34), as ages are counted.',
    );
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [6, '121', 'impossible age'],
      [7, '-0.5', 'impossible age'],
    ]);
    const rows = await stored('fractional-ages', 'age, age_band');
    expect(rows).toEqual([
      { age: 34, age_band: '25-34' },
      { age: 17, age_band: '0-17' },
      { age: 40, age_band: '35-44' },
      { age: 120, age_band: '85+' },
      { age: null, age_band: null },
      { age: null, age_band: null },
    ]);
  });

  it("reads SQL Server's NULL and R's NA as blanks, and numbers with thousands separators or £", async () => {
    const file = write(
      'null-values.csv',
      [
        'PersonID,LSOA_Code,Age,EthnicCode,DNA,Cost',
        'N1,X01000001,NULL,NULL,NULL,"1,234"',
        'N2,X01000001,40,A,1,£80',
        'N3,X01000001,NA,NA,NA,"£1,234.50"',
        'N4,X01000001,41,H,0,NULL',
        'N5,X01000001,42,null,0,"2,000"',
      ].join('\n') + '\n',
    );
    const result = await importAs('null-values', file);
    // DNA is a measure, as its every value is a number or no value at all.
    expect(result.mapping.measures).toEqual({ dna: 'DNA', cost: 'Cost' });
    expect(result.report.problems).toEqual([]);
    expect(await stored('null-values', 'age, ethnic_code, dna, cost')).toEqual([
      { age: null, ethnic_code: '99', dna: null, cost: 1234 },
      { age: 40, ethnic_code: 'A', dna: 1, cost: 80 },
      { age: null, ethnic_code: '99', dna: null, cost: 1234.5 },
      { age: 41, ethnic_code: 'H', dna: 0, cost: null },
      { age: 42, ethnic_code: '99', dna: 0, cost: 2000 },
    ]);
    // "12,34" is not how a number is written here, so it is reported rather than guessed at.
    const odd = write('odd-number.csv', 'PersonID,LSOA_Code,Cost\nO1,X01000001,"12,34"\n');
    const reported = await importAs('odd-number', odd, { measures: { cost: 'Cost' } });
    expect(reported.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [2, '12,34', 'not a number'],
    ]);
  });

  it('reads a column of days waited as the weeks the waiting-list indicators read, and says so', async () => {
    const file = write(
      'days-waited.csv',
      'Pseudo ID,LSOA,Waiting time (days)\nD1,X01000001,126\nD2,X01000001,127\nD3,X01000001,7\nD4,X01000001,\nD5,X01000001,-7\n',
    );
    const result = await importAs('days-waited', file);
    expect(result.mapping.measures).toEqual({ wait_weeks: 'Waiting time (days)' });
    expect(result.mapping.measuresGivenAs).toEqual({ wait_weeks: 'days' });
    expect(result.report.warnings).toContain(
      'The column "Waiting time (days)" gives days, read as wait_weeks (days ÷ 7), the weeks waited that the waiting-list indicators read.',
    );
    // 126 days is 18 weeks, not more than 18; 127 days is.
    const rows = await stored<{ wait_weeks: number | null }>('days-waited', 'wait_weeks');
    expect(rows.map((r) => (r.wait_weeks === null ? null : r.wait_weeks * 7))).toEqual([
      126,
      127,
      7,
      null,
      null,
    ]);
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([[6, '-7', BELOW_ZERO]]);
    expect(rows[0]!.wait_weeks).toBe(18);
    expect(rows[1]!.wait_weeks).toBeGreaterThan(18);

    // A mapping may say so of a column under any heading, but only of one of its measures.
    const given = write('given-days.csv', 'Pseudo ID,LSOA,PTL days\nG1,X01000001,14\n');
    const mapped = await importAs('given-days', given, {
      measures: { wait_weeks: 'PTL days' },
      measuresGivenAs: { wait_weeks: 'days' },
    });
    expect(await stored('given-days', 'wait_weeks')).toEqual([{ wait_weeks: 2 }]);
    expect(mapped.mapping.measuresGivenAs).toEqual({ wait_weeks: 'days' });
    await expect(
      importAs('given-days', given, {
        measures: { ptl: 'PTL days' },
        measuresGivenAs: { wait_weeks: 'days' },
      }),
    ).rejects.toThrow(
      'The mapping gives measuresGivenAs for wait_weeks, which is not a measure. The measures are: ptl',
    );
  });

  it('works out the weeks waited from the RTT clock start to the week ending, and names what it cannot', async () => {
    const file = write(
      'ptl.csv',
      [
        'Pseudo ID,LSOA,Week ending,RTT Period Start Date',
        'T1,X01000001,07/04/2024,03/12/2023',
        'T2,X01000001,07/04/2024,07/04/2024',
        'T3,X01000001,07/04/2024,08/04/2024',
        'T4,X01000001,07/04/2024,31/02/2024',
        'T5,X01000001,07/04/2024,',
      ].join('\n') + '\n',
    );
    const result = await importAs('ptl', file);
    expect(result.mapping.measures).toEqual({ wait_weeks: 'RTT Period Start Date' });
    expect(result.mapping.measuresGivenAs).toEqual({ wait_weeks: 'start-date' });
    expect(result.report.warnings).toContain(
      'wait_weeks, the weeks waited that the waiting-list indicators read, was worked out from "RTT Period Start Date" to "Week ending", the date of each row (the days between ÷ 7).',
    );
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [4, '08/04/2024', "after the row's date, so no wait can be worked out"],
      [5, '31/02/2024', 'not a date that exists'],
    ]);
    // 126 days from 3 December 2023 to 7 April 2024: 18 weeks.
    expect((await stored('ptl', 'wait_weeks')).map((r) => r.wait_weeks)).toEqual([18, 0, null, null, null]);

    // A mapping may give it so, but only with the date of each row.
    const undated = write('undated.csv', 'Pseudo ID,LSOA,Referred\nU1,X01000001,03/12/2023\n');
    await expect(
      importAs('undated', undated, {
        measures: { wait_weeks: 'Referred' },
        measuresGivenAs: { wait_weeks: 'start-date' },
      }),
    ).rejects.toThrow(
      'The mapping gives wait_weeks from the date each wait began ("start-date"), which needs the date of each row too',
    );
  });

  it('reads ages written in words or as a top band in completed years, and says so', async () => {
    const ages = ['45 years', '18 months', '6 weeks', '3 days', '2y 6m', '<1', '90+', '95 and over', '40'];
    const unread = ['85+', '12 apples'];
    const file = write(
      'worded-ages.csv',
      'person_id,lsoa_code,Age\n' +
        [...ages, ...unread].map((a, i) => `W${String(i).padStart(2, '0')},X01000001,${a}\n`).join(''),
    );
    const result = await importAs('worded-ages', file);
    expect(result.report.warnings).toContain(
      '8 ages in "Age" are written in words or as a top band (such as "45 years") and were read in completed years ("45 years" as 45).',
    );
    // "85+" would put a 90-year-old in the ESP2013 band 85-89, so it is not read as an age.
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [11, '85+', 'not a number'],
      [12, '12 apples', 'not a number'],
    ]);
    const rows = await stored('worded-ages', 'age, age_band');
    expect(rows.map((r) => r.age)).toEqual([45, 1, 0, 0, 2, 0, 90, 95, 40, null, null]);
    expect(rows[6]!.age_band).toBe('85+');
  });

  it("reads HES's codes for babies under one year as age 0, and says so", async () => {
    const ages = ['7001', '7004', '7007', '0', '1', '7008', '7000', '7003.5'];
    const file = write(
      'hes-ages.csv',
      'TOKEN_PERSON_ID,LSOA,STARTAGE\n' + ages.map((a, i) => `H${i},X01000001,${a}\n`).join(''),
    );
    const result = await importAs('hes-ages', file);
    expect(result.mapping.columns.age).toBe('STARTAGE');
    expect(result.report.warnings).toContain(
      '3 ages in "STARTAGE" are HES\'s codes for a baby under one year (7001 to 7007, the age in days) and were read as age 0.',
    );
    // Other numbers near the codes are no ages at all.
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [7, '7008', 'impossible age'],
      [8, '7000', 'impossible age'],
      [9, '7003.5', 'impossible age'],
    ]);
    const rows = await stored('hes-ages', 'age, age_band');
    expect(rows.map((r) => r.age)).toEqual([0, 0, 0, 0, 1, null, null, null]);
    expect(rows[0]!.age_band).toBe('0-17');
    // A Parquet file's column of whole numbers is tested otherwise first (age-notes.ts): the same note.
    const whole = pathOf('hes-whole-ages.parquet');
    await store().run(
      `COPY (SELECT 'H' || a AS TOKEN_PERSON_ID, 'X01000001' AS LSOA, CAST(a AS INTEGER) AS STARTAGE FROM unnest([7001, 40, 7007]) t(a)) TO '${whole}' (FORMAT parquet)`,
    );
    expect((await importAs('hes-whole-ages', whole)).report.warnings).toContain(
      '2 ages in "STARTAGE" are HES\'s codes for a baby under one year (7001 to 7007, the age in days) and were read as age 0.',
    );
  });

  it('says how many rows of a HES extract are later episodes of a stay, which would count as admissions', async () => {
    const orders = ['1', '2', '1', '3', '', '1'];
    const file = write(
      'hes-episodes.csv',
      'TOKEN_PERSON_ID,LSOA,STARTAGE,EPIORDER,ADMIMETH\n' +
        orders.map((o, i) => `H${i},X01000001,40,${o},21\n`).join(''),
    );
    const result = await importAs('hes-episodes', file);
    expect(result.report.warnings).toContain(
      'The file has HES\'s episode order ("EPIORDER"): 2 rows are later episodes of a hospital stay (EPIORDER 2 or more). Parity counts every row, so each later episode counts as another admission. An admission is counted once, at the first episode of its stay: to count admissions, import the file again with {"firstEpisodesOnly": true} under "Measures, flags and other settings" on the import form (or in the mapping, on the command line), which leaves the later episodes out.',
    );
    const first = write('hes-first.csv', 'TOKEN_PERSON_ID,LSOA,EPIORDER\nH1,X01000001,1\n');
    expect((await importAs('hes-first', first)).report.warnings.join(' ')).not.toContain('EPIORDER');

    // Asked to, the import leaves the later episodes out and counts them.
    const firsts = await importAs('hes-first-episodes', file, { firstEpisodesOnly: true });
    expect(firsts.rowsRead).toBe(6);
    expect(firsts.rowsStored).toBe(4);
    expect(firsts.report.warnings).toContain(
      "2 rows were later episodes of a hospital stay (EPIORDER 2 or more) and were left out, as the mapping's firstEpisodesOnly asks: each admission is counted once, at the first episode of its stay.",
    );
    expect(firsts.report.warnings.join(' ')).not.toContain('blank');
    expect(firsts.mapping.firstEpisodesOnly).toBe(true);
    expect((await stored('hes-first-episodes', 'person_id')).map((r) => r.person_id)).toEqual([
      'H0',
      'H2',
      'H4',
      'H5',
    ]);
    // A file without the episode order cannot do as asked, and says so.
    const plain = write('no-order.csv', 'TOKEN_PERSON_ID,LSOA\nH1,X01000001\n');
    await expect(importAs('no-order', plain, { firstEpisodesOnly: true })).rejects.toThrow(
      "The mapping asks for each stay's first episode only (firstEpisodesOnly), but the file has no EPIORDER column to tell them by. To import every row, leave the setting out. The file has: TOKEN_PERSON_ID, LSOA",
    );
  });

  it('reads a waiting list as trusts write one: weeks waited, dated by its week ending', async () => {
    const file = write(
      'waiting-list.csv',
      'Patient pseudonym,LSOA,Week ending,Weeks waited\nW1,X01000001,30/06/2024,12.5\nW2,X01000001,30/06/2024,60\nW3,X01000001,30/06/2024,n/a\nW4,X01000001,30/06/2024,-3\nW5,X01000001,30/06/2024,0\n',
    );
    const result = await importAs('waiting-list', file);
    expect(result.mapping.columns.event_date).toBe('Week ending');
    expect(result.mapping.measures).toEqual({ wait_weeks: 'Weeks waited' });
    expect(result.report.warnings).toContain(
      'The column "Weeks waited" was read as wait_weeks, the weeks waited that the waiting-list indicators read.',
    );
    // One value in five is no number: enough, under a measure's heading, to report it, not to read
    // the column as text. A wait below zero is reported too, and kept out of the means and medians;
    // its row stays.
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [4, 'n/a', 'not a number'],
      [5, '-3', BELOW_ZERO],
    ]);
    expect(await stored('waiting-list', 'period, wait_weeks')).toEqual([
      { period: '2024/25', wait_weeks: 12.5 },
      { period: '2024/25', wait_weeks: 60 },
      { period: '2024/25', wait_weeks: null },
      { period: '2024/25', wait_weeks: null },
      { period: '2024/25', wait_weeks: 0 },
    ]);
    // A mapping that lists the measures is followed as it is, and says nothing of it.
    const mapped = await importAs('waiting-list-mapped', file, { measures: { weeks: 'Weeks waited' } });
    expect(mapped.mapping.measures).toEqual({ weeks: 'Weeks waited' });
    expect(mapped.report.warnings.join(' ')).not.toContain('was read as wait_weeks');
  });

  it('reads cancer stages as registrations write them, leaving unknown stages out', async () => {
    const stages = ['1', '2A', 'IIIB', 'Stage 4', 'IB2', '0', 'X', 'U', 'Unknown', '2'];
    const values = [...Array.from({ length: 10 }, () => stages).flat(), 'T2'];
    const file = write(
      'stages.csv',
      'Pseudo ID,LSOA,STAGE_BEST\n' +
        values.map((v, i) => `S${String(i).padStart(3, '0')},X01000001,${v}\n`).join(''),
    );
    const result = await importAs('stages', file);
    expect(result.mapping.measures).toEqual({ cancer_stage: 'STAGE_BEST' });
    expect(result.mapping.measureCodings).toEqual({ cancer_stage: 'cancer-stage' });
    expect(result.report.warnings).toContain(
      'The column "STAGE_BEST" holds cancer stages, read as cancer_stage: the stage group 1 to 4 (2A as 2, IIIB as 3, "Stage 4" as 4), with X, U and unknown stages left out of the cancers with a known stage.',
    );
    expect(result.report.warnings.join(' ')).not.toContain('was read as cancer_stage');
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([[102, 'T2']]);
    const rows = await stored('stages', 'cancer_stage');
    expect(rows.slice(0, 10).map((r) => r.cancer_stage)).toEqual([1, 2, 3, 4, 1, 0, null, null, null, 2]);
    // Plain numbers are read as numbers, as before; with X for not known, as stages.
    const plain = write('plain-stages.csv', 'Pseudo ID,LSOA,Stage\nP1,X01000001,1\nP2,X01000001,4\n');
    const numbers = await importAs('plain-stages', plain);
    expect(numbers.mapping.measureCodings).toEqual({});
    expect(numbers.mapping.measures).toEqual({ stage: 'Stage' });
    const named = write('stage-best.csv', 'Pseudo ID,LSOA,STAGE_BEST\nP1,X01000001,1\nP2,X01000001,4\n');
    const best = await importAs('stage-best', named);
    expect(best.mapping.measures).toEqual({ cancer_stage: 'STAGE_BEST' });
    expect(best.report.warnings).toContain(
      'The column "STAGE_BEST" was read as cancer_stage, the stage at diagnosis that the early diagnosis indicator reads.',
    );
    const unknown = write('unknown-stages.csv', 'Pseudo ID,LSOA,Stage\nP1,X01000001,1\nP2,X01000001,X\n');
    expect((await importAs('unknown-stages', unknown)).mapping.measureCodings).toEqual({
      cancer_stage: 'cancer-stage',
    });
  });

  it('reads the dates UK extracts write, day first, and refuses the impossible ones', async () => {
    const file = write(
      'uk-dates.csv',
      'person_id,lsoa_code,event_date\n' +
        'P1,X01000001,01/04/2024 00:00\n' +
        'P2,X01000001,31-Mar-2024\n' +
        'P3,X01000001,1 March 2025\n' +
        'P4,X01000001,01/05/23\n' +
        'P5,X01000001,2024-04-01T09:30:00\n' +
        'P6,X01000001,02.04.2025\n' +
        'P7,X01000001,31/02/2024\n' +
        'P8,X01000001,15-06-2024\n' +
        'P9,X01000001,1-Jan-25\n' +
        'Q1,X01000001,20240331\n' +
        'Q2,X01000001,01/04/24 13:05\n' +
        // As Excel's "dd-mmm-yyyy hh:mm" and Oracle write a time; a SQL Server time with milliseconds.
        'Q3,X01000001,31-MAR-2024 23:59\n' +
        'Q4,X01000001,1 Apr 2024 09:30:15\n' +
        'Q5,X01000001,31/03/2024 23:59:59.997\n',
    );
    const result = await importAs('uk-dates', file);
    expect(result.report.examples).toEqual([
      {
        row: 8,
        column: 'event_date',
        value: '31/02/2024',
        problem: 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY',
      },
    ]);
    const rows = await stored('uk-dates', 'person_id, CAST(event_date AS VARCHAR) AS event_date, period');
    expect(rows).toEqual([
      { person_id: 'P1', event_date: '2024-04-01', period: '2024/25' },
      { person_id: 'P2', event_date: '2024-03-31', period: '2023/24' },
      { person_id: 'P3', event_date: '2025-03-01', period: '2024/25' },
      { person_id: 'P4', event_date: '2023-05-01', period: '2023/24' },
      { person_id: 'P5', event_date: '2024-04-01', period: '2024/25' },
      { person_id: 'P6', event_date: '2025-04-02', period: '2025/26' },
      { person_id: 'P7', event_date: null, period: 'Not known' },
      { person_id: 'P8', event_date: '2024-06-15', period: '2024/25' },
      { person_id: 'P9', event_date: '2025-01-01', period: '2024/25' },
      { person_id: 'Q1', event_date: '2024-03-31', period: '2023/24' },
      { person_id: 'Q2', event_date: '2024-04-01', period: '2024/25' },
      { person_id: 'Q3', event_date: '2024-03-31', period: '2023/24' },
      { person_id: 'Q4', event_date: '2024-04-01', period: '2024/25' },
      { person_id: 'Q5', event_date: '2024-03-31', period: '2023/24' },
    ]);
  });

  it('reads dates typed in words, and reports one typed with a weekday that is not its own', async () => {
    // 1 May 2024 was a Wednesday (a calendar's word, not Parity's).
    const typed = [
      'Wednesday, 1 May 2024',
      '1st May 2024',
      'Tuesday, 1 May 2024',
      '3 Sept 2024',
      '31st February 2024',
      'Wed 01/05/2024',
    ];
    const file = write('typed-dates.csv', oneColumnCsv('event_date', typed));
    const result = await importAs('typed-dates', file);
    expect(result.report.examples).toEqual([
      { row: 4, column: 'event_date', value: 'Tuesday, 1 May 2024', problem: WEEKDAY_SLIP },
      {
        row: 6,
        column: 'event_date',
        value: '31st February 2024',
        problem: 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY',
      },
    ]);
    expect(await stored('typed-dates', 'person_id, CAST(event_date AS VARCHAR) AS event_date')).toEqual([
      { person_id: 'P0', event_date: '2024-05-01' },
      { person_id: 'P1', event_date: '2024-05-01' },
      { person_id: 'P2', event_date: null },
      { person_id: 'P3', event_date: '2024-09-03' },
      { person_id: 'P4', event_date: null },
      { person_id: 'P5', event_date: '2024-05-01' },
    ]);
  });

  it("reads Excel's day numbers as the dates they stand for, and says so without showing a birth date", async () => {
    // A whole column of day numbers is read by DuckDB as numbers; one with a slip in it as text.
    const numbers = write(
      'excel-dates.csv',
      'person_id,lsoa_code,Appointment date,DNA\nP1,X01000001,45413,1\nP2,X01000001,45382.5,0\n',
    );
    const result = await importAs('excel-dates', numbers);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings).toContain(
      '2 values in "Appointment date" are Excel day numbers (the first, 45413, is 1 May 2024), as a CSV saved from Excel holds dates shown as numbers: they were read as the dates they stand for.',
    );
    expect(
      await stored('excel-dates', 'person_id, CAST(event_date AS VARCHAR) AS event_date, period'),
    ).toEqual([
      { person_id: 'P1', event_date: '2024-05-01', period: '2024/25' },
      { person_id: 'P2', event_date: '2024-03-31', period: '2023/24' },
    ]);

    const births = write(
      'excel-births.csv',
      'person_id,lsoa_code,DOB,Appointment date,DNA\nB1,X01000001,29537,01/05/2024,1\nB2,X01000001,1980,01/05/2024,0\n' +
        'B3,X01000001,9000,01/05/2024,1\nB4,X01000001,2100,01/05/2024,0\nB5,X01000001,2099,01/05/2024,0\n',
    );
    const born = await importAs('excel-births', births);
    // 29537 is 12 November 1980. A birth date may be older than an event date's earliest day number
    // (10000, 18 May 1927): 9000 is 21 August 1924 and 2100 is 30 September 1905. 1980 and 2099
    // alone are years, not day numbers, and are refused unshown.
    expect(await stored('excel-births', 'person_id, age')).toEqual([
      { person_id: 'B1', age: 43 },
      { person_id: 'B2', age: null },
      { person_id: 'B3', age: 99 },
      { person_id: 'B4', age: 118 },
      { person_id: 'B5', age: null },
    ]);
    const day = '2024-05-01';
    expect(born.report.examples).toEqual([
      { row: 3, day, column: 'DOB', value: '', problem: 'not a date that exists' },
      { row: 6, day, column: 'DOB', value: '', problem: 'not a date that exists' },
    ]);
    expect(born.report.warnings).toContain(
      '3 values in "DOB" are Excel day numbers, as a CSV saved from Excel holds dates shown as numbers: they were read as the dates they stand for.',
    );
    expect(born.report.warnings.join(' ')).not.toContain('29537');
  });

  it('reads sex written as codes or words, with the ways of saying it is not known', async () => {
    const values = [
      'f',
      'Female',
      '2',
      'Woman',
      'M',
      'male',
      '1',
      'Man',
      'X',
      '9',
      '0',
      'Not specified',
      'Prefer not to say',
      'Indeterminate',
      'Q',
    ];
    const file = write(
      'sexes.csv',
      'person_id,lsoa_code,sex\n' +
        values.map((v, i) => `P${String(i).padStart(2, '0')},X01000001,${v}\n`).join(''),
    );
    const result = await importAs('sexes', file);
    expect(result.report.examples.map((e) => e.value)).toEqual(['Q']);
    expect(result.report.warnings.join(' ')).not.toContain('gender identity');
    const rows = await stored('sexes', 'sex');
    expect(rows.map((r) => r.sex).join('')).toBe('FFFFMMMMUUUUUUU');
  });

  it("reads the Data Dictionary's published local subcategories by their national code, and GP data's T", async () => {
    // CP Polish, LB Punjabi, PA Somali, SC Filipino, GA Black and Asian, C3 Other white (Care Connect's
    // extension of the codes); T, Gypsy or Irish Traveller in GP data. NA, NK and PK are no published
    // subcategory: NA and NK mostly mean not available or not known, and PK might be Pakistani.
    const values = ['CP', 'lb', 'PA', 'SC', 'GA', 'C3', 'T', 'NA', 'NK', 'PK'];
    const file = write('local-codes.csv', oneColumnCsv('ethnic_category', values));
    const result = await importAs('local-codes', file);
    expect(result.mapping.ethnicityCoding).toBe('nhs');
    // NA is a blank to the CSV reader, as R writes one: not known, without a problem.
    expect(result.report.examples.map((e) => [e.value, e.problem])).toEqual([
      ['NK', ethnicCodeProblem],
      ['PK', ethnicCodeProblem],
    ]);
    const rows = await stored('local-codes', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual(['C', 'L', 'P', 'S', 'G', 'C', 'C', '99', '99', '99']);
  });

  it('counts a gender identity other than male or female as not known by sex, and says so', async () => {
    // The NHS's person gender identity codes: 1 male, 2 female, 3 non-binary, 4 other, Z not stated.
    const values = ['Male', 'Female', 'Non-binary', '3', 'Other', 'Z', '2'];
    const file = write('genders.csv', oneColumnCsv('Gender', values));
    const result = await importAs('genders', file);
    expect(result.mapping.columns.sex).toBe('Gender');
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings).toContain(
      '3 values in "Gender" are a gender identity other than male or female (such as "Non-binary"): the breakdown by sex counts them as not known, as population figures by sex have no such group.',
    );
    const rows = await stored('genders', 'sex');
    expect(rows.map((r) => r.sex).join('')).toBe('MFUUUUF');
  });

  it('reads ethnic categories written with or as their descriptions, and names what it cannot read', async () => {
    const file = write(
      'described.csv',
      'person_id,lsoa_code,ethnic_category\n' +
        'P1,X01000001,A - White British\n' +
        'P2,X01000001,H: Indian\n' +
        'P3,X01000001,Black or Black British - Caribbean\n' +
        'P4,X01000001,Not stated\n' +
        'P5,X01000001,Asian\n' +
        // The Data Dictionary's value labels, alone or after their group's name.
        'P6,X01000001,British\n' +
        'P7,X01000001,White  Irish\n' +
        'P8,X01000001,Black African\n' +
        'P9,X01000001,Mixed - Other\n' +
        'Q1,X01000001,any other ethnic group\n' +
        'Q2,X01000001,Asian: Bangladeshi\n' +
        'Q3,X01000001,Declined\n' +
        'Q4,X01000001,Asian or Asian British: Unknown\n' +
        // As HES describes its ETHNOS codes.
        'Q5,X01000001,Chinese (Other Ethnic Group)\n' +
        // The 2011 census's groups, with their slashes; "&" for "and"; a dash from a word processor.
        'Q6,X01000001,Asian/Asian British: Chinese\n' +
        'Q7,X01000001,White: English/Welsh/Scottish/Northern Irish/British\n' +
        'Q8,X01000001,Black/African/Caribbean/Black British: Other Black\n' +
        'Q9,X01000001,White & Black African\n' +
        'R1,X01000001,Mixed/multiple ethnic groups – White and Asian\n' +
        'R2,X01000001,Patient declined\n' +
        // The code in brackets, before or after its description.
        'R3,X01000001,(H) Indian\n' +
        'R4,X01000001,Indian (H)\n',
    );
    const result = await importAs('described', file);
    expect(result.mapping.ethnicityCoding).toBe('nhs');
    expect(result.report.examples).toEqual([
      {
        row: 14,
        column: 'ethnic_category',
        value: 'Asian or Asian British: Unknown',
        problem: ethnicCodeProblem,
      },
    ]);
    const rows = await stored('described', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual([
      'A',
      'H',
      'M',
      'Z',
      'ASIAN',
      'A',
      'B',
      'N',
      'G',
      'S',
      'K',
      'Z',
      '99',
      'R',
      'R',
      'A',
      'P',
      'E',
      'F',
      'Z',
      'H',
      'H',
    ]);
  });

  it('reads an ethnic group given without its category as that group, and says how many rows give one', async () => {
    const values = [
      'Asian',
      'White',
      'Black or Black British',
      'Mixed',
      'Other',
      'ASIAN',
      'Indian',
      'Not known',
    ];
    const file = write('groups-only.csv', oneColumnCsv('ethnicity', values));
    const result = await importAs('groups-only', file);
    expect(result.report.examples).toEqual([]);
    const rows = await stored('groups-only', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual([
      'ASIAN',
      'WHITE',
      'BLACK',
      'MIXED',
      'OTHER',
      'ASIAN',
      'H',
      '99',
    ]);
    expect(result.report.warnings).toContain(
      '6 rows in "ethnicity" give the ethnic group without its category (such as "Asian" rather than "Indian"): 2 Asian or Asian British, 1 Black, Black British, Caribbean or African, 1 Mixed or multiple, 1 Other ethnic group, 1 White. They count in the breakdowns by broad ethnic group, and in those by detailed group as the group\'s "category not recorded".',
    );
  });

  it("reads the 2021 census's five high-level ethnic groups as groups without their category", async () => {
    const values = [
      'Asian, Asian British or Asian Welsh',
      'Black, Black British, Black Welsh, Caribbean or African',
      'Mixed or Multiple ethnic groups',
      'White',
      'Other ethnic group',
      'White: Irish',
    ];
    const file = write('census-groups.csv', oneColumnCsv('ethnicity', values));
    const result = await importAs('census-groups', file);
    expect(result.report.examples).toEqual([]);
    const rows = await stored('census-groups', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual(['ASIAN', 'BLACK', 'MIXED', 'WHITE', 'OTHER', 'B']);
  });

  it('reads not stated and not known written out in a file of ONS 2021 census groups', async () => {
    const values = [
      'Asian, Asian British or Asian Welsh: Chinese',
      'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups',
      'Not stated',
      'Prefer not to say',
      'Not known',
    ];
    const file = write('census-not-given.csv', oneColumnCsv('ethnicity', values));
    const result = await importAs('census-not-given', file);
    expect(result.mapping.ethnicityCoding).toBe('ons2021');
    expect(result.report.examples).toEqual([]);
    const rows = await stored('census-not-given', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual(['R', 'G', 'Z', 'Z', '99']);
  });

  it("reads HES's ETHNOS codes, X (not known before 2013) as 99 and a lower-case x too", async () => {
    const file = write(
      'hes-ethnos.csv',
      'TOKEN_PERSON_ID,LSOA,ETHNOS\nH1,X01000001,X\nH2,X01000001,N\nH3,X01000001,x\nH4,X01000001,XX\n',
    );
    const result = await importAs('hes-ethnos', file);
    expect(result.mapping.columns.ethnicity).toBe('ETHNOS');
    expect(result.report.examples).toEqual([
      { row: 5, column: 'ETHNOS', value: 'XX', problem: ethnicCodeProblem },
    ]);
    const rows = await stored('hes-ethnos', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual(['99', 'N', '99', '99']);
  });

  it("reads a GP system's ethnicity terms of the 2001 and 2011 censuses as their categories", async () => {
    const terms: [string, string][] = [
      ['British or mixed British - ethnic category 2001 census', 'A'],
      ['Other White background - ethnic category 2001 census', 'C'],
      ['White and Black Caribbean - ethnic category 2001 census', 'D'],
      ['Indian or British Indian - ethnic category 2001 census', 'H'],
      ['Pakistani or British Pakistani - ethnic category 2001 census', 'J'],
      ['Other Black background - ethnic category 2001 census', 'P'],
      ['Chinese - ethnic category 2001 census', 'R'],
      ['Other - ethnic category 2001 census', 'S'],
      ['Ethnic category not stated - 2001 census', 'Z'],
      ['White: English or Welsh or Scottish or Northern Irish or British - ethnic category 2011 census', 'A'],
      ['White: Gypsy or Irish Traveller - ethnic category 2011 census', 'C'],
      [
        'Mixed multiple ethnic groups: any other Mixed or multiple ethnic background - ethnic category 2011 census',
        'G',
      ],
      ['Asian or Asian British: Bangladeshi - ethnic category 2011 census', 'K'],
      ['Black or African or Caribbean or Black British: African - ethnic category 2011 census', 'N'],
      [
        'Black or African or Caribbean or Black British: other Black or African or Caribbean background - ethnic category 2011 census',
        'P',
      ],
      ['Other ethnic group: Arab - ethnic category 2011 census', 'S'],
    ];
    const file = write(
      'gp-ethnicity.csv',
      'Patient ID,LSOA,Ethnicity\n' +
        terms.map(([term], i) => `G${String(i).padStart(2, '0')},X01000001,"${term}"\n`).join(''),
    );
    const result = await importAs('gp-ethnicity', file);
    expect(result.report.examples).toEqual([]);
    const rows = await stored('gp-ethnicity', 'ethnic_code');
    expect(rows.map((r) => r.ethnic_code)).toEqual(terms.map(([, code]) => code));
  });
});
