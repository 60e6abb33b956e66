import { describe, expect, it } from 'vitest';
import { holdsPersonNames, isNameShaped } from './person-names.ts';

describe("people's names by their values", () => {
  it('are shaped as names, with or without a title, in either order', () => {
    for (const name of [
      'Jane Smith',
      'JANE A SMITH',
      'Mr Ali Khan',
      'SMITH, Jane',
      "Siobhan O'Neil",
      ' Priya  Patel ',
      'Zoë Brontë',
      'José García',
    ])
      expect(isNameShaped(name), name).toBe(true);
    for (const other of [
      'Smith',
      'General Surgery Clinic',
      'Dr Patel And Partners',
      'Victoria Ward',
      'J. Smith',
      '12 High Street',
      'jane smith',
    ])
      expect(isNameShaped(other), other).toBe(false);
  });

  it('make a column of names when most are names and many hold a common forename or surname', () => {
    const people = [
      'Jane Smith',
      'Mohammed Hussain',
      'PATEL, Priya',
      'Gurpreet Kaur',
      'Tomasz Nowak',
      'Chidi Okafor',
    ];
    expect(holdsPersonNames(people)).toBe(true);
    // A handful of uncommon names is not enough to tell names from other words in capitals.
    expect(holdsPersonNames(['Chidi Okafor', 'Tomasz Wisniewski', 'Oluwaseun Adeyemi'])).toBe(false);
  });

  // Forenames and surnames on no list Parity holds, as most people's names are on none.
  const forenames = ['Chidi', 'Oluwaseun', 'Agnieszka', 'Bogdan', 'Ioana', 'Hodan', 'Xiaoling', 'Kwame'];
  const surnames = ['Okafor', 'Adeyemi', 'Wisniewski', 'Popescu', 'Warsame', 'Zhang', 'Mensah', 'Nwosu'];
  const uncommon = forenames.flatMap((f) => surnames.map((s) => `${f} ${s}`));
  const times = (values: string[], n: number) =>
    Array.from({ length: n }, (_v, i) => values[i % values.length]!);

  it('make a column of surnames alone only when many are common names', () => {
    expect(holdsPersonNames(['Smith', 'PATEL', 'Okafor', 'Kaur', 'Nowak', "O'Neil", 'Hussain'])).toBe(true);
    expect(holdsPersonNames(['Okafor', 'Warsame', 'Popescu', 'Mensah'])).toBe(false);
    expect(holdsPersonNames(['Cardiology', 'Paediatrics', 'Oakham', 'Atorvastatin', 'Smith'])).toBe(false);
  });

  it('make a column of names when, among 50 values or more, most are names and many are different', () => {
    // 60 appointments of 40 people: some come more than once.
    expect(holdsPersonNames(times(uncommon.slice(0, 40), 60))).toBe(true);
    expect(holdsPersonNames(uncommon.slice(0, 49))).toBe(false);
  });

  it('leave name-shaped values that repeat alone: specialties, towns and clinicians', () => {
    const specialties = [
      'Clinical Haematology',
      'Paediatric Cardiology',
      'Geriatric Medicine',
      'Dermatology Outpatients',
    ];
    const towns = ['Melton Mowbray', 'Market Harborough', 'Ashby De La Zouch', 'Lutterworth', 'Oakham'];
    const clinicians = uncommon.slice(0, 12).map((n) => `Dr ${n}`);
    for (const values of [specialties, towns, clinicians])
      expect(holdsPersonNames(times(values, 200)), values.join(', ')).toBe(false);
  });

  it('leave specialties, places, ethnic groups, practices, wards and statuses alone', () => {
    const columns = [
      [
        'General Surgery',
        'Trauma And Orthopaedics',
        'Ear Nose And Throat',
        'Paediatrics',
        'Clinical Haematology',
      ],
      ['Leicester City', 'Oadby And Wigston', 'Melton Mowbray', 'North West Leicestershire', 'Rutland'],
      [
        'White British',
        'Asian Or Asian British Indian',
        'Black African',
        'Mixed White And Asian',
        'Any Other White Background',
      ],
      ['Dr Patel And Partners', 'The Charnwood Practice', 'Singh Medical Centre', 'Khan Surgery'],
      ['Victoria Ward', 'Beatrice Ward', 'Elizabeth Unit', 'George Eliot Hospital'],
      ['Amber', 'Red', 'Green', 'Amber'],
      ['Did Not Attend', 'Attended On Time', 'Cancelled By Patient', 'Discharged'],
      [],
    ];
    for (const values of columns) expect(holdsPersonNames(values), values.join(', ')).toBe(false);
  });
});
