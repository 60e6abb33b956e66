// Synthetic demonstration data for places, outreach, agreements and the directory. Every name is
// invented; the places are the fictional ICS of the analytics demo.
import type { Community } from '../memberships/communities.ts';

export const demoPlaces = [
  {
    name: 'Riverside City',
    summary: 'A young, diverse city where half of neighbourhoods are among the most deprived in England.',
    priorities:
      'Early cancer diagnosis in the most deprived wards\nHypertension case finding with faith and community groups\nMaternity care for women who speak little English\nChildhood asthma and damp housing',
    planSummary:
      'Community connectors in every Core20 ward, screening and blood pressure checks where people already go, and interpreters booked by default.',
    partners:
      'Riverside City Council public health\nRiverside Primary Care Networks\nVoluntary Action Riverside (demo)\nHealthwatch Riverside (demo)',
    actions: [
      {
        title: 'Blood pressure checks at places of worship',
        publicSummary: 'Monthly blood pressure checks at mosques, gurdwaras, temples and churches.',
        publishable: true,
      },
      {
        title: 'Interpreter booked by default for maternity appointments',
        publicSummary:
          'Women who need an interpreter get one booked automatically for every maternity appointment.',
        publishable: true,
      },
      {
        title: 'Map damp housing referrals against asthma admissions',
        publicSummary: null,
        publishable: false,
      },
    ],
  },
  {
    name: 'Northshire',
    summary:
      'A large county of market towns and villages with pockets of deprivation and long journeys to care.',
    priorities:
      'Transport to appointments for people without a car\nMental health support for young people\nUnpaid carers’ own health',
    planSummary:
      'Bring services closer to home through community hubs and work with carers’ groups across the four districts.',
    partners:
      'Northshire County Council\nNorthshire Rural Community Council (demo)\nBridgeway Carers Network',
    actions: [
      {
        title: 'Community transport pilot for outpatient appointments',
        publicSummary: 'A community transport pilot for outpatient appointments in Eastmoor and Kingsbrook.',
        publishable: true,
      },
      {
        title: 'Carers health checks at carers’ cafés',
        publicSummary: 'Health checks for unpaid carers at carers’ cafés.',
        publishable: true,
      },
    ],
  },
  {
    name: 'Westdale',
    summary: 'A small rural area with an older population and few large towns.',
    priorities:
      'Loneliness and isolation in older people\nAccess to dentistry\nArmed forces veterans’ health',
    planSummary: 'Work with parish councils and veterans’ groups to reach people living alone.',
    partners: 'Westdale Council\nWestbrook Rural Older People’s Forum',
    actions: [
      {
        title: 'Veterans’ health drop-in at the market hall',
        publicSummary: 'A quarterly veterans’ health drop-in at the market hall.',
        publishable: true,
      },
    ],
  },
];

