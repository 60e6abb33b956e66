import type { AccountService } from '../accounts/account.service.ts';
import type { InsightTaggingService } from './insight-tagging.service.ts';

/** Synthetic Friends and Family Test comments (fictional places and services), as an export would give them. */
const demoComments: [service: string, place: string, question: string, comment: string][] = [
  [
    'Outpatients',
    'Northfield',
    'What could we do better?',
    'Waited nearly two hours past my appointment time and nobody told us why.',
  ],
  [
    'Outpatients',
    'Northfield',
    'What could we do better?',
    'My mum speaks Punjabi and there was no interpreter, so my 12 year old had to translate.',
  ],
  [
    'Maternity',
    'Eastgate',
    'What was good?',
    'The midwives were kind and respectful and explained everything about my pregnancy.',
  ],
  [
    'Maternity',
    'Eastgate',
    'What could we do better?',
    'Parking charges are too expensive when you visit every day and we are on universal credit.',
  ],
  [
    'Emergency department',
    'Riverside',
    'What could we do better?',
    'Felt the receptionist was rude and dismissive because of my accent.',
  ],
  [
    'Emergency department',
    'Riverside',
    'What was good?',
    'Seen quickly, staff were brilliant and the department was very clean.',
  ],
  [
    'GP access',
    'Northfield',
    'What could we do better?',
    'You can only book online now and my dad is 84 with no smartphone or internet.',
  ],
  [
    'GP access',
    'Eastgate',
    'What could we do better?',
    'Could not get through on the phone for three days to make an appointment.',
  ],
  [
    'Community mental health',
    'Riverside',
    'What could we do better?',
    'My son is autistic and the waiting room was too loud and bright for him.',
  ],
  [
    'Community mental health',
    'Northfield',
    'What was good?',
    'My care coordinator listened to me and involved my carer in the plan.',
  ],
  [
    'Patient transport',
    'Eastgate',
    'What could we do better?',
    'The transport was late picking me up and I use a wheelchair so I could not get the bus.',
  ],
  [
    'Patient transport',
    'Riverside',
    'What was good?',
    'Driver was friendly and helpful, got me home safely after dialysis.',
  ],
  [
    'Outpatients',
    'Riverside',
    'What could we do better?',
    'The letter was only in English and had no easy read version for my brother who has a learning disability.',
  ],
  [
    'Emergency department',
    'Northfield',
    'What could we do better?',
    'No food or drink offered during a 9 hour wait, and the toilets were dirty.',
  ],
  [
    'Maternity',
    'Riverside',
    'What could we do better?',
    'As a Muslim woman I asked for a female doctor and was made to feel awkward about it.',
  ],
  ['GP access', 'Riverside', 'What was good?', 'Good service overall, thank you.'],
];

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function demoCsv(): string {
  const header = 'Service,Place,FFT question,FFT answer';
  return [header, ...demoComments.map((row) => row.map(csvCell).join(','))].join('\n');
}

/** Imports the synthetic comments as the demo staff member, then tags every other insight item. */
export async function loadInsightTaggingDemo(deps: {
  accounts: AccountService;
  tagging: InsightTaggingService;
}): Promise<void> {
  const staff = (await deps.accounts.list()).find((u) => u.role === 'staff');
  if (!staff) return;
  const viewer = { id: staff.id, name: staff.name, role: staff.role, organisationId: staff.organisationId };
  await deps.tagging.importComments(viewer, { name: 'fft-demo-export.csv', text: demoCsv() });
  await deps.tagging.tagUntagged(viewer);
}
