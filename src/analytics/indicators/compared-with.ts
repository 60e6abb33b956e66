// What a breakdown's groups are compared with. A rate by ethnic group, or by ethnic group in the
// Core20 and the rest (over the census's residents, ratesByEthnicGroup), is compared with the rate
// of all its groups together (compute.ts, knownGroupsRate): the overall rate also counts the events
// of people whose group is not known.
import type { IndicatorResult } from './result.ts';

export type ComparedWith = 'overall' | 'all groups';

export const comparedWithOf = (
  result: Pick<IndicatorResult, 'statistic'>,
  dimension: string,
): ComparedWith =>
  result.statistic === 'crude-rate' && (dimension.startsWith('ethnic_') || dimension === 'core20_ethnic')
    ? 'all groups'
    : 'overall';
