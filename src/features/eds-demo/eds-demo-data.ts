/** Everything here is invented for the demo: people, groups, figures and documents. */
export const demoGraders = [
  {
    name: 'Amina Yusuf',
    email: 'amina.yusuf@demo.parity.invalid',
    constituency: 'vcse',
    role: 'member',
    organisation: 'Eastgate Somali Women’s Group',
  },
  {
    name: 'Ray Okafor',
    email: 'ray.okafor@demo.parity.invalid',
    constituency: 'healthwatch',
    role: 'member',
    organisation: 'Healthwatch Riverside (demo)',
  },
  {
    name: 'Dev Mistry',
    email: 'dev.mistry@demo.parity.invalid',
    constituency: 'trade_union',
    role: 'grader',
    organisation: null,
  },
  {
    name: 'Helen Ford',
    email: 'helen.ford@demo.parity.invalid',
    constituency: 'peer_reviewer',
    role: 'grader',
    organisation: null,
  },
  {
    name: 'Priya Shah',
    email: 'priya.shah@demo.parity.invalid',
    constituency: 'staff_network',
    role: 'grader',
    organisation: null,
  },
] as const;

export const domain1 = ['1A', '1B', '1C', '1D'];
export const domain2 = ['2A', '2B', '2C', '2D'];
export const domain3 = ['3A', '3B', '3C'];

/** Last year's grades: [local interests..., organisation] per outcome; some disagree. */
export const lastYearGrades: Record<string, { local: number[]; organisation: number }> = {
  '1A': { local: [1, 1], organisation: 2 },
  '1B': { local: [2, 1], organisation: 2 },
  '1C': { local: [2, 2], organisation: 2 },
  '1D': { local: [1, 2], organisation: 2 },
  '2A': { local: [1, 1], organisation: 1 },
  '2B': { local: [1, 0], organisation: 2 },
  '2C': { local: [2, 2], organisation: 2 },
  '2D': { local: [1, 1], organisation: 1 },
  '3A': { local: [1, 1], organisation: 2 },
  '3B': { local: [1, 2], organisation: 1 },
  '3C': { local: [0, 1], organisation: 1 },
};

export const rationales = [
  'The evidence shows some groups are doing as well as others, but not all.',
  'Interpreting and accessible information are still patchy in community clinics.',
  'Good progress for most groups; the data on disabled patients is thin.',
  'We heard mixed experiences from our members over the year.',
];

export const demoEvidence: Record<
  string,
  { title: string; summary: string; providedBy: string; link: string }[]
> = {
  '1A': [
    {
      title: 'Outpatient did-not-attend rates by ethnicity and deprivation',
      summary:
        'Missed appointments are highest among people in the most deprived fifth of areas and for people who need an interpreter.',
      providedBy: 'Performance and Information Team',
      link: 'https://www.example.org/riverside/dna-by-ethnicity.pdf',
    },
  ],
  '1B': [
    {
      title: 'Diabetes care processes completed, by ethnic group',
      summary: 'Completion of the eight care processes is lower for South Asian patients in two practices.',
      providedBy: 'Diabetes Specialist Nursing Service',
      link: 'https://www.example.org/riverside/diabetes-care-processes.pdf',
    },
  ],
  '1C': [
    {
      title: 'Patient safety incidents involving people with a learning disability',
      summary: 'Quarterly review of incidents and the reasonable adjustments made.',
      providedBy: 'Patient Safety Team',
      link: 'https://www.example.org/riverside/ld-safety-review.pdf',
    },
  ],
  '1D': [
    {
      title: 'Community listening events: what we heard',
      summary: 'Notes from six listening events held with partnership members.',
      providedBy: 'Patient and Community Engagement Team',
      link: 'https://www.example.org/riverside/listening-events.pdf',
    },
  ],
  '2A': [
    {
      title: 'Staff health and well-being offer uptake',
      summary: 'Uptake of health checks and mental health support, by staff group.',
      providedBy: 'Occupational Health',
      link: 'https://www.example.org/riverside/wellbeing-uptake.pdf',
    },
  ],
  '3B': [
    {
      title: 'Audit of equality impact sections in board papers',
      summary:
        'Twelve months of board and committee papers checked for equality and health inequality impacts.',
      providedBy: 'Corporate Governance Team',
      link: 'https://www.example.org/riverside/board-paper-audit.pdf',
    },
  ],
};

