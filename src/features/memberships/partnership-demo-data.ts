import type { OrganisationKind } from '../organisations/organisation.ts';

/** Everything here is invented: fictional groups, places and issues for the demonstration. */
export const demoPlaces = [
  'Northfields',
  'Eastgate',
  'Highcross',
  'Westbrook',
  'Riverside city centre',
  'Millbrook',
];

export const extraDemoOrganisations: { name: string; kind: OrganisationKind }[] = [
  { name: 'Millbrook Polish Community Club', kind: 'community_group' },
  { name: 'Westbrook Rural Older People’s Forum', kind: 'community_group' },
  { name: 'Sanctuary Riverside Refugee Network', kind: 'vcse' },
  { name: 'Eastgate Gurdwara Health Group', kind: 'faith_group' },
  { name: 'Open Doors Homelessness Project', kind: 'vcse' },
  { name: 'Northfields Young Parents Collective', kind: 'community_group' },
  { name: 'Highcross Learning Disability Advocacy', kind: 'vcse' },
];

/** Profiles for all 15 members, in the order of the foundation's 8 followed by the 7 above. */
export const demoProfiles: {
  communities: string[];
  places: string[];
  languages: string[];
  contact: string;
  role: string;
}[] = [
  {
    communities: ['People living in the most deprived areas (Core20)', 'Older people'],
    places: ['Northfields'],
    languages: ['English'],
    contact: 'Pat Okafor',
    role: 'Chair',
  },
  {
    communities: [
      'Ethnic minority communities',
      'Women, including pregnancy and maternity',
      'People who speak little or no English',
    ],
    places: ['Eastgate'],
    languages: ['Somali', 'Arabic', 'English'],
    contact: 'Hodan Farah',
    role: 'Coordinator',
  },
  {
    communities: ['Deaf and hard of hearing people', 'Disabled people'],
    places: ['Highcross', 'Riverside city centre'],
    languages: ['British Sign Language', 'English'],
    contact: 'Chris Lyle',
    role: 'Centre manager',
  },
  {
    communities: ['Unpaid carers', 'Older people'],
    places: ['Riverside city centre', 'Westbrook'],
    languages: ['English'],
    contact: 'Jo Marsh',
    role: 'Carers lead',
  },
  {
    communities: ['Gypsy, Roma and Traveller communities'],
    places: ['Westbrook', 'Millbrook'],
    languages: ['English', 'Romani'],
    contact: 'Dana Price',
    role: 'Outreach worker',
  },
  {
    communities: ['Lesbian, gay and bisexual people', 'Trans and non-binary people'],
    places: ['Riverside city centre'],
    languages: ['English'],
    contact: 'Sam Ellis',
    role: 'Trustee',
  },
  {
    communities: ['Faith communities', 'Ethnic minority communities'],
    places: ['Eastgate', 'Highcross'],
    languages: ['English', 'Urdu', 'Gujarati'],
    contact: 'Imran Siddiq',
    role: 'Secretary',
  },
  {
    communities: ['Disabled people', 'Older people', 'People with mental health conditions'],
    places: ['Northfields', 'Eastgate', 'Highcross', 'Westbrook'],
    languages: ['English'],
    contact: 'Ruth Adebayo',
    role: 'Engagement officer',
  },
  {
    communities: ['People who speak little or no English', 'Ethnic minority communities'],
    places: ['Millbrook'],
    languages: ['Polish', 'English'],
    contact: 'Marta Nowak',
    role: 'Volunteer lead',
  },
  {
    communities: ['Older people', 'Unpaid carers'],
    places: ['Westbrook'],
    languages: ['English'],
    contact: 'Geoff Barton',
    role: 'Chair',
  },
  {
    communities: ['Refugees and people seeking asylum', 'People who speak little or no English'],
    places: ['Riverside city centre', 'Eastgate'],
    languages: ['Arabic', 'Tigrinya', 'Dari', 'English'],
    contact: 'Amal Haddad',
    role: 'Project worker',
  },
  {
    communities: ['Faith communities', 'Ethnic minority communities', 'Older people'],
    places: ['Eastgate'],
    languages: ['Punjabi', 'English'],
    contact: 'Harjit Sandhu',
    role: 'Health champion',
  },
  {
    communities: [
      'People experiencing homelessness',
      'People who use drugs or alcohol',
      'People with mental health conditions',
    ],
    places: ['Riverside city centre'],
    languages: ['English'],
    contact: 'Lee Carter',
    role: 'Service manager',
  },
  {
    communities: [
      'Children and young people',
      'Women, including pregnancy and maternity',
      'People living in the most deprived areas (Core20)',
    ],
    places: ['Northfields'],
    languages: ['English'],
    contact: 'Kayla Moss',
    role: 'Peer supporter',
  },
  {
    communities: ['People with a learning disability or autistic people'],
    places: ['Highcross', 'Millbrook'],
    languages: ['English', 'Makaton'],
    contact: 'Tom Reid',
    role: 'Self-advocate',
  },
];

