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
    // Uncommon names alone are not enough to tell names from other words in capitals.
    expect(holdsPersonNames(['Chidi Okafor', 'Tomasz Wisniewski', 'Oluwaseun Adeyemi'])).toBe(false);
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
