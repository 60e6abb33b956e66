/** Invented initiatives for the demonstration: no real service, person or decision is implied. */
export interface DemoInitiative {
  title: string;
  service: string;
  summary: string;
  questions: string[];
  documents: { title: string; linkUrl: string }[];
  /** Days from today; negative is in the past. */
  opens: number | null;
  closes: number | null;
  decision: number;
}

export const demoInitiatives: DemoInitiative[] = [
  {
    title: 'New outpatient appointment letters and text reminders',
    service: 'Outpatients',
    summary:
      'We plan to replace our appointment letters with a shorter letter and text message reminders sent 7 days and 1 day before each appointment. People could confirm, cancel or ask for a different date by replying to the text.\n\nWe want to reduce missed appointments, which are highest among people living in our most deprived neighbourhoods.',
    questions: [
      'Would a shorter letter with a text reminder work for the people you support?',
      'Should reminders be available in languages other than English, and which ones first?',
      'Is there anyone for whom text reminders would make things harder?',
    ],
    documents: [
      {
        title: 'Draft appointment letter (version 3)',
        linkUrl: 'https://intranet.riverside-demo.example.org/outpatients/letter-v3',
      },
      { title: 'Missed appointments by neighbourhood, last 12 months', linkUrl: '/analytics' },
    ],
    opens: -5,
    closes: 14,
    decision: 45,
  },
  {
    title: 'Moving the maternity day assessment unit to the new women’s building',
    service: 'Maternity',
    summary:
      'The maternity day assessment unit will move from the main hospital to the new women’s building on the east side of the site in the spring. The new unit has more space and a private room for difficult conversations, but is further from the main bus stop.',
    questions: [
      'Would the new location be harder to reach for anyone you support?',
      'What would make the new unit feel welcoming to women from your community?',
    ],
    documents: [
      {
        title: 'Floor plan of the new unit',
        linkUrl: 'https://intranet.riverside-demo.example.org/maternity/mdau-plan',
      },
    ],
    opens: -50,
    closes: -30,
    decision: 20,
  },
  {
    title: 'Self-referral to physiotherapy online',
    service: 'Musculoskeletal services',
    summary:
      'Adults with back, joint or muscle problems will be able to refer themselves to physiotherapy with an online form, without seeing their GP first. Telephone referrals stay available.',
    questions: [
      'Would the people you support be able to use an online form?',
      'What should the telephone line offer so that nobody is left behind?',
    ],
    documents: [
      {
        title: 'Online referral form (prototype)',
        linkUrl: 'https://prototype.riverside-demo.example.org/physio',
      },
    ],
    opens: -120,
    closes: -100,
    decision: -60,
  },
  {
    title: 'Video interpreting in the emergency department',
    service: 'Urgent and emergency care',
    summary:
      'We are considering video interpreting on tablets in the emergency department, so that patients can see an interpreter within minutes at any time of day, including British Sign Language.',
    questions: [
      'Would video interpreting be acceptable to the communities you work with?',
      'When should we always book a face-to-face interpreter instead?',
    ],
    documents: [],
    opens: 10,
    closes: 31,
    decision: 90,
  },
];

export const demoAnswers: { answers: string[]; comments: string[] }[] = [
  {
    answers: ['agree', 'agree', 'partly'],
    comments: [
      'Most of our members use text messages and would welcome this.',
      'Somali and Arabic first, then Polish. Many older women cannot read English letters.',
      'People who share a phone with family may not see the reminder in time.',
    ],
  },
  {
    answers: ['partly', 'agree', 'agree'],
    comments: [
      'Deaf members prefer text to phone calls, so yes, but the letter must still be clear.',
      'Please include a BSL video link in the text.',
      'Anyone without a mobile phone — keep the letter as a choice.',
    ],
  },
  {
    answers: ['not_sure', 'agree', 'disagree'],
    comments: [
      'Our families move often and change numbers; the letter is what reaches them.',
      'Romanian and Romani speakers are missing from most translated material.',
      'Traveller families on roadside sites often have no signal.',
    ],
  },
];

export const physioAdvice = {
  advice:
    'Members welcomed self-referral but warned that an online-only route would exclude older people, people with little English and people without data. They asked for a telephone line staffed at times that suit carers, a paper form at GP surgeries and community centres, and interpreters on request.',
  changed:
    'The telephone line now opens from 8am to 8pm, including Saturday mornings. Paper forms are available at 12 community venues suggested by members, and the online form is available in 6 languages.',
  unchanged:
    'We could not offer walk-in referrals at the hospital because there is no space for a reception desk; the telephone line covers this instead.',
  public:
    'Adults can now refer themselves to physiotherapy without seeing their GP. We asked the partnership how to make sure everyone can use it.',
};

export const maternityAdvice =
  'Members asked for a shuttle from the main bus stop, clear signs in community languages, a quiet waiting area for women who have experienced loss, and female interpreters. They also asked that the move is explained to women booked at the unit before it happens.';
