import { z } from 'zod';
import { optionalText, requiredText, yesNo } from '../memberships/form-fields.ts';

export const placeSchema = z.object({
  name: requiredText('Choose the place', 100),
  summary: requiredText('Describe the place in a sentence or two', 2000),
  priorities: requiredText('Enter the place’s health-inequality priorities, one per line', 4000),
  planSummary: optionalText(4000),
  partners: optionalText(4000),
  published: yesNo('Select whether the place page is public'),
});

export type PlaceInput = z.infer<typeof placeSchema>;
