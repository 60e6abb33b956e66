// A stored result's row for the analytics page tests: a value of 20.0% with its intervals, unless
// the test says otherwise.
import type { PublishedRow } from '../../analytics/indicators/result.ts';

export const publishedRow = (fields: Partial<PublishedRow> & Pick<PublishedRow, 'dimension' | 'group'>) =>
  ({
    period: '2024/25',
    order: fields.group,
    numerator: '40',
    denominator: '200',
    value: 20,
    valueText: '20.0',
    lower95: 15,
    upper95: 25,
    lower998: 12,
    upper998: 28,
    comparison: 'not compared',
    flag: null,
    note: null,
    ...fields,
  }) satisfies PublishedRow;
