import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { TOO_EARLY, tooLate } from './event-dates.ts';

describe('rows dated outside the dates a row can have', () => {
  const { store, write, importAs, stored } = importStore('parity-event-dates-');

  it('are reported by row and kept with no date, so they make no period of their own', async () => {
    const file = write(
      'dates.csv',
      'person_id,lsoa_code,event_date,dna\n' +
        'P1,E01000001,01/05/2024,0\n' +
        'P2,E01000001,01/01/1900,1\n' +
        'P3,E01000001,31/12/9999,0\n' +
        'P4,E01000001,01/04/1948,0\n' +
        'P5,E01000001,31/03/1948,1\n',
    );
    const imported = await importAs('dates', file);
    const problems = imported.report.problems.map((p) => [p.problem, p.rows, p.firstRow]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [TOO_EARLY, 2, 3],
        [tooLate(), 1, 4],
      ]),
    );
    expect(imported.rowsStored).toBe(5);
    expect(imported.fields.dates).toEqual({ first: '1948-04-01', last: '2024-05-01' });
    const rows = await stored('dates', 'person_id, CAST(event_date AS VARCHAR) AS day, period');
    expect(rows).toEqual([
      { person_id: 'P1', day: '2024-05-01', period: '2024/25' },
      { person_id: 'P2', day: null, period: 'Not known' },
      { person_id: 'P3', day: null, period: 'Not known' },
      { person_id: 'P4', day: '1948-04-01', period: '1948/49' },
      { person_id: 'P5', day: null, period: 'Not known' },
    ]);
  });

  it('are told apart in a Parquet file of dates too', async () => {
    const file = store().datasetPath('typed-dates.parquet');
    await store().run(
      `COPY (SELECT * FROM (VALUES ('P1', 'E01000001', DATE '2023-06-01'), ('P2', 'E01000001', DATE '2099-01-01')) t(person_id, lsoa_code, event_date)) TO '${file}' (FORMAT parquet)`,
    );
    const imported = await importAs('typed', file);
    const dates = imported.report.problems.filter((p) => p.column === 'event_date');
    expect(dates.map((p) => [p.problem, p.firstRow])).toEqual([[tooLate(), 2]]);
    const rows = await stored('typed', 'person_id, period');
    expect(rows).toEqual([
      { person_id: 'P1', period: '2023/24' },
      { person_id: 'P2', period: 'Not known' },
    ]);
  });
});
