export const organisationKinds = [
  'trust',
  'community_group',
  'vcse',
  'faith_group',
  'healthwatch',
  'statutory',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  trust: 'NHS trust or integrated care board',
  community_group: 'Community group',
  vcse: 'Voluntary, community or social enterprise organisation',
  faith_group: 'Faith group',
  healthwatch: 'Healthwatch',
  statutory: 'Other statutory body',
  other: 'Other',
};

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}
