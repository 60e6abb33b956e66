import { z } from 'zod';
import { organisationKinds } from '../organisations/organisation.ts';
import { communities } from './communities.ts';
import {
  choiceList,
  isoDate,
  optionalEmail,
  optionalText,
  optionalWebsite,
  requiredEmail,
  requiredText,
  yesNo,
} from './form-fields.ts';
import { memberKinds } from './membership.ts';

const organisationFields = {
  organisationName: requiredText('Enter the name of your group or organisation', 200),
  kind: z.enum(memberKinds, { error: 'Select the type of group or organisation' }),
  charityNumber: optionalText(20),
  companyNumber: optionalText(20),
  website: optionalWebsite,
  description: requiredText('Tell us what your group does', 2000),
  communities: choiceList(communities, 'Select communities from the list'),
  places: optionalText(500),
  languages: optionalText(500),
};

export const applicationSchema = z
  .object({
    ...organisationFields,
    contactName: requiredText('Enter the name of the main contact', 200),
    contactRole: requiredText('Enter the main contact’s role in the group', 200),
    contactEmail: requiredEmail,
    contactPhone: optionalText(40),
    listedPublicly: yesNo('Select whether we may list your group on our website'),
  })
  .refine((v) => v.communities.length > 0 || v.places !== null, {
    message: 'Select at least one community you work with, or tell us the places you work in',
    path: ['communities'],
  });

export const declineSchema = z.object({
  reason: requiredText('Enter the reason, which we will send to the applicant', 2000),
});

export const profileSchema = z.object({
  name: requiredText('Enter the organisation’s name', 200),
  kind: z.enum(organisationKinds, { error: 'Select the type of organisation' }),
  charityNumber: optionalText(20),
  companyNumber: optionalText(20),
  website: optionalWebsite,
  description: optionalText(2000),
  contactName: optionalText(200),
  contactEmail: optionalEmail,
  contactPhone: optionalText(40),
  communities: choiceList(communities, 'Select communities from the list'),
  places: optionalText(500),
  languages: optionalText(500),
  listedPublicly: yesNo('Select whether the organisation is listed publicly'),
});

export const representativeSchema = z.object({
  name: requiredText('Enter the representative’s name', 200),
  roleTitle: requiredText('Enter their role, for example Chair or Outreach worker', 200),
  email: optionalEmail,
  startDate: isoDate('Enter the start date as a date, like 2026-04-01'),
});

export const endRepresentativeSchema = z.object({
  endDate: isoDate('Enter the end date as a date, like 2026-04-01'),
});
