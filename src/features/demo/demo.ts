import type { OrganisationKind } from '../organisations/organisation.ts';
import type { Role } from '../accounts/account.ts';

/** Everything here is invented. Names are chosen so that no real organisation or person is implied. */
export const demoTrust = { name: 'Riverside Health NHS Trust (demo)', kind: 'trust' as OrganisationKind };

export const demoMemberOrganisations: { name: string; kind: OrganisationKind }[] = [
  { name: 'Northfields Community Association', kind: 'community_group' },
  { name: 'Eastgate Somali Women’s Group', kind: 'community_group' },
  { name: 'Highcross Deaf Community Centre', kind: 'vcse' },
  { name: 'Bridgeway Carers Network', kind: 'vcse' },
  { name: 'Traveller Support Hub', kind: 'vcse' },
  { name: 'Rainbow Health Forum', kind: 'community_group' },
  { name: 'Riverside Interfaith Council', kind: 'faith_group' },
  { name: 'Healthwatch Riverside (demo)', kind: 'healthwatch' },
];

export const demoUsers: { role: Role; name: string; email: string; organisation: 'trust' | number }[] = [
  { role: 'admin', name: 'Alex Admin', email: 'admin@demo.parity.invalid', organisation: 'trust' },
  { role: 'staff', name: 'Sam Staff', email: 'staff@demo.parity.invalid', organisation: 'trust' },
  { role: 'member', name: 'Morgan Member', email: 'member@demo.parity.invalid', organisation: 0 },
];

export interface DemoCredential {
  role: Role;
  email: string;
  password: string;
}

export const demoSettingKey = 'demo_data_loaded_at';
