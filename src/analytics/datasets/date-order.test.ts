import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';

const header = 'person_id,lsoa_code,age,event_date,dna';
const csv = (dates: string[]) =>
  `${[header, ...dates.map((d, i) => `P${i},X0100000${1 + (i % 9)},${30 + i},${d},${i % 2}`)].join('\n')}\n`;
const monthFirstNote = (example: string) =>
  `"event_date" writes dates with the month first (such as ${example}), as US systems and Excel set to US English do, so its dates were read that way: 04/05/2024 is 5 April 2024. If the file writes the day first, import it again choosing "Day first" for how dates are written (or with "dateOrder": "day-first" in its column mapping).`;

const eitherWayNote = (example: string, inWords: string, weekends: string) =>
  `Every date in "event_date" written in numbers has a day and a month of 12 or under (such as ${example}), so each could be read day first or month first. They were read day first, as UK extracts write them: ${example} is ${inWords}.${weekends} If the file writes the month first (a US system, or Excel set to US English), import it again choosing "Month first" for how dates are written (or with "dateOrder": "month-first" in its column mapping).`;

describe('dates written month first', () => {
  const { write, importAs, stored } = importStore('parity-date-order-');
  const days = async (id: string) =>
    (await stored<{ d: string | null }>(id, 'CAST(event_date AS VARCHAR) AS d')).map((r) => r.d);

  it('reads a file whose dates can only be month first as month first, and says so', async () => {
    // 04/05/2024 is 5 April: read day first, it would be 4 May, in the same financial year, unnoticed.
    const file = write('us.csv', csv(['04/05/2024', '03/31/2024 14:05', '12/01/2023', '4/15/24']));
    const result = await importAs('us', file);
    expect(result.mapping.dateOrder).toBe('month-first');
    expect(result.report.problems).toEqual([]);
    expect(await days('us')).toEqual(['2024-04-05', '2024-03-31', '2023-12-01', '2024-04-15']);
    expect(result.report.warnings).toContain(monthFirstNote('03/31/2024 14:05'));
    const periods = await stored<{ period: string }>('us', 'period');
    expect(periods.map((p) => p.period)).toEqual(['2024/25', '2023/24', '2023/24', '2024/25']);
  });

  it('finds a file month first from dates typed after a weekday, and reads them so', async () => {
    // 5 April 2024 and 1 December 2023 were Fridays, 31 March 2024 a Sunday (a calendar's word).
    const file = write('us-weekdays.csv', csv(['Fri 04/05/2024', 'Sun 03/31/2024', 'Fri 12/01/2023']));
    const result = await importAs('us-weekdays', file);
    expect(result.mapping.dateOrder).toBe('month-first');
    expect(result.report.problems).toEqual([]);
    expect(await days('us-weekdays')).toEqual(['2024-04-05', '2024-03-31', '2023-12-01']);
  });

  it('reads the 12-hour times Excel set to US English adds, in either order', async () => {
    const us = await importAs(
      'us-times',
      write('us-times.csv', csv(['5/19/2024 9:30:00 PM', '4/5/2024 10:15 AM'])),
    );
    expect(us.mapping.dateOrder).toBe('month-first');
    expect(us.report.problems).toEqual([]);
    expect(await days('us-times')).toEqual(['2024-05-19', '2024-04-05']);
    const uk = await importAs(
      'uk-times',
      write('uk-times.csv', csv(['19/05/2024 9:30 AM', '04/05/24 12:00 PM'])),
    );
    expect(uk.report.problems).toEqual([]);
    expect(await days('uk-times')).toEqual(['2024-05-19', '2024-05-04']);
  });

  it('reads dates with the month by name, and a year first with dots, in a file of either order', async () => {
    // In quotes, as a CSV file writes a value with a comma.
    const dates = ['"May 3, 2024"', '"Sep 30, 2024"', '2024.05.03'];
    await importAs('named', write('named.csv', csv(dates)));
    expect(await days('named')).toEqual(['2024-05-03', '2024-09-30', '2024-05-03']);
    await importAs('named-us', write('named-us.csv', csv([...dates, '04/15/2024'])));
    expect(await days('named-us')).toEqual(['2024-05-03', '2024-09-30', '2024-05-03', '2024-04-15']);
  });

  it('reads dates day first when any can only be day first, or when none says which', async () => {
    const uk = await importAs('uk', write('uk.csv', csv(['04/05/2024', '31/03/2024', '01/12/2023'])));
    expect(uk.mapping.dateOrder).toBeUndefined();
    expect(await days('uk')).toEqual(['2024-05-04', '2024-03-31', '2023-12-01']);
    const ambiguous = await importAs('ambiguous', write('either.csv', csv(['04/05/2024', '01/12/2023'])));
    expect(ambiguous.mapping.dateOrder).toBeUndefined();
    expect(await days('ambiguous')).toEqual(['2024-05-04', '2023-12-01']);
    expect(ambiguous.report.warnings).toContain(eitherWayNote('04/05/2024', '4 May 2024', ''));
    // Some only day first, some only month first: day first, as UK extracts are, and the others are
    // reported as dates that do not exist.
    const mixed = await importAs('mixed', write('mixed.csv', csv(['31/03/2024', '03/31/2024'])));
    expect(mixed.mapping.dateOrder).toBeUndefined();
    expect(mixed.report.problems).toMatchObject([
      { column: 'event_date', problem: 'not a date that exists, written YYYY-MM-DD or DD/MM/YYYY', rows: 1 },
    ]);
    for (const result of [uk, mixed]) expect(result.report.warnings.join(' ')).not.toContain('month first');
    expect(ambiguous.report.warnings.join(' ')).not.toContain('writes dates with the month first');
    // Dates whose day and month are the same read alike either way: nothing to say.
    const alike = await importAs('alike', write('alike.csv', csv(['01/01/2024', '05/05/2024'])));
    expect(alike.report.warnings.join(' ')).not.toContain('month first');
  });

  it('says nothing of a big file sorted by date whose first 100,000 dates are of the first days of a month', async () => {
    const early = Array.from({ length: 100_000 }, (_v, i) => `0${1 + (i % 9)}/12/2023`);
    const file = write('sorted.csv', csv([...early, '25/12/2023', '31/12/2023']));
    const result = await importAs('sorted', file);
    expect(result.rowsStored).toBe(100_002);
    // (The helper's ages run past 120 in so many rows: only the dates matter here.)
    expect(result.report.problems.filter((p) => p.column === 'event_date')).toEqual([]);
    expect(result.report.warnings.join(' ')).not.toContain('month first');
  });

  it('says when a file of weekday appointments has many at a weekend read day first', async () => {
    // 40 weekday dates in 2024 on the 1st to the 12th of a month, written month first.
    const dates: Date[] = [];
    for (let month = 1; month <= 12 && dates.length < 40; month++)
      for (let day = 1; day <= 12 && dates.length < 40; day++) {
        const date = new Date(Date.UTC(2024, month - 1, day));
        if (day !== month && date.getUTCDay() % 6 !== 0) dates.push(date);
      }
    const two = (n: number) => String(n).padStart(2, '0');
    const written = dates.map((d) => `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/2024`);
    // Read day first, each would be on the day its month says, in the month its day says.
    const weekend = dates.filter(
      (d) => new Date(Date.UTC(2024, d.getUTCDate() - 1, d.getUTCMonth() + 1)).getUTCDay() % 6 === 0,
    ).length;
    expect(weekend).toBeGreaterThanOrEqual(6);
    const result = await importAs('weekdays', write('weekdays.csv', csv(written)));
    expect(result.mapping.dateOrder).toBeUndefined();
    // Read day first, the first date's month (its first number) is the day.
    const [month, day] = written[0]!.split('/').map(Number);
    const monthName = new Date(Date.UTC(2024, day! - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    expect(result.report.warnings).toContain(
      eitherWayNote(
        written[0]!,
        `${month} ${monthName} 2024`,
        ` Read day first, ${Math.round((100 * weekend) / 40)}% of them fall on a Saturday or Sunday, against 0% read month first: if the service is closed at weekends, the file may well write the month first.`,
      ),
    );
  });

  it('reads dates as the mapping says, naming the form expected in the problems', async () => {
    const file = write('said.csv', csv(['04/05/2024', '03/31/2024', '31/03/2024']));
    const dayFirst = await importAs('said-day', file, { dateOrder: 'day-first' });
    expect(await days('said-day')).toEqual(['2024-05-04', null, '2024-03-31']);
    expect(dayFirst.report.warnings.join(' ')).not.toContain('month first');
    const monthFirst = await importAs('said-month', file, { dateOrder: 'month-first' });
    expect(monthFirst.mapping.dateOrder).toBe('month-first');
    expect(await days('said-month')).toEqual(['2024-04-05', '2024-03-31', null]);
    expect(monthFirst.report.problems).toMatchObject([
      {
        column: 'event_date',
        problem: 'not a date that exists, written YYYY-MM-DD or MM/DD/YYYY',
        firstRow: 4,
      },
    ]);
    expect(monthFirst.report.warnings.join(' ')).not.toContain('writes dates with the month first');
  });

  it('works out ages from dates of birth written month first', async () => {
    const file = write(
      'births.csv',
      'person_id,lsoa_code,Date of birth,Appointment date\nB1,X01000001,05/20/1980,05/19/2024\nB2,X01000001,05/19/1980,05/19/2024\n',
    );
    const result = await importAs('births', file);
    expect(result.mapping.dateOrder).toBe('month-first');
    expect(result.report.problems).toEqual([]);
    expect((await stored<{ age: number }>('births', 'age')).map((r) => r.age)).toEqual([43, 44]);
  });
});
