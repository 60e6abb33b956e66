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

/** Who a member organisation connects with: a community from the shared list, a place, or a language. */
export type CommunityCategory = 'community' | 'place' | 'language';

export interface OrganisationCommunity {
  category: CommunityCategory;
  label: string;
}

export interface Representative {
  id: string;
  organisationId: string;
  name: string;
  roleTitle: string;
  email: string | null;
  userId: string | null;
  startDate: string;
  endDate: string | null;
}

/** The partnership's view of a member organisation. */
export interface OrganisationProfile extends Organisation {
  charityNumber: string | null;
  companyNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
  description: string | null;
  listedPublicly: boolean;
  communities: OrganisationCommunity[];
  representatives: Representative[];
}

export type ProfileFields = Omit<OrganisationProfile, 'id' | 'name' | 'kind' | 'representatives'>;
