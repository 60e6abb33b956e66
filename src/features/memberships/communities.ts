/**
 * Communities known to face health inequalities: groups sharing a protected characteristic,
 * inclusion health groups and Core20 areas. Used by organisations, insight items and the public
 * "you said, we did" filters, so the same words mean the same people everywhere.
 */
export const communities = [
  'Older people',
  'Children and young people',
  'Disabled people',
  'Deaf and hard of hearing people',
  'People with a learning disability or autistic people',
  'People with mental health conditions',
  'Ethnic minority communities',
  'Gypsy, Roma and Traveller communities',
  'Refugees and people seeking asylum',
  'Lesbian, gay and bisexual people',
  'Trans and non-binary people',
  'Faith communities',
  'Women, including pregnancy and maternity',
  'Men',
  'Unpaid carers',
  'People experiencing homelessness',
  'People living in the most deprived areas (Core20)',
  'People who speak little or no English',
  'Armed forces veterans',
  'People who use drugs or alcohol',
] as const;

export type Community = (typeof communities)[number];

export function isCommunity(value: string): value is Community {
  return (communities as readonly string[]).includes(value);
}
