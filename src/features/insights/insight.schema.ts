import { z } from 'zod';
import { communities } from '../memberships/communities.ts';
import { choiceList, optionalEmail, optionalText, requiredText, yesNo } from '../memberships/form-fields.ts';
import { insightStatuses, peopleAffectedOptions } from './insight.ts';

const submission = {
  title: requiredText('Enter a short title for the issue', 150),
  description: requiredText('Describe what happens', 5000),
  service: optionalText(200),
  communities: choiceList(communities, 'Select communities from the list'),
  place: optionalText(200),
  peopleAffected: z.enum(peopleAffectedOptions, { error: 'Select roughly how many people are affected' }),
  evidence: optionalText(3000),
};

/** Members and staff: the reply goes to their account, so no contact details are asked for. */
export const signedInSubmissionSchema = z.object({
  ...submission,
  wantsReply: yesNo('Select whether you want to be told what happens'),
  organisationId: optionalText(100),
});

/** The public: anonymous unless they ask for a reply, and then only the contact they give. */
export const publicSubmissionSchema = z
  .object({
    ...submission,
    wantsReply: yesNo('Select whether you want a reply'),
    replyName: optionalText(200),
    replyEmail: optionalEmail,
  })
  .refine((v) => !v.wantsReply || v.replyEmail !== null, {
    message: 'Enter an email address for the reply, or choose no reply',
    path: ['replyEmail'],
  });

export const editSubmissionSchema = z.object(submission);

export const triageSchema = z
  .object({
    status: z.enum(insightStatuses, { error: 'Select a status' }),
    themeIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    noActionReason: optionalText(2000),
    triageNote: optionalText(4000),
    publicSummary: optionalText(2000),
    publishable: yesNo('Select whether this may appear on “You said, we did”'),
  })
  .refine((v) => v.status !== 'no_action' || v.noActionReason !== null, {
    message: 'Give the reason for taking no action; it may be published',
    path: ['noActionReason'],
  })
  .refine((v) => !v.publishable || v.publicSummary !== null, {
    message: 'Write an anonymised public summary before publishing',
    path: ['publicSummary'],
  });

export const relateSchema = z.object({
  relatedReference: requiredText('Enter the reference of the related item, like HEP-1A2B3C', 20),
});

export const themeSchema = z.object({
  name: requiredText('Enter the theme’s name', 80),
  description: optionalText(500),
  active: yesNo('Select whether the theme can be used'),
});
