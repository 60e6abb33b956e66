import type { Cohort, Figure } from './workforce.ts';
import {
  boardDifference,
  events,
  fig,
  headcount,
  headlineOf,
  lookupFor,
  pairs,
  relativeLikelihood,
  representation,
  sum,
  surveyPercent,
  type Indicator,
} from './workforce-indicators.ts';

/** WDES metrics 1–10 from one year's figures (and the year before, for metric 3). See docs/methods/wres-wdes.md. */
export function wdesMetrics(figures: Figure[], year: number): Indicator[] {
  const now = lookupFor(figures, year);
  const rolling = figures.some((f) => f.year === year - 1) ? [now, lookupFor(figures, year - 1)] : [now];
  const d: [Cohort, string] = ['disabled', 'Disabled staff'];
  const nd: [Cohort, string] = ['non_disabled', 'Non-disabled staff'];
  const appointed = relativeLikelihood(
    sum(now('appointed', 'non_disabled')),
    sum(now('shortlisted', 'non_disabled')),
    sum(now('appointed', 'disabled')),
    sum(now('shortlisted', 'disabled')),
  );
  const capability = relativeLikelihood(
    events(rolling, 'capability', 'disabled'),
    headcount(rolling, 'disabled'),
    events(rolling, 'capability', 'non_disabled'),
    headcount(rolling, 'non_disabled'),
  );
  const engagement = (cohort: Cohort) => now('engagement', cohort)[0]?.value ?? null;
  const voices = now('voices_heard', 'all')[0]?.value ?? null;
  const list: Omit<Indicator, 'headline' | 'standard'>[] = [
    {
      code: '1',
      title: 'Disabled staff in each pay band or cluster compared with the overall workforce',
      figures: representation(now, 'disabled', 'non_disabled', '% Disabled'),
    },
    {
      code: '2',
      title:
        'Relative likelihood of non-disabled applicants being appointed from shortlisting compared with Disabled applicants',
      figures: [fig('Relative likelihood (non-disabled ÷ Disabled)', appointed, 'ratio')],
    },
    {
      code: '3',
      title:
        'Relative likelihood of Disabled staff entering the formal capability process compared with non-disabled staff',
      figures: [fig('Relative likelihood (Disabled ÷ non-disabled)', capability, 'ratio')],
      note:
        rolling.length === 2
          ? `Two-year rolling figure (${year - 1} and ${year}).`
          : 'Single year: import the previous year for the two-year rolling figure.',
    },
    {
      code: '4a(i)',
      title: 'Harassment, bullying or abuse from patients, relatives or the public',
      figures: pairs(now, 'harassment_public', nd, d),
    },
    {
      code: '4a(ii)',
      title: 'Harassment, bullying or abuse from managers',
      figures: pairs(now, 'harassment_managers', nd, d),
    },
    {
      code: '4a(iii)',
      title: 'Harassment, bullying or abuse from other colleagues',
      figures: pairs(now, 'harassment_colleagues', nd, d),
    },
    {
      code: '4b',
      title: 'Last time they experienced harassment, bullying or abuse, they or a colleague reported it',
      figures: pairs(now, 'harassment_reported', nd, d),
    },
    {
      code: '5',
      title: 'Believe the trust provides equal opportunities for career progression or promotion',
      figures: pairs(now, 'equal_opportunities', nd, d),
    },
    {
      code: '6',
      title: 'Felt pressure from their manager to come to work when not well enough',
      figures: pairs(now, 'presenteeism', nd, d),
    },
    {
      code: '7',
      title: 'Satisfied with the extent to which the organisation values their work',
      figures: pairs(now, 'valued', nd, d),
    },
    {
      code: '8',
      title: 'Disabled staff saying their employer has made adequate adjustments',
      figures: [fig('Disabled staff', surveyPercent(now, 'adjustments', 'disabled'), 'percent')],
    },
    {
      code: '9a',
      title: 'Staff engagement score (0 to 10)',
      figures: [
        fig('Disabled staff', engagement('disabled'), 'score'),
        fig('Non-disabled staff', engagement('non_disabled'), 'score'),
        fig('All staff', engagement('all'), 'score'),
      ],
    },
    {
      code: '9b',
      title: 'The trust has taken action to facilitate the voices of Disabled staff being heard',
      figures: [fig('Yes or no', voices, 'yesno')],
    },
    {
      code: '10',
      title: 'Difference between Disabled board membership and the overall workforce',
      figures: boardDifference(now, 'disabled', 'non_disabled', '% Disabled'),
    },
  ];
  const pairCodes = ['4a(i)', '4a(ii)', '4a(iii)', '4b', '5', '6', '7'];
  return list.map((i) => ({
    ...i,
    standard: 'WDES',
    headline: headlineOf(i.figures, pairCodes.includes(i.code)),
  }));
}
