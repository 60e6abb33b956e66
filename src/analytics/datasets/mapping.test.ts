import { describe, expect, it } from 'vitest';
import { mappingInputSchema, mappingProblems, resolveMapping } from './mapping-input.ts';

const described = [
  { name: 'person_id', type: 'VARCHAR' },
  { name: 'LSOA', type: 'VARCHAR' },
  { name: 'age_years', type: 'BIGINT' },
  { name: 'sex', type: 'VARCHAR' },
  { name: 'dna', type: 'BIGINT' },
  { name: 'wait_weeks', type: 'DOUBLE' },
  { name: 'flag_smi', type: 'BIGINT' },
  { name: 'specialty', type: 'VARCHAR' },
];

describe('column mappings', () => {
  it('names every problem at once, each by where it is', () => {
    const problems = mappingProblems({
      colums: {},
      lsoaVintage: '2019',
      columns: { lsoa: 'LSOA', age: '' },
      measures: { 'Weeks waited': 'weeks' },
      flags: { ld: 'LD' },
    });
    expect(problems.sort()).toEqual(
      [
        'columns: lsoa is not a standard field (person_id, lsoa_code, age, age_band, sex, ethnicity, event_date, date_of_birth, postcode, lsoa_name; other fields go under measures, flags or attributes)',
        'columns.age: give the column name as it appears in the file',
        'lsoaVintage: give "2011" or "2021"',
        'measures.Weeks waited: names use lower-case letters, digits and underscores, starting with a letter',
        'flags.ld: flag names start with flag_',
        'colums is not a mapping setting (the settings are columns, lsoaVintage, ethnicityCoding, dateOrder, measures, measureCodings, measuresGivenAs, diagnosisMeasures, mainProcedure, allRows, attributes, flags, personIds, firstEpisodesOnly, sheet, allSheets)',
      ].sort(),
    );
    expect(mappingProblems({ measureCodings: { dna: 'attendance' } })).toEqual([]);
    expect(mappingProblems({ measureCodings: { DNA: 'attendance' } })).toEqual([
      'measureCodings.DNA: names use lower-case letters, digits and underscores, starting with a letter',
    ]);
    expect(mappingProblems({ measureCodings: { x: 'outcome' } })).toEqual([
      'measureCodings.x: give one of attendance, admission-method, cancer-stage',
    ]);
    expect(mappingProblems({ measuresGivenAs: { wait_weeks: 'days' } })).toEqual([]);
    expect(mappingProblems({ measuresGivenAs: { wait_weeks: 'months' } })).toEqual([
      'measuresGivenAs.wait_weeks: give "days" for a column of days read as weeks, or "start-date" for the date a wait began',
    ]);
    expect(mappingProblems([])).toEqual(['The mapping must be a JSON object, like the example']);
    expect(mappingProblems({ lsoaVintage: '2011' })).toEqual([]);
  });

  it('detects from the file whatever the mapping leaves out', () => {
    const mapping = resolveMapping(
      mappingInputSchema.parse({ columns: { lsoa_code: 'LSOA', age: 'age_years' }, lsoaVintage: '2011' }),
      described,
    );
    expect(mapping.columns).toMatchObject({
      person_id: 'person_id',
      lsoa_code: 'LSOA',
      age: 'age_years',
      sex: 'sex',
    });
    expect(mapping.lsoaVintage).toBe('2011');
    // age_years is the age, so it is not also a measure.
    expect(mapping.measures).toEqual({ dna: 'dna', wait_weeks: 'wait_weeks' });
    expect(mapping.flags).toEqual({ flag_smi: 'flag_smi' });
    expect(mapping.attributes).toEqual({ specialty: 'specialty' });
  });

  it("keeps a column named like a field Parity writes itself under another name, and refuses a mapping's", () => {
    const mapping = resolveMapping(undefined, [
      { name: 'LSOA', type: 'VARCHAR' },
      { name: 'Appointment date', type: 'DATE' },
      { name: 'Period', type: 'VARCHAR' },
      { name: 'ESP band', type: 'BIGINT' },
    ]);
    expect(mapping.attributes).toEqual({ period_in_file: 'Period' });
    expect(mapping.measures).toEqual({ esp_band_in_file: 'ESP band' });
    const reason = (name: string) =>
      `${name} is a field Parity writes itself (a standard field, under columns, or worked out from them): give this one another name, such as ${name}_in_file`;
    expect(
      mappingProblems({ measures: { age: 'Age' }, attributes: { period: 'Period' }, allRows: ['sex'] }),
    ).toEqual([
      `measures.age: ${reason('age')}`,
      `allRows: ${reason('sex')}`,
      `attributes.period: ${reason('period')}`,
    ]);
  });

  it('reads a column of numbers headed as extracts head a catalogue measure as that measure', () => {
    const column = (name: string, type = 'DOUBLE') => ({ name, type });
    const measures = (...described: { name: string; type: string }[]) =>
      resolveMapping(undefined, [column('lsoa_code', 'VARCHAR'), ...described]).measures;
    expect(measures(column('Weeks waited'), column('Days waited'))).toEqual({
      wait_weeks: 'Weeks waited',
      days_waited: 'Days waited',
    });
    // A column of days gives the weeks when no column gives them, wherever it stands.
    expect(measures(column('Days waited'), column('Weeks waited'))).toEqual({
      days_waited: 'Days waited',
      wait_weeks: 'Weeks waited',
    });
    expect(measures(column('Waiting time (weeks)'), column('Waiting time (days)'))).toEqual({
      wait_weeks: 'Waiting time (weeks)',
      waiting_time_days: 'Waiting time (days)',
    });
    const inDays = resolveMapping(undefined, [column('lsoa_code', 'VARCHAR'), column('Waiting time (days)')]);
    expect(inDays.measures).toEqual({ wait_weeks: 'Waiting time (days)' });
    expect(inDays.measuresGivenAs).toEqual({ wait_weeks: 'days' });
    expect(resolveMapping(undefined, [column('wait_weeks'), column('Days waited')]).measuresGivenAs).toEqual(
      {},
    );
    // The gestation at birth, in weeks, or in days as the Maternity Services Data Set gives it.
    expect(measures(column('Gestational age (weeks)'))).toEqual({
      gestation_weeks: 'Gestational age (weeks)',
    });
    const msds = resolveMapping(undefined, [column('lsoa_code', 'VARCHAR'), column('GestationLengthBirth')]);
    expect(msds.measures).toEqual({ gestation_weeks: 'GestationLengthBirth' });
    expect(msds.measuresGivenAs).toEqual({ gestation_weeks: 'days' });
    // A clock start gives the weeks when no column gives them or the days, and the file is dated.
    const started = (...names: string[]) =>
      resolveMapping(undefined, [
        column('lsoa_code', 'VARCHAR'),
        ...names.map((n) => column(n, n.endsWith('date') || n.endsWith('Date') ? 'DATE' : 'DOUBLE')),
      ]);
    const ptl = started('RTT Period Start Date', 'Week ending date');
    expect(ptl.measures).toEqual({ wait_weeks: 'RTT Period Start Date' });
    expect(ptl.measuresGivenAs).toEqual({ wait_weeks: 'start-date' });
    expect(ptl.columns.event_date).toBe('Week ending date');
    expect(started('Clock start date', 'Week ending date', 'Days waiting').measuresGivenAs).toEqual({
      wait_weeks: 'days',
    });
    expect(started('Clock start date', 'Weeks waited', 'Week ending date').measuresGivenAs).toEqual({});
    // Without the date of each row there is nothing to count from: the clock start is not the date.
    const undated = started('Clock start date');
    expect(undated.measures).toEqual({});
    expect(undated.columns.event_date).toBeUndefined();
    expect(measures(column('WeeksWaiting'))).toEqual({ wait_weeks: 'WeeksWaiting' });
    // Not when the file has a wait_weeks column of its own, nor a column of text.
    expect(measures(column('wait_weeks'), column('Weeks waited'))).toEqual({
      wait_weeks: 'wait_weeks',
      weeks_waited: 'Weeks waited',
    });
    expect(resolveMapping(undefined, [column('Weeks waited', 'VARCHAR')]).attributes).toEqual({
      weeks_waited: 'Weeks waited',
    });
  });

  it('turns headings with spaces into field names, leaving out any that would clash', () => {
    const mapping = resolveMapping(undefined, [
      { name: 'lsoa_code', type: 'VARCHAR' },
      { name: 'Miles travelled', type: 'DOUBLE' },
      { name: 'Flag LD', type: 'BIGINT' },
      { name: 'Specialty name', type: 'VARCHAR' },
      { name: 'specialty_name', type: 'VARCHAR' },
      { name: '2nd attempt', type: 'BIGINT' },
    ]);
    expect(mapping.measures).toEqual({ miles_travelled: 'Miles travelled' });
    expect(mapping.flags).toEqual({ flag_ld: 'Flag LD' });
    expect(mapping.attributes).toEqual({ specialty_name: 'specialty_name' });
  });

  it('reads ethnic_code in a mapping as ethnicity', () => {
    const mapping = resolveMapping(
      mappingInputSchema.parse({ columns: { lsoa_code: 'LSOA', ethnic_code: 'sex' } }),
      described,
    );
    expect(mapping.columns.ethnicity).toBe('sex');
  });

  it('uses the measures, flags and attributes a mapping gives instead of the detected ones', () => {
    const mapping = resolveMapping(
      mappingInputSchema.parse({ columns: { lsoa_code: 'LSOA' }, measures: { missed: 'dna' }, flags: {} }),
      described,
    );
    expect(mapping.measures).toEqual({ missed: 'dna' });
    expect(mapping.flags).toEqual({});
    expect(mapping.attributes).toEqual({ specialty: 'specialty' });
  });
});
