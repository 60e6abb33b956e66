import { z } from 'zod';
import { communities } from '../memberships/communities.ts';
import {
  choiceList,
  optionalEmail,
  optionalText,
  optionalWebsite,
  requiredText,
} from '../memberships/form-fields.ts';
import { directoryScopes } from './directory.ts';

export const entrySchema = z.object({
  name: requiredText('Enter the organisation’s name', 200),
  scope: z.enum(directoryScopes, { error: 'Select whether it works locally or nationally' }),
  area: requiredText('Enter the area it covers, like Riverside City or England', 200),
  description: requiredText('Describe what the organisation does', 2000),
  contact: optionalText(200),
  email: optionalEmail,
  phone: optionalText(40),
  website: optionalWebsite,
  communities: choiceList(communities, 'Select groups from the list').refine((l) => l.length > 0, {
    message: 'Select at least one group the organisation works with',
  }),
});

export type EntryInput = z.infer<typeof entrySchema>;

export const guideSchema = z.object({
  summary: requiredText('Enter a one-sentence summary', 500),
  body: requiredText('Enter the guidance', 20_000),
});