export const demoObjectives = [
  {
    title: 'Close the gap in missed outpatient appointments for people in the most deprived areas',
    description: 'Halve the difference in did-not-attend rates between the most and least deprived fifths.',
  },
  {
    title: 'Make sure every patient who needs an interpreter or accessible information gets it',
    description: 'Record communication needs at referral and meet them at every contact.',
  },
  {
    title: 'Build a workforce where Black, Asian and minority ethnic and Disabled staff progress fairly',
    description: 'Close the gaps in WRES indicator 2 and WDES metric 2.',
  },
];

export const lastYearActions = [
  {
    outcome: '1A',
    objective: 0,
    title: 'Text reminders in the five most used community languages',
    status: 'done',
  },
  {
    outcome: '1D',
    objective: 1,
    title: 'Accessible information standard training for reception teams',
    status: 'done',
  },
  {
    outcome: '2B',
    objective: 2,
    title: 'Launch a speak-up route for staff facing racist abuse from patients',
    status: 'in_progress',
  },
] as const;

export const thisYearActions = [
  {
    outcome: '1A',
    objective: 0,
    title: 'Offer evening clinics in two community hubs in the most deprived areas',
  },
  { outcome: '2B', objective: 2, title: 'Reverse mentoring for board members with staff network members' },
] as const;

/** Two years of WRES/WDES figures, the later one a little better. */
export function demoWorkforceCsv(year: number): string {
  const rows = ['year,measure,group,cluster,value,base'];
  for (const [y, shift] of [
    [year - 1, 0],
    [year, 1],
  ] as const) {
    const bands: [string, number, number][] = [
      ['Bands 1-4', 1450, 520],
      ['Bands 5-7', 1800, 640],
      ['Bands 8a-8b', 260, 45 + shift * 6],
      ['Bands 8c-9 and VSM', 70, 6 + shift * 2],
    ];
    for (const [band, white, bme] of bands)
      rows.push(`${y},workforce,white,${band},${white},`, `${y},workforce,bme,${band},${bme},`);
    rows.push(
      `${y},workforce,disabled,All staff,${160 + shift * 20},`,
      `${y},workforce,non_disabled,All staff,3400,`,
      `${y},workforce,disability_unknown,All staff,900,`,
    );
    rows.push(
      `${y},shortlisted,white,,900,`,
      `${y},appointed,white,,270,`,
      `${y},shortlisted,bme,,700,`,
      `${y},appointed,bme,,${120 + shift * 20},`,
    );
    rows.push(
      `${y},shortlisted,disabled,,90,`,
      `${y},appointed,disabled,,${18 + shift * 3},`,
      `${y},shortlisted,non_disabled,,1400,`,
      `${y},appointed,non_disabled,,390,`,
    );
    rows.push(
      `${y},disciplinary,white,,22,`,
      `${y},disciplinary,bme,,${16 - shift * 3},`,
      `${y},training,white,,1300,`,
      `${y},training,bme,,${380 + shift * 40},`,
    );
    rows.push(`${y},capability,disabled,,${4 - shift},`, `${y},capability,non_disabled,,30,`);
    rows.push(
      `${y},harassment_public,white,,420,1600`,
      `${y},harassment_public,bme,,${190 - shift * 10},620`,
      `${y},harassment_staff,white,,290,1600`,
      `${y},harassment_staff,bme,,150,620`,
    );
    rows.push(
      `${y},equal_opportunities,white,,960,1600`,
      `${y},equal_opportunities,bme,,${290 + shift * 20},620`,
      `${y},discrimination,white,,80,1600`,
      `${y},discrimination,bme,,${95 - shift * 8},620`,
    );
    rows.push(
      `${y},equal_opportunities,disabled,,180,400`,
      `${y},equal_opportunities,non_disabled,,1150,1900`,
      `${y},harassment_public,disabled,,130,400`,
      `${y},harassment_public,non_disabled,,440,1900`,
    );
    rows.push(
      `${y},presenteeism,disabled,,${110 - shift * 10},400`,
      `${y},presenteeism,non_disabled,,340,1900`,
      `${y},adjustments,disabled,,${260 + shift * 15},400`,
    );
    rows.push(
      `${y},engagement,disabled,,6.6,`,
      `${y},engagement,non_disabled,,7.0,`,
      `${y},engagement,all,,6.9,`,
      `${y},voices_heard,all,,1,`,
    );
    rows.push(
      `${y},board_voting,white,,10,`,
      `${y},board_voting,bme,,${1 + shift},`,
      `${y},board_executive,disabled,,0,`,
      `${y},board_executive,non_disabled,,6,`,
    );
  }
  return `${rows.join('\n')}\n`;
}
