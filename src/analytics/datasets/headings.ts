// Which columns of an extract hold Parity's standard fields, recognised from their headings when no
// mapping names them: the standard names themselves, and the headings NHS extracts commonly use
// (SUS and ECDS derived fields, GP system reports, hand-made spreadsheets). Headings are compared
// after normalising case, spaces and punctuation, so "Appointment Date", "AppointmentDate" and
// "appointment_date" match.

export type StandardColumn =
  'person_id' | 'lsoa_code' | 'age' | 'age_band' | 'sex' | 'ethnicity' | 'event_date' | 'date_of_birth';

/** Normalised headings for each standard field, the most specific first. */
export const standardHeadings: Record<StandardColumn, string[]> = {
  person_id: [
    'person_id',
    'pseudo_id',
    'pseudonymised_id',
    'pseudonymised_person_id',
    'pseudo_nhs_number',
    'der_pseudo_nhs_number',
    'pseudonymised_nhs_number',
    'nhs_number_pseudo',
    'patient_pseudonym',
    'person_pseudonym',
    'pseudonym',
    'pseudonymised_patient_id',
    'pseudo_patient_id',
    'encrypted_nhs_number',
    // A data warehouse's surrogate key for the patient (NCDR, SUS+ marts: SK_PatientID).
    'sk_patient_id',
    // HES as NHS England releases it: a token for each person, or the HES identifier encrypted.
    'token_person_id',
    'token_id',
    'encrypted_hesid',
    'hesid',
    // The Maternity Services Data Set's mother.
    'person_id_mother',
    'patient_id',
    // The cancer registry's (NDRS, and its Simulacrum) patient, its words run together in capitals.
    'patientid',
  ],
  lsoa_code: [
    'lsoa_code',
    'lsoa21_code',
    'lsoa11_code',
    'lsoa21cd',
    'lsoa11cd',
    'lsoa_2021_code',
    'lsoa_2011_code',
    'lsoa2021_code',
    'lsoa2011_code',
    'der_postcode_lsoa_2021_code',
    'der_postcode_lsoa_2011_code',
    'der_postcode_lsoa_code',
    'lsoa_of_residence',
    'lower_layer_super_output_area_code',
    'lower_layer_super_output_area',
    'lower_super_output_area_code',
    'lower_super_output_area',
    // The Maternity Services Data Set's mother's LSOA ("LSOAMother2011").
    'lsoa_mother2011',
    'lsoa_mother2021',
    'lsoa_2021',
    'lsoa_2011',
    'lsoa2021',
    'lsoa2011',
    'lsoa21',
    'lsoa11',
    'lsoa',
  ],
  age: [
    'age',
    'age_in_years',
    'age_years',
    'age_at_event',
    'age_at_activity',
    'der_age_at_cds_activity_date',
    'age_at_appointment',
    'age_at_attendance',
    'age_at_admission',
    'age_on_admission',
    'age_at_referral',
    'age_at_diagnosis',
    'age_at_booking',
    'age_at_arrival',
    'age_on_arrival',
    'age_at_activity_date',
    'age_at_cds_activity_date',
    'age_at_contact',
    'age_at_appt',
    // SUS: age at the start of the hospital provider spell, and of the episode.
    'age_at_start_of_spell_sus',
    'age_at_start_of_spell',
    'age_at_start_of_episode_sus',
    'age_at_start_of_episode',
    // HES: age at the start of the episode, at admission, at the appointment, at arrival in A&E.
    'startage',
    'admiage',
    'apptage',
    'arrivalage',
    // The Maternity Services Data Set: the mother's age at booking, at the birth.
    'age_at_booking_mother',
    'age_at_birth_mother',
  ],
  age_band: ['age_band', 'age_group', 'ageband', 'age_range'],
  sex: [
    'sex',
    'gender',
    'sex_code',
    'gender_code',
    'person_stated_gender_code',
    'person_stated_gender',
    'stated_gender',
    'person_gender_code_current',
    'person_gender',
    'person_gender_code',
    'patient_gender',
    'patient_sex',
    'person_phenotypic_sex',
  ],
  ethnicity: [
    'ethnic_code',
    'ethnicity',
    'ethnic_category',
    'ethnic_category_code',
    // The Data Dictionary's data element, ETHNIC CATEGORY CODE 2001.
    'ethnic_category_code_2001',
    'ethnic_category_2001',
    'patient_ethnicity',
    'patient_ethnic_category',
    'ethnicity_code',
    'ethnic_group',
    'ethnic_group_code',
    // A file of the 2021 census groups may say so in the heading.
    'ethnic_group_ons_2021',
    'ethnic_group_2021',
    'ethnic_origin',
    'ethnic_origin_code',
    'ethnos',
    'ethnic_category_mother',
    'ethnic',
    // A description without its code ("Asian or Asian British - Indian"), read as its code.
    'ethnic_category_description',
    'ethnicity_description',
    'ethnic_group_description',
    'ethnic_description',
  ],
  event_date: [
    'event_date',
    'activity_date',
    'appointment_date',
    'attendance_date',
    'admission_date',
    'date_of_admission',
    'diagnosis_date',
    'date_of_diagnosis',
    'booking_date',
    'contact_date',
    'episode_start_date',
    'referral_date',
    'arrival_date',
    // HES: date of admission, of the appointment, of the start of the episode, of arrival in A&E.
    'admidate',
    'apptdate',
    'epistart',
    'arrivaldate',
    // The Maternity Services Data Set: the date of the booking appointment.
    'antenatal_app_date',
    // The cancer registry: the date of diagnosis, as best known.
    'diagnosisdatebest',
    // A waiting list is a snapshot, dated by the week it was taken.
    'week_ending',
    'week_ending_date',
    'snapshot_date',
    'date',
  ],
  // Read only to work out age at the event when the file gives no age; never stored.
  date_of_birth: [
    'date_of_birth',
    'birth_date',
    'birthdate',
    'dob',
    'd_o_b',
    'patient_date_of_birth',
    'person_birth_date',
    'patient_dob',
  ],
};

