// The demo directory: invented local organisations and fictional national ones (example.org sites).
import type { Community } from '../memberships/communities.ts';

interface DemoEntry {
  name: string;
  scope: 'local' | 'national';
  area: string;
  description: string;
  communities: Community[];
  website?: string;
}

export const demoDirectory: DemoEntry[] = [
  {
    name: 'Riverside Deaf Connect (demo)',
    scope: 'local',
    area: 'Riverside City',
    description: 'Deaf-led social club, BSL advice surgeries and interpreting advice.',
    communities: ['Deaf and hard of hearing people'],
  },
  {
    name: 'Eastgate Somali Women’s Group',
    scope: 'local',
    area: 'Riverside City',
    description: 'Women’s health sessions, English classes and a weekly drop-in.',
    communities: [
      'Ethnic minority communities',
      'Women, including pregnancy and maternity',
      'People who speak little or no English',
    ],
  },
  {
    name: 'Traveller Support Hub',
    scope: 'local',
    area: 'Riverside City and Northshire',
    description: 'Site visits, advocacy and help to register with a GP.',
    communities: ['Gypsy, Roma and Traveller communities'],
  },
  {
    name: 'Bridgeway Carers Network',
    scope: 'local',
    area: 'Northshire',
    description: 'Carers’ cafés, young carers’ groups and carers’ assessments support.',
    communities: ['Unpaid carers'],
  },
  {
    name: 'Rainbow Health Forum',
    scope: 'local',
    area: 'Riverside City',
    description: 'LGBT+ health forum, peer support and training for services.',
    communities: ['Lesbian, gay and bisexual people', 'Trans and non-binary people'],
  },
  {
    name: 'Riverside Interfaith Council',
    scope: 'local',
    area: 'Riverside City',
    description: 'Brings together leaders of the city’s places of worship.',
    communities: ['Faith communities'],
  },
  {
    name: 'Sanctuary Riverside Refugee Network',
    scope: 'local',
    area: 'Riverside City',
    description: 'Drop-ins, casework and volunteer befrienders for people seeking asylum.',
    communities: ['Refugees and people seeking asylum', 'People who speak little or no English'],
  },
  {
    name: 'Open Doors Homelessness Project',
    scope: 'local',
    area: 'Riverside City',
    description: 'Day centre, street outreach and a health bus twice a week.',
    communities: ['People experiencing homelessness', 'People who use drugs or alcohol'],
  },
  {
    name: 'Westbrook Rural Older People’s Forum',
    scope: 'local',
    area: 'Westdale',
    description: 'Lunch clubs, a befriending phone line and a forum of older residents.',
    communities: ['Older people'],
  },
  {
    name: 'Highcross Learning Disability Advocacy',
    scope: 'local',
    area: 'Riverside City',
    description: 'Self-advocacy groups and easy read reviews for services.',
    communities: ['People with a learning disability or autistic people'],
  },
  {
    name: 'Northfields Young Parents Collective',
    scope: 'local',
    area: 'Riverside City',
    description: 'Peer support for young parents and their children.',
    communities: ['Children and young people', 'Women, including pregnancy and maternity'],
  },
  {
    name: 'Kingsbrook Men’s Shed (demo)',
    scope: 'local',
    area: 'Northshire',
    description: 'Workshop and social space for men, with regular health talks.',
    communities: ['Men', 'Older people'],
  },
  {
    name: 'Eastmoor Recovery Café (demo)',
    scope: 'local',
    area: 'Northshire',
    description: 'Peer-led recovery community for people affected by drugs or alcohol.',
    communities: ['People who use drugs or alcohol', 'People with mental health conditions'],
  },
  {
    name: 'Westdale Veterans Breakfast Club (demo)',
    scope: 'local',
    area: 'Westdale',
    description: 'Monthly breakfast club for veterans and their families.',
    communities: ['Armed forces veterans'],
  },
  {
    name: 'Mindful Northshire (demo)',
    scope: 'local',
    area: 'Northshire',
    description: 'Peer support groups and a recovery college for adults.',
    communities: ['People with mental health conditions'],
  },
  {
    name: 'National Carers Voice (demo)',
    scope: 'national',
    area: 'England',
    description: 'Campaigning and information for unpaid carers across England.',
    communities: ['Unpaid carers'],
    website: 'https://carers-voice.example.org',
  },
  {
    name: 'Men’s Health Alliance (demo)',
    scope: 'national',
    area: 'United Kingdom',
    description: 'Research and guidance on reaching men with health services.',
    communities: ['Men'],
    website: 'https://menshealth.example.org',
  },
  {
    name: 'Trans Health Network (demo)',
    scope: 'national',
    area: 'England',
    description: 'Trans-led network advising services on inclusive care.',
    communities: ['Trans and non-binary people'],
    website: 'https://transhealth.example.org',
  },
  {
    name: 'Disability Rights Together (demo)',
    scope: 'national',
    area: 'England',
    description: 'Disabled people’s organisation advising on accessible services.',
    communities: ['Disabled people', 'Deaf and hard of hearing people'],
    website: 'https://disability-together.example.org',
  },
  {
    name: 'Inclusion Health Coalition (demo)',
    scope: 'national',
    area: 'England',
    description: 'Coalition of charities working with socially excluded groups.',
    communities: [
      'People experiencing homelessness',
      'Refugees and people seeking asylum',
      'Gypsy, Roma and Traveller communities',
    ],
    website: 'https://inclusion-health.example.org',
  },
];
