/**
 * The starter quick-reference guides seeded by 0006_outreach: one per community in the shared
 * list (src/features/memberships/communities.ts). Plain text: paragraphs are separated by a blank
 * line and lines starting "- " become a bulleted list. Staff edit them in Parity afterwards.
 */
export interface StarterGuide {
  slug: string;
  community: string;
  summary: string;
  body: string;
}

const common = [
  '- Ask what works for people before you plan: time, place, format and language.',
  '- Pay for people’s time and travel, and say so in the invitation.',
  '- Tell people afterwards what you heard and what changed.',
].join('\n');

function guide(slug: string, community: string, summary: string, tips: string[]): StarterGuide {
  return {
    slug,
    community,
    summary,
    body: `${summary}\n\nBefore you start:\n\n${common}\n\nFor this group:\n\n${tips.map((t) => `- ${t}`).join('\n')}`,
  };
}

export const starterGuides: StarterGuide[] = [
  guide(
    'older-people',
    'Older people',
    'Many older people are happy to talk but are often missed by online surveys.',
    [
      'Meet in places people already go: lunch clubs, libraries, faith and community centres.',
      'Offer paper, phone and face-to-face options as well as online.',
      'Use large print and plain English, and allow time for questions.',
    ],
  ),
  guide(
    'children-and-young-people',
    'Children and young people',
    'Young people give honest views when the setting feels theirs.',
    [
      'Work through youth groups, schools and colleges, with their safeguarding rules.',
      'Keep sessions short and active; use polls, cards and drawing as well as talk.',
      'Get consent from a parent or carer when the law or the setting requires it.',
    ],
  ),
  guide('disabled-people', 'Disabled people', 'Ask about access needs every time, and meet them.', [
    'Check the venue is step-free, with an accessible toilet and hearing loop.',
    'Offer easy read, large print, audio and British Sign Language versions.',
    'Work with disabled people’s organisations, led by disabled people.',
  ]),
  guide(
    'deaf-people',
    'Deaf and hard of hearing people',
    'Deaf people who use British Sign Language have their own language and culture.',
    [
      'Book qualified BSL interpreters early, and speech-to-text reporters for people who lip-read.',
      'Translate written material into BSL video, not just plain English.',
      'Hold sessions at Deaf clubs and centres, ideally run by Deaf facilitators.',
    ],
  ),
  guide(
    'learning-disability-autism',
    'People with a learning disability or autistic people',
    'Clear, calm and predictable sessions help everyone take part.',
    [
      'Use easy read material and check understanding as you go.',
      'Tell people in advance what will happen, and offer a quiet space.',
      'Involve self-advocacy groups and the people who support them, with consent.',
    ],
  ),
  guide(
    'mental-health',
    'People with mental health conditions',
    'Trust matters: people may have had poor experiences of services.',
    [
      'Work with peer support groups and recovery colleges.',
      'Make it easy to take part anonymously or to leave at any time.',
      'Have a named person available for support after difficult conversations.',
    ],
  ),
  guide(
    'ethnic-minority-communities',
    'Ethnic minority communities',
    'There is no single ethnic minority community: plan for each group.',
    [
      'Work with community organisations and connectors trusted by each group.',
      'Offer interpreters and translated material in the languages people ask for.',
      'Avoid clashes with religious festivals and prayer times.',
    ],
  ),
  guide(
    'gypsy-roma-traveller',
    'Gypsy, Roma and Traveller communities',
    'Many people have faced discrimination; build relationships over time.',
    [
      'Go through liaison officers and Traveller support groups people already trust.',
      'Visit sites and meet in person; written surveys rarely work.',
      'Do not assume people can read, or have a fixed address or a phone.',
    ],
  ),
  guide(
    'refugees-asylum',
    'Refugees and people seeking asylum',
    'People may fear that taking part will affect their immigration case.',
    [
      'Say clearly that taking part is voluntary and does not affect any claim or care.',
      'Use professional interpreters, never family members or children.',
      'Meet in drop-ins and community centres that already support people.',
    ],
  ),
  guide(
    'lgb',
    'Lesbian, gay and bisexual people',
    'People may not be out to everyone; privacy is essential.',
    [
      'Work with LGBT+ groups and advertise in LGBT+ spaces.',
      'Never ask people to state their sexual orientation in a group.',
      'Use inclusive language and make it clear all relationships are welcome.',
    ],
  ),
  guide(
    'trans-non-binary',
    'Trans and non-binary people',
    'Respect for names and pronouns is the starting point.',
    [
      'Ask for the name and pronouns people want to use, and use them.',
      'Work with trans-led groups and pay them for their time.',
      'Keep gender identity information confidential and optional.',
    ],
  ),
  guide(
    'faith-communities',
    'Faith communities',
    'Faith leaders and places of worship can open doors, with care.',
    [
      'Approach through interfaith councils and the leaders of each place of worship.',
      'Plan around prayer times, fasting periods and festivals.',
      'Offer single-sex sessions and food that meets dietary rules when asked.',
    ],
  ),
  guide(
    'women-pregnancy-maternity',
    'Women, including pregnancy and maternity',
    'Childcare and timing decide who can come.',
    [
      'Offer childcare or welcome children, and hold sessions in school hours.',
      'Offer women-only sessions where people prefer them.',
      'Work with maternity voices partnerships and women’s centres.',
    ],
  ),
  guide('men', 'Men', 'Men are less likely to come to health events, so go where they are.', [
    'Meet at workplaces, sports clubs, barbers and men’s sheds.',
    'Keep it practical and informal; a short conversation can be enough.',
    'Work with men’s health organisations on how to frame questions.',
  ]),
  guide('unpaid-carers', 'Unpaid carers', 'Carers have little spare time; make it easy to fit in.', [
    'Offer short sessions at different times, online and in person.',
    'Offer replacement care or pay for it so carers can attend.',
    'Work with carers’ centres and young carers’ services.',
  ]),
  guide(
    'homelessness',
    'People experiencing homelessness',
    'Meet people where they are, with help on offer at the same time.',
    [
      'Go through day centres, hostels and outreach teams.',
      'Offer food and a voucher for people’s time.',
      'Do not ask for an address or ID, and keep forms short.',
    ],
  ),
  guide(
    'core20-areas',
    'People living in the most deprived areas (Core20)',
    'People in the most deprived areas face the widest gaps in health.',
    [
      'Hold sessions in the neighbourhood: community centres, food banks, family hubs.',
      'Cover travel costs and offer food; never expect people to come to the hospital.',
      'Use the ward and Core20 coverage view to see which areas have not been reached.',
    ],
  ),
  guide(
    'little-english',
    'People who speak little or no English',
    'Language should never decide whose views are heard.',
    [
      'Book professional interpreters for the languages people speak.',
      'Translate invitations and summaries, and record audio versions.',
      'Work with community groups who speak the language and know the culture.',
    ],
  ),
  guide(
    'armed-forces-veterans',
    'Armed forces veterans',
    'Veterans may not tell services they have served.',
    [
      'Work with veterans’ breakfast clubs, the Royal British Legion and local forces charities.',
      'Ask about service in a straightforward, respectful way.',
      'Include families and carers of veterans where they want to take part.',
    ],
  ),
  guide('drugs-alcohol', 'People who use drugs or alcohol', 'Stigma keeps people away; be non-judgemental.', [
    'Work through treatment services, recovery communities and needle exchanges.',
    'Make it clear views are anonymous and will not be shared with other services.',
    'Choose times that suit people’s treatment and support routines.',
  ]),
];