/**
 * A heading's words run together in a data warehouse's style made separate: "AppointmentDate",
 * "LSOACode", "LSOA2011Code", "NHSNumber" as Appointment_Date, LSOA_Code, LSOA2011_Code, NHS_Number.
 * A code such as LSOA11CD, and a plural such as LSOAs, stay whole.
 */
const separateRunTogetherWords = (heading: string): string =>
  heading.replace(/([a-z])(?=[A-Z])|([A-Z0-9])(?=[A-Z][a-z])(?![A-Z]s(?![a-z]))/g, '$1$2_');

/** Whether a heading runs words together ("WaitWeeks"), so that its field name should part them. */
export const runsWordsTogether = (heading: string): boolean => /[a-z][A-Z][a-z]/.test(heading);

/** A heading as a person would type it: case, line breaks and runs of spaces aside. */
export const looseHeading = (heading: string): string => heading.replace(/\s+/g, ' ').trim().toLowerCase();

export const normaliseHeading = (heading: string): string =>
  separateRunTogetherWords(heading)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** The LSOA vintage a heading names (LSOA11CD, "LSOA 2021 code" …), if it names one. */
export function lsoaVintageOf(heading: string): '2011' | '2021' | undefined {
  const normalised = normaliseHeading(heading);
  if (/(^|_)lsoa_?(mother)?(2011|11)|_2011(_|$)/.test(normalised)) return '2011';
  if (/(^|_)lsoa_?(mother)?(2021|21)|_2021(_|$)/.test(normalised)) return '2021';
  return undefined;
}

/**
 * Normalised headings of the date a wait began, the referral to treatment (RTT) clock start, as
 * waiting lists give it: with the date of each row (the list's week ending) it gives the weeks waited.
 */
export const waitStartHeadings = [
  'rtt_period_start_date',
  'referral_to_treatment_period_start_date',
  'rtt_start_date',
  'rtt_clock_start_date',
  'rtt_clock_start',
  'clock_start_date',
  'clock_start',
  'pathway_start_date',
];

/**
 * A heading that looks like a date other than birth or death (for naming the event date's rivals),
 * nor a wait's start, which is never the date of a row.
 */
const datedHeading = (normalised: string): boolean =>
  /(^|_)date($|_)/.test(normalised) &&
  !/birth|death|dob|dod/.test(normalised) &&
  !waitStartHeadings.includes(normalised);