export interface DemoIssue {
  title: string;
  description: string;
  service: string;
  themes: string[];
  communities: string[];
  summary: string;
  action?: { title: string; role: string; directorate: string; summary: string };
}

/** Thirty issues; each is raised twice (by different groups, in different places), giving sixty items. */
export const demoIssues: DemoIssue[] = [
  {
    title: 'No interpreter booked for antenatal appointments',
    description: 'Women are asked to bring a relative to interpret, sometimes a child.',
    service: 'Maternity',
    themes: ['Interpreting and language'],
    communities: ['Women, including pregnancy and maternity', 'People who speak little or no English'],
    summary: 'Women who speak little English were not offered an interpreter at antenatal appointments.',
    action: {
      title: 'Interpreter booked automatically when language need is recorded',
      role: 'Head of Midwifery',
      directorate: 'Women’s and Children’s',
      summary:
        'Interpreters are now booked automatically for every antenatal appointment when a language need is recorded.',
    },
  },
  {
    title: 'Appointment letters only in English',
    description: 'Letters are not available in other languages or easy read.',
    service: 'Outpatients',
    themes: ['Communication', 'Information'],
    communities: [
      'People who speak little or no English',
      'People with a learning disability or autistic people',
    ],
    summary: 'Appointment letters were only available in standard English.',
    action: {
      title: 'Easy read and translated appointment letters',
      role: 'Outpatients Services Manager',
      directorate: 'Clinical Support',
      summary: 'Letters are offered in easy read and the ten most requested languages.',
    },
  },
  {
    title: 'No British Sign Language interpreter in the emergency department',
    description: 'Deaf patients wait without an interpreter and miss their name being called.',
    service: 'Emergency department',
    themes: ['Interpreting and language', 'Access'],
    communities: ['Deaf and hard of hearing people'],
    summary: 'Deaf patients could not get a BSL interpreter in the emergency department.',
    action: {
      title: 'Video BSL interpreting in the emergency department',
      role: 'Emergency Department Matron',
      directorate: 'Emergency and Specialist Medicine',
      summary:
        'Video BSL interpreting is available around the clock, and a visual calling screen has been installed.',
    },
  },
  {
    title: 'Bus to the hospital does not run early enough',
    description: 'People from rural villages cannot reach 8am appointments by bus.',
    service: 'Outpatients',
    themes: ['Transport', 'Access'],
    communities: ['Older people', 'People living in the most deprived areas (Core20)'],
    summary: 'People without cars could not reach early appointments from rural areas.',
    action: {
      title: 'Offer later appointment times to people travelling by bus',
      role: 'Head of Patient Access',
      directorate: 'Operations',
      summary:
        'Booking staff now ask about travel and offer appointments after 10am to people relying on buses.',
    },
  },
  {
    title: 'Online-only booking for blood tests',
    description: 'People without smartphones or internet cannot book.',
    service: 'Phlebotomy',
    themes: ['Digital exclusion', 'Access'],
    communities: ['Older people', 'People experiencing homelessness'],
    summary: 'Blood tests could only be booked online.',
    action: {
      title: 'Phone booking line for blood tests',
      role: 'Pathology Services Manager',
      directorate: 'Clinical Support',
      summary: 'A phone line for booking blood tests opened, staffed on weekdays.',
    },
  },
  {
    title: 'Staff unsure how to record trans patients’ names',
    description: 'Patients were called by their old name in a waiting room.',
    service: 'Outpatients',
    themes: ['Dignity and respect', 'Discrimination'],
    communities: ['Trans and non-binary people'],
    summary: 'Trans patients were called by names they no longer use.',
    action: {
      title: 'Training and record guidance on names and pronouns',
      role: 'Head of Equality, Diversity and Inclusion',
      directorate: 'People and Culture',
      summary: 'Reception staff have had training, and records now show the name a patient uses.',
    },
  },
  {
    title: 'Travellers turned away from GP registration at the walk-in centre',
    description: 'People were told they needed proof of address.',
    service: 'Urgent treatment centre',
    themes: ['Access', 'Discrimination'],
    communities: ['Gypsy, Roma and Traveller communities'],
    summary: 'People without a fixed address were told they needed proof of address to be seen.',
    action: {
      title: 'Reminder that no proof of address is needed',
      role: 'Urgent Care Lead Nurse',
      directorate: 'Emergency and Specialist Medicine',
      summary: 'Staff were reminded that nobody needs proof of address to be seen, and posters now say so.',
    },
  },
  {
    title: 'Long waits in the eye clinic with nowhere to sit',
    description: 'Older people stand for long periods.',
    service: 'Ophthalmology',
    themes: ['Waiting times', 'Environment'],
    communities: ['Older people', 'Disabled people'],
    summary: 'People waited a long time in the eye clinic with too few seats.',
    action: {
      title: 'More seating and a called-in-order system',
      role: 'Ophthalmology Service Lead',
      directorate: 'Specialist Surgery',
      summary: 'Twenty more seats were added and appointments are staggered.',
    },
  },
  {
    title: 'Car park charges for carers',
    description: 'Unpaid carers visiting daily pay high parking costs.',
    service: 'Estates and facilities',
    themes: ['Cost', 'Transport'],
    communities: ['Unpaid carers'],
    summary: 'Unpaid carers paid high parking charges to visit every day.',
    action: {
      title: 'Free parking permits for registered carers',
      role: 'Head of Estates',
      directorate: 'Estates and Facilities',
      summary: 'Registered carers can ask for a free parking permit at the main reception.',
    },
  },
  {
    title: 'Prayer room closed in the evenings',
    description: 'Families visiting in the evening cannot pray.',
    service: 'Chaplaincy',
    themes: ['Environment', 'Dignity and respect'],
    communities: ['Faith communities'],
    summary: 'The prayer room was closed in the evenings.',
    action: {
      title: 'Prayer room open at all hours',
      role: 'Head of Chaplaincy',
      directorate: 'Nursing',
      summary: 'The multi-faith room is now open at all hours.',
    },
  },
  {
    title: 'Discharge letters too complicated',
    description: 'People did not understand what medicine to take after discharge.',
    service: 'Wards',
    themes: ['Communication', 'Information'],
    communities: ['People with a learning disability or autistic people', 'Older people'],
    summary: 'Discharge information was hard to understand.',
    action: {
      title: 'Plain English discharge summary',
      role: 'Deputy Chief Nurse',
      directorate: 'Nursing',
      summary: 'A plain English summary is being tested on two wards.',
    },
  },
  {
    title: 'No hearing loop at reception desks',
    description: 'Hearing aid users cannot follow conversations at reception.',
    service: 'Outpatients',
    themes: ['Access', 'Environment'],
    communities: ['Deaf and hard of hearing people', 'Older people'],
    summary: 'Reception desks had no hearing loop.',
    action: {
      title: 'Hearing loops at all main reception desks',
      role: 'Head of Estates',
      directorate: 'Estates and Facilities',
      summary: 'Hearing loops are being fitted at main reception desks.',
    },
  },
  {
    title: 'People sleeping rough discharged without follow-up',
    description: 'Patients are discharged at night with nowhere to go.',
    service: 'Wards',
    themes: ['Access', 'Dignity and respect'],
    communities: ['People experiencing homelessness'],
    summary: 'People without a home were discharged late at night without support.',
    action: {
      title: 'Homeless discharge pathway with the housing team',
      role: 'Discharge Team Manager',
      directorate: 'Operations',
      summary: 'A housing officer now sees people without a home before discharge.',
    },
  },
  {
    title: 'Food does not meet religious needs',
    description: 'Halal and vegetarian options run out early.',
    service: 'Catering',
    themes: ['Dignity and respect'],
    communities: ['Faith communities', 'Ethnic minority communities'],
    summary: 'Halal and vegetarian meals ran out on wards.',
    action: {
      title: 'Halal and vegetarian meals kept on every ward',
      role: 'Head of Catering',
      directorate: 'Estates and Facilities',
      summary: 'Every ward now keeps a stock of halal and vegetarian meals.',
    },
  },
  {
    title: 'Young parents feel judged at the children’s clinic',
    description: 'Comments from staff about age put young parents off coming back.',
    service: 'Paediatrics',
    themes: ['Dignity and respect', 'Discrimination'],
    communities: ['Children and young people', 'Women, including pregnancy and maternity'],
    summary: 'Young parents felt judged by staff at the children’s clinic.',
    action: {
      title: 'Young parents’ experience session for clinic staff',
      role: 'Paediatric Matron',
      directorate: 'Women’s and Children’s',
      summary: 'Young parents ran a listening session with clinic staff.',
    },
  },
  {
    title: 'Waiting list letters not received by people who move often',
    description: 'People lose their place because letters go to old addresses.',
    service: 'Outpatients',
    themes: ['Communication', 'Waiting times'],
    communities: ['Gypsy, Roma and Traveller communities', 'People experiencing homelessness'],
    summary: 'People who move often missed appointment letters.',
  },
  {
    title: 'Confusing signs to the new outpatient building',
    description: 'Signs use jargon and are too small.',
    service: 'Estates and facilities',
    themes: ['Environment', 'Information'],
    communities: ['Older people', 'People with a learning disability or autistic people'],
    summary: 'Signs to the outpatient building were confusing.',
  },
  {
    title: 'Mental health crisis support in the emergency department',
    description: 'Long waits in a noisy area make distress worse.',
    service: 'Emergency department',
    themes: ['Waiting times', 'Environment'],
    communities: ['People with mental health conditions'],
    summary: 'People in mental health crisis waited in a noisy area.',
  },
  {
    title: 'Cost of travel to specialist appointments',
    description: 'Travel to another town for specialist care is unaffordable.',
    service: 'Outpatients',
    themes: ['Cost', 'Transport'],
    communities: ['People living in the most deprived areas (Core20)'],
    summary: 'Travel to specialist appointments was unaffordable for some families.',
  },
  {
    title: 'Patient portal not accessible with a screen reader',
    description: 'Blind users cannot read results in the portal.',
    service: 'Digital services',
    themes: ['Digital exclusion', 'Access'],
    communities: ['Disabled people'],
    summary: 'The patient portal did not work with screen readers.',
  },
  {
    title: 'Veterans not asked about service history',
    description: 'Veterans miss out on priority treatment they are entitled to.',
    service: 'Outpatients',
    themes: ['Information'],
    communities: ['Armed forces veterans'],
    summary: 'Veterans were not asked about their service history.',
  },
  {
    title: 'Gender-neutral toilets not signposted',
    description: 'Trans and non-binary patients did not know where to find them.',
    service: 'Estates and facilities',
    themes: ['Environment', 'Dignity and respect'],
    communities: ['Trans and non-binary people'],
    summary: 'Gender-neutral toilets were hard to find.',
  },
  {
    title: 'Asylum seekers charged for care by mistake',
    description: 'Letters about charges caused fear and missed appointments.',
    service: 'Overseas visitors office',
    themes: ['Cost', 'Communication'],
    communities: ['Refugees and people seeking asylum'],
    summary: 'Some people seeking asylum wrongly received letters about charges.',
  },
  {
    title: 'Carers not told about discharge plans',
    description: 'Carers find out on the day their relative comes home.',
    service: 'Wards',
    themes: ['Communication'],
    communities: ['Unpaid carers'],
    summary: 'Carers were not told about discharge plans in time.',
  },
  {
    title: 'Phone lines busy for hours',
    description: 'People give up trying to change appointments.',
    service: 'Outpatients',
    themes: ['Access', 'Waiting times'],
    communities: ['Older people', 'Disabled people'],
    summary: 'Phone lines to change appointments were busy for hours.',
  },
  {
    title: 'Polish-speaking families unaware of screening',
    description: 'Screening invitations are not understood.',
    service: 'Screening',
    themes: ['Interpreting and language', 'Information'],
    communities: ['People who speak little or no English'],
    summary: 'Some Polish-speaking families did not understand screening invitations.',
  },
  {
    title: 'Autistic patients overwhelmed in busy waiting rooms',
    description: 'No quiet space is offered.',
    service: 'Outpatients',
    themes: ['Environment', 'Access'],
    communities: ['People with a learning disability or autistic people'],
    summary: 'Autistic patients had no quiet place to wait.',
  },
  {
    title: 'Drug and alcohol service referrals lost',
    description: 'People are told a referral was made but nobody contacts them.',
    service: 'Emergency department',
    themes: ['Communication'],
    communities: ['People who use drugs or alcohol'],
    summary: 'Referrals to drug and alcohol services were not followed up.',
  },
  {
    title: 'Wheelchair access to the day unit blocked',
    description: 'A ramp is often blocked by deliveries.',
    service: 'Day surgery',
    themes: ['Access', 'Environment'],
    communities: ['Disabled people'],
    summary: 'The ramp to the day unit was often blocked.',
  },
  {
    title: 'Racist remark by a member of staff',
    description: 'A family reported a racist comment during a visit.',
    service: 'Wards',
    themes: ['Discrimination', 'Dignity and respect'],
    communities: ['Ethnic minority communities'],
    summary: 'A family reported a racist remark by staff.',
  },
];

export const demoMeetings = [
  { title: 'Health Equality Partnership: spring meeting', daysFromNow: -150, minutes: true },
  { title: 'Health Equality Partnership: summer meeting', daysFromNow: -60, minutes: true },
  { title: 'Health Equality Partnership: autumn meeting', daysFromNow: -5, minutes: false },
  { title: 'Health Equality Partnership: winter meeting', daysFromNow: 40, minutes: false },
];