/** Outreach this year. `ward` picks the nth Core20 ward of the place; some wards stay unreached. */
export const demoActivities: {
  kind: 'event' | 'visit' | 'drop_in' | 'online';
  title: string;
  place: string | null;
  ward: number | null;
  organisation: string | null;
  people: number;
  languages: string;
  communities: Community[];
  heard: string;
  /** 0 = start of the financial year, 1 = today. */
  when: number;
}[] = [
  {
    kind: 'drop_in',
    title: 'Wellbeing drop-in at the Somali community centre',
    place: 'Riverside City',
    ward: 0,
    organisation: 'Eastgate Somali Women’s Group',
    people: 34,
    languages: 'Somali, Arabic',
    communities: [
      'Ethnic minority communities',
      'Women, including pregnancy and maternity',
      'People who speak little or no English',
    ],
    heard: 'Women find the phone booking system hard to use without English and often give up.',
    when: 0.1,
  },
  {
    kind: 'event',
    title: 'Health fair at Abbey market',
    place: 'Riverside City',
    ward: 1,
    organisation: null,
    people: 120,
    languages: 'English, Gujarati, Punjabi',
    communities: ['Ethnic minority communities', 'Men', 'People living in the most deprived areas (Core20)'],
    heard: 'Many men had not had a blood pressure check for years; evening clinics were asked for.',
    when: 0.2,
  },
  {
    kind: 'visit',
    title: 'Site visit with the Traveller liaison team',
    place: 'Riverside City',
    ward: 2,
    organisation: 'Traveller Support Hub',
    people: 18,
    languages: 'English',
    communities: ['Gypsy, Roma and Traveller communities'],
    heard: 'Families were turned away from GP registration without a fixed address.',
    when: 0.3,
  },
  {
    kind: 'drop_in',
    title: 'Refugee drop-in health conversation',
    place: 'Riverside City',
    ward: 0,
    organisation: 'Sanctuary Riverside Refugee Network',
    people: 27,
    languages: 'Arabic, Tigrinya, Pashto',
    communities: ['Refugees and people seeking asylum', 'People who speak little or no English'],
    heard: 'People did not know they could ask for an interpreter at hospital appointments.',
    when: 0.35,
  },
  {
    kind: 'event',
    title: 'Community connectors coffee morning',
    place: 'Riverside City',
    ward: 3,
    organisation: 'Northfields Community Association',
    people: 42,
    languages: 'English, Polish',
    communities: ['Older people', 'People living in the most deprived areas (Core20)'],
    heard: 'Bus changes make the journey to outpatients take two hours.',
    when: 0.45,
  },
  {
    kind: 'visit',
    title: 'Day centre health bus visit',
    place: 'Riverside City',
    ward: 1,
    organisation: 'Open Doors Homelessness Project',
    people: 23,
    languages: 'English',
    communities: ['People experiencing homelessness', 'People who use drugs or alcohol'],
    heard: 'People were discharged late at night with nowhere to go.',
    when: 0.5,
  },
  {
    kind: 'online',
    title: 'Online LGB health forum',
    place: null,
    ward: null,
    organisation: 'Rainbow Health Forum',
    people: 16,
    languages: 'English',
    communities: ['Lesbian, gay and bisexual people'],
    heard: 'Forms still assume every patient has a husband or wife of the opposite sex.',
    when: 0.55,
  },
  {
    kind: 'event',
    title: 'Deaf community health evening',
    place: 'Riverside City',
    ward: null,
    organisation: 'Highcross Deaf Community Centre',
    people: 31,
    languages: 'British Sign Language',
    communities: ['Deaf and hard of hearing people', 'Disabled people'],
    heard: 'Interpreters were not booked for follow-up appointments.',
    when: 0.6,
  },
  {
    kind: 'drop_in',
    title: 'Young parents’ stay and play',
    place: 'Riverside City',
    ward: 0,
    organisation: 'Northfields Community Association',
    people: 19,
    languages: 'English',
    communities: ['Children and young people', 'Women, including pregnancy and maternity'],
    heard: 'Young mums felt judged at antenatal appointments.',
    when: 0.7,
  },
  {
    kind: 'visit',
    title: 'Carers’ café in Eastmoor',
    place: 'Northshire',
    ward: null,
    organisation: 'Bridgeway Carers Network',
    people: 25,
    languages: 'English',
    communities: ['Unpaid carers', 'Older people'],
    heard: 'Carers miss their own appointments because there is no cover.',
    when: 0.25,
  },
  {
    kind: 'event',
    title: 'Kingsbrook community hub open day',
    place: 'Northshire',
    ward: 0,
    organisation: null,
    people: 60,
    languages: 'English',
    communities: ['People living in the most deprived areas (Core20)', 'Children and young people'],
    heard: 'Young people wait months for mental health support.',
    when: 0.65,
  },
  {
    kind: 'drop_in',
    title: 'Gurdwara health Sunday',
    place: 'Riverside City',
    ward: 2,
    organisation: 'Riverside Interfaith Council',
    people: 85,
    languages: 'Punjabi, English',
    communities: ['Faith communities', 'Ethnic minority communities'],
    heard: 'Older people asked for diabetes information in Punjabi.',
    when: 0.8,
  },
  {
    kind: 'visit',
    title: 'Learning disability self-advocates’ meeting',
    place: 'Riverside City',
    ward: null,
    organisation: 'Highcross Learning Disability Advocacy',
    people: 14,
    languages: 'English (easy read)',
    communities: ['People with a learning disability or autistic people'],
    heard: 'Reasonable adjustments flagged on the record are not seen by clinic staff.',
    when: 0.85,
  },
  {
    kind: 'event',
    title: 'Westdale lunch club health talk',
    place: 'Westdale',
    ward: null,
    organisation: null,
    people: 28,
    languages: 'English',
    communities: ['Older people'],
    heard: 'Nobody in the village has been able to find an NHS dentist.',
    when: 0.9,
  },
];

/** Last year's outreach, so the coverage view can be compared across years. */
export const demoLastYear = [
  {
    kind: 'event' as const,
    title: 'Armed forces day stall',
    place: 'Westdale',
    people: 40,
    communities: ['Armed forces veterans'] as Community[],
  },
  {
    kind: 'drop_in' as const,
    title: 'Trans health listening session',
    place: 'Riverside City',
    people: 12,
    communities: ['Trans and non-binary people'] as Community[],
  },
];
