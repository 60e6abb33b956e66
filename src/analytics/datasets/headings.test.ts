import { describe, expect, it } from 'vitest';
import { identifyingColumn, lsoaVintageOf, recogniseColumns } from './headings.ts';

describe('recognising standard fields from headings', () => {
  it('reads the headings of a SUS-style extract, whatever their case and punctuation', () => {
    const found = recogniseColumns([
      'Der_Pseudo_NHS_Number',
      'Der_Postcode_LSOA_2011_Code',
      'Der_Age_at_CDS_Activity_Date',
      'Person_Stated_Gender_Code',
      'Ethnic_Category',
      'Appointment_Date',
      'Treatment_Function_Code',
    ]);
    expect(found.columns).toEqual({
      person_id: 'Der_Pseudo_NHS_Number',
      lsoa_code: 'Der_Postcode_LSOA_2011_Code',
      age: 'Der_Age_at_CDS_Activity_Date',
      sex: 'Person_Stated_Gender_Code',
      ethnicity: 'Ethnic_Category',
      event_date: 'Appointment_Date',
    });
    expect(found.lsoaVintage).toBe('2011');
    expect(found.otherDates).toEqual([]);
  });

  it('reads the field names of HES as NHS England releases it, and of an A&E extract', () => {
    const hes = recogniseColumns([
      'TOKEN_PERSON_ID',
      'EPIKEY',
      'LSOA11',
      'STARTAGE',
      'SEX',
      'ETHNOS',
      'EPISTART',
      'ADMIDATE',
      'ADMIMETH',
    ]);
    expect(hes.columns).toEqual({
      person_id: 'TOKEN_PERSON_ID',
      lsoa_code: 'LSOA11',
      age: 'STARTAGE',
      sex: 'SEX',
      ethnicity: 'ETHNOS',
      event_date: 'ADMIDATE',
    });
    expect(hes.lsoaVintage).toBe('2011');
    const outpatients = recogniseColumns(['ENCRYPTED_HESID', 'LSOA11', 'APPTAGE', 'APPTDATE', 'ATTENDED']);
    expect(outpatients.columns).toMatchObject({
      person_id: 'ENCRYPTED_HESID',
      age: 'APPTAGE',
      event_date: 'APPTDATE',
    });
    // A code is taken before its description; the description alone when there is no code.
    expect(recogniseColumns(['Ethnic category description', 'Ethnic category code']).columns).toEqual({
      ethnicity: 'Ethnic category code',
    });
    expect(recogniseColumns(['EthnicityDescription']).columns).toEqual({ ethnicity: 'EthnicityDescription' });
    const emergency = recogniseColumns(['Pseudo_ID', 'Age_At_Arrival', 'Arrival_Date', 'Ethnic']);
    expect(emergency.columns).toEqual({
      person_id: 'Pseudo_ID',
      age: 'Age_At_Arrival',
      event_date: 'Arrival_Date',
      ethnicity: 'Ethnic',
    });
  });

  it('reads the field names of a Maternity Services Data Set extract of bookings', () => {
    const bookings = recogniseColumns([
      'Person_ID_Mother',
      'UniqPregID',
      'LSOAMother2011',
      'AgeAtBookingMother',
      'EthnicCategoryMother',
      'AntenatalAppDate',
      'GestAgeBooking',
    ]);
    expect(bookings.columns).toEqual({
      person_id: 'Person_ID_Mother',
      lsoa_code: 'LSOAMother2011',
      age: 'AgeAtBookingMother',
      ethnicity: 'EthnicCategoryMother',
      event_date: 'AntenatalAppDate',
    });
    expect(bookings.lsoaVintage).toBe('2011');
    expect(lsoaVintageOf('LSOAMother2021')).toBe('2021');
  });

  it("reads the field names of the cancer registry's tumour table", () => {
    const tumours = recogniseColumns([
      'PATIENTID',
      'TUMOURID',
      'DIAGNOSISDATEBEST',
      'STAGE_BEST',
      'GENDER',
      'AGE',
      'ETHNICITY',
      'LSOA11_CODE',
    ]);
    expect(tumours.columns).toEqual({
      person_id: 'PATIENTID',
      lsoa_code: 'LSOA11_CODE',
      age: 'AGE',
      sex: 'GENDER',
      ethnicity: 'ETHNICITY',
      event_date: 'DIAGNOSISDATEBEST',
    });
  });

  it("reads a data warehouse's headings with their words run together", () => {
    const found = recogniseColumns([
      'PseudoPatientID',
      'LSOA2011Code',
      'AgeAtAppointment',
      'PersonStatedGenderCode',
      'EthnicCategory',
      'AppointmentDate',
    ]);
    expect(found.columns).toEqual({
      person_id: 'PseudoPatientID',
      lsoa_code: 'LSOA2011Code',
      age: 'AgeAtAppointment',
      sex: 'PersonStatedGenderCode',
      ethnicity: 'EthnicCategory',
      event_date: 'AppointmentDate',
    });
    expect(found.lsoaVintage).toBe('2011');
    expect(recogniseColumns(['LSOACode', 'NHSNumber']).columns).toEqual({ lsoa_code: 'LSOACode' });
    expect(identifyingColumn('NHSNumber')).toBe('NHS numbers');
    // Codes and plurals stay whole.
    expect(recogniseColumns(['LSOA21CD']).columns).toEqual({ lsoa_code: 'LSOA21CD' });
    expect(lsoaVintageOf('LSOA21CD')).toBe('2021');
  });

  it('prefers the more specific heading and names the other dates, but not a date of birth', () => {
    const found = recogniseColumns([
      'Referral date',
      'Date of birth',
      'Gender',
      'Sex',
      'Appointment date',
      'LSOA',
    ]);
    expect(found.columns.sex).toBe('Sex');
    expect(found.columns.event_date).toBe('Appointment date');
    expect(found.otherDates).toEqual(['Referral date']);
    expect(found.lsoaVintage).toBeUndefined();
  });

  it("takes a file's only date as the event date, but chooses none of several unlisted dates", () => {
    expect(recogniseColumns(['LSOA', 'Clinic date', 'Date of birth']).columns.event_date).toBe('Clinic date');
    const two = recogniseColumns(['LSOA', 'Clinic date', 'Discharge date']);
    expect(two.columns.event_date).toBeUndefined();
    expect(two.otherDates).toEqual(['Clinic date', 'Discharge date']);
  });

  it("takes a file's only pseudonym column as the person, but chooses none of several", () => {
    expect(recogniseColumns(['Patient pseudo ID', 'LSOA']).columns.person_id).toBe('Patient pseudo ID');
    expect(recogniseColumns(['pseudo_patient_key', 'LSOA']).columns.person_id).toBe('pseudo_patient_key');
    // A listed heading wins over an unlisted one.
    expect(recogniseColumns(['Patient pseudo ID', 'Pseudo NHS number']).columns.person_id).toBe(
      'Pseudo NHS number',
    );
    const two = recogniseColumns(['Patient pseudo ID', 'GP pseudo code', 'LSOA']);
    expect(two.columns.person_id).toBeUndefined();
  });

  it('knows the headings of columns that identify people, and leaves pseudonyms and areas alone', () => {
    expect(identifyingColumn('NHS Number')).toBe('NHS numbers');
    expect(identifyingColumn('NHS_No')).toBe('NHS numbers');
    expect(identifyingColumn('Patient surname')).toBe('names');
    expect(identifyingColumn('Forenames')).toBe('names');
    expect(identifyingColumn('Postcode')).toBe('postcodes');
    expect(identifyingColumn('Patient post code')).toBe('postcodes');
    expect(identifyingColumn('DOB')).toBe('dates of birth');
    expect(identifyingColumn('Date of birth')).toBe('dates of birth');
    expect(identifyingColumn('Address line 1')).toBe('addresses');
    expect(identifyingColumn('Mobile')).toBe('telephone numbers');
    expect(identifyingColumn('E-mail')).toBe('e-mail addresses');
    // Words run together, short forms, and e-mail told from address.
    for (const [heading, holds] of [
      ['PatientName', 'names'],
      ['FirstName', 'names'],
      ['DateOfBirth', 'dates of birth'],
      ['Birthdate', 'dates of birth'],
      ['D.O.B.', 'dates of birth'],
      ['Email address', 'e-mail addresses'],
      ['Addr1', 'addresses'],
      ['Address line 2', 'addresses'],
      ['Tel', 'telephone numbers'],
      ['Tel. no.', 'telephone numbers'],
      ['Phone number', 'telephone numbers'],
      ['Home telephone', 'telephone numbers'],
      ['Mobile phone', 'telephone numbers'],
      ['Home address', 'addresses'],
    ])
      expect(identifyingColumn(heading!), heading).toBe(holds);
    for (const safe of [
      'Pseudo NHS number',
      'NHS number (hashed)',
      'Postcode district',
      'Clinic name',
      'Specialty name',
      'Der_Postcode_LSOA_2021_Code',
      'GP name',
      'Consultant name',
      'Telehealth',
      'Temperature',
      'Telephone appointment',
      'Mobile unit',
      'Address type',
    ])
      expect(identifyingColumn(safe), safe).toBeUndefined();
  });

  it("reads SUS spells', data warehouses' and the Data Dictionary's headings", () => {
    expect(
      recogniseColumns([
        'SK_PatientID',
        'Lower_Layer_Super_Output_Area_Code',
        'Age_At_Start_of_Spell_SUS',
        'Person_Gender_Code',
        'Ethnic_Category_Code_2001',
        'Admission_Date',
      ]).columns,
    ).toEqual({
      person_id: 'SK_PatientID',
      lsoa_code: 'Lower_Layer_Super_Output_Area_Code',
      age: 'Age_At_Start_of_Spell_SUS',
      sex: 'Person_Gender_Code',
      ethnicity: 'Ethnic_Category_Code_2001',
      event_date: 'Admission_Date',
    });
    expect(
      recogniseColumns(['Token ID', 'Lower Super Output Area', 'Age at Activity Date', 'Patient Gender'])
        .columns,
    ).toEqual({
      person_id: 'Token ID',
      lsoa_code: 'Lower Super Output Area',
      age: 'Age at Activity Date',
      sex: 'Patient Gender',
    });
    const encrypted = recogniseColumns([
      'EncryptedNHSNumber',
      'LSOA',
      'AgeAtAppt',
      'Ethnic group (ONS 2021)',
    ]);
    expect(encrypted.columns).toEqual({
      person_id: 'EncryptedNHSNumber',
      lsoa_code: 'LSOA',
      age: 'AgeAtAppt',
      ethnicity: 'Ethnic group (ONS 2021)',
    });
    expect(identifyingColumn('Encrypted NHS number')).toBeUndefined();
  });

  it('leaves out what it does not recognise rather than guessing', () => {
    const found = recogniseColumns(['Postcode', 'Years', 'Specialty', 'Outcome']);
    expect(found.columns).toEqual({});
  });

  it('reads the LSOA vintage a heading names', () => {
    expect(lsoaVintageOf('LSOA11CD')).toBe('2011');
    expect(lsoaVintageOf('lsoa21_code')).toBe('2021');
    expect(lsoaVintageOf('LSOA 2021 code')).toBe('2021');
    expect(lsoaVintageOf('LSOA code')).toBeUndefined();
  });
});
