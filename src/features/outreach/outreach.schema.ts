import { z } from 'zod';
import { communities } from '../memberships/communities.ts';
import { choiceList, isoDate, optionalText, requiredText, splitList } from '../memberships/form-fields.ts';
import { peopleAffectedOptions } from '../insights/insight.ts';
import { outreachKinds } from './outreach.ts';

export const activitySchema = z.object({
  kind: z.enum(outreachKinds, { error: 'Select the kind of activity' }),
  title: requiredText('Enter a short name for the activity', 150),
  heldOn: isoDate('Enter the date it took place, like 2026-03-14'),
  placeId: optionalText(100),
  wardCode: optionalText(20),
  location: optionalText(200),
  organisationId: optionalText(100),
  peopleReached: z.coerce
    .number({ error: 'Enter how many people took part, as a number' })
    .int('Enter a whole number of people')
    .min(0, 'The number of people cannot be negative')
    .max(100_000, 'Enter a number of people under 100,000'),
  languages: optionalText(500).transform((v) => splitList(v)),
  heard: optionalText(5000),
  communities: choiceList(communities, 'Select communities from the list').refine((list) => list.length > 0, {
    message: 'Select at least one community reached',
  }),
});

export type ActivityInput = z.infer<typeof activitySchema>;

/** An insight item raised from what was heard at an activity. */
export const heardInsightSchema = z.object({
  title: requiredText('Enter a short title for the issue', 150),
  description: requiredText('Describe what people said', 5000),
  peopleAffected: z.enum(peopleAffectedOptions, { error: 'Select roughly how many people are affected' }),
});