export interface RecognisedColumns {
  columns: Partial<Record<StandardColumn, string>>;
  /** The LSOA vintage the LSOA column's heading names (LSOA11CD, LSOA 2011 …), if it names one. */
  lsoaVintage?: '2011' | '2021';
  /** Other date columns, not read as the event date (the import says which one it took). */
  otherDates: string[];
}

/**
 * The column holding each standard field, from the headings of `columns` (in file order): for each
 * field, the column whose heading comes first in that field's list. A column is taken once. Without
 * a listed date, a file's only date column ("Clinic date") is the event date; without a listed
 * person identifier, its only column naming a pseudonym ("Patient pseudo ID") is the person.
 */
export function recogniseColumns(columns: string[]): RecognisedColumns {
  const byHeading = new Map<string, string>();
  for (const column of columns) {
    const normalised = normaliseHeading(column);
    if (!byHeading.has(normalised)) byHeading.set(normalised, column);
  }
  const taken = new Set<string>();
  const found: Partial<Record<StandardColumn, string>> = {};
  for (const [field, headings] of Object.entries(standardHeadings) as [StandardColumn, string[]][]) {
    const column = headings.map((h) => byHeading.get(h)).find((c) => c !== undefined && !taken.has(c));
    if (column === undefined) continue;
    found[field] = column;
    taken.add(column);
  }
  // A date not on the list ("Clinic date") is the event date when it is the file's only one.
  const dated = columns.filter((c) => !taken.has(c) && datedHeading(normaliseHeading(c)));
  const onlyDate = dated.length === 1 ? dated[0] : undefined;
  if (!found.event_date && onlyDate !== undefined) {
    found.event_date = onlyDate;
    taken.add(onlyDate);
  }
  // A pseudonym not on the list ("Patient pseudo ID") is the person when it is the file's only one.
  const pseudonyms = columns.filter((c) => !taken.has(c) && /pseudo/.test(normaliseHeading(c)));
  if (!found.person_id && pseudonyms.length === 1) {
    found.person_id = pseudonyms[0]!;
    taken.add(pseudonyms[0]!);
  }
  // A date of birth serves only to give age at the event: not when the file has an age, or no date.
  if (found.date_of_birth && (found.age || !found.event_date)) delete found.date_of_birth;
  const lsoaVintage = found.lsoa_code === undefined ? undefined : lsoaVintageOf(found.lsoa_code);
  return {
    columns: found,
    ...(lsoaVintage ? { lsoaVintage } : {}),
    otherDates: columns.filter((c) => !taken.has(c) && datedHeading(normaliseHeading(c))),
  };
}

/**
 * Headings of columns that identify a person, normalised, with what each holds. Words may be run
 * together ("PatientName", "DateOfBirth"); e-mail comes before address, so that "Email address" is
 * told as what it is.
 */
const identifyingHeadings: [RegExp, string][] = [
  [/(^|_)nhs_?(no|number|num)($|_)/, 'NHS numbers'],
  [
    /^(patient_?|person_?)?(full_?name|name|forenames?|surname|first_?name|last_?name|given_?name|family_?name)$/,
    'names',
  ],
  [/(^|_)post_?code($|_)/, 'postcodes'],
  [/(^|_)(date_?of_?birth|birth_?date|dob|d_o_b)($|_)/, 'dates of birth'],
  [/(^|_)e_?mail($|_)/, 'e-mail addresses'],
  // At the end of the heading only: "Telephone appointment" and "Address type" are not these.
  [/(^|_)(address|addr)(_?line)?(_?\d)?$/, 'addresses'],
  [/(^|_)(phone|telephone|mobile|tel)(_?(no|number))?(_?\d)?$/, 'telephone numbers'],
];

/**
 * What a column identifying people holds ("NHS numbers", "postcodes" …), judged by its heading, or
 * undefined. A pseudonymised or hashed identifier, and a postcode district or sector, do not.
 */
export function identifyingColumn(heading: string): string | undefined {
  const normalised = normaliseHeading(heading);
  if (/pseudo|hash|token|encrypt/.test(normalised)) return undefined;
  if (/district|sector|lsoa|msoa|area/.test(normalised)) return undefined;
  return identifyingHeadings.find(([pattern]) => pattern.test(normalised))?.[1];
}
