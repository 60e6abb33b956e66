import { minimumSurveyBase, type Cohort, type Figure, type Measure } from './workforce.ts';

/**
 * WRES indicators 1–9 and WDES metrics 1–10 from one year's figures (and the year before, for the
 * two-year rolling likelihoods of entering formal processes). See docs/methods/wres-wdes.md.
 */
export type Unit = 'ratio' | 'percent' | 'points' | 'score' | 'yesno';

export interface IndicatorFigure {
  label: string;
  value: number | null;
  unit: Unit;
}

export interface Indicator {
  standard: 'WRES' | 'WDES';
  code: string;
  title: string;
  figures: IndicatorFigure[];
  /** The single figure followed year on year. */
  headline: IndicatorFigure;
  note?: string;
}

export type Lookup = (measure: Measure, cohort: Cohort) => Figure[];

export const sum = (rows: Figure[]) => (rows.length ? rows.reduce((t, r) => t + r.value, 0) : null);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/** (numerator group's rate) ÷ (reference group's rate); null when either rate cannot be formed or is 0. */
export function relativeLikelihood(
  numEvents: number | null,
  numBase: number | null,
  refEvents: number | null,
  refBase: number | null,
): number | null {
  const numerator = ratio(numEvents, numBase);
  const reference = ratio(refEvents, refBase);
  if (numerator === null || reference === null || reference === 0) return null;
  return numerator / reference;
}

function percent(part: number | null, whole: number | null): number | null {
  const r = ratio(part, whole);
  return r === null ? null : r * 100;
}

export function surveyPercent(lookup: Lookup, measure: Measure, cohort: Cohort): number | null {
  const row = lookup(measure, cohort)[0];
  if (!row || row.base === null || row.base < minimumSurveyBase) return null;
  return (row.value / row.base) * 100;
}

export const fig = (label: string, value: number | null, unit: Unit): IndicatorFigure => ({
  label,
  value,
  unit,
});

export function lookupFor(figures: Figure[], year: number): Lookup {
  return (measure, cohort) =>
    figures.filter((f) => f.year === year && f.measure === measure && f.cohort === cohort);
}

/** Per cluster: the share of the minority group among those whose group is known, and overall. */
export function representation(
  lookup: Lookup,
  minority: Cohort,
  reference: Cohort,
  label: string,
): IndicatorFigure[] {
  const clusters = [
    ...new Set([...lookup('workforce', minority), ...lookup('workforce', reference)].map((f) => f.cluster)),
  ];
  const share = (rowsOf: (c: Cohort) => Figure[]) => {
    const m = sum(rowsOf(minority));
    const r = sum(rowsOf(reference));
    return percent(m, m === null && r === null ? null : (m ?? 0) + (r ?? 0));
  };
  const figures = clusters.map((cluster) =>
    fig(
      `${label} in ${cluster}`,
      share((c) => lookup('workforce', c).filter((f) => f.cluster === cluster)),
      'percent',
    ),
  );
  return [
    fig(
      `${label} in the whole workforce`,
      share((c) => lookup('workforce', c)),
      'percent',
    ),
    ...figures,
  ];
}

export function boardDifference(
  lookup: Lookup,
  minority: Cohort,
  reference: Cohort,
  label: string,
): IndicatorFigure[] {
  const share = (measure: Measure) => {
    const m = sum(lookup(measure, minority));
    const r = sum(lookup(measure, reference));
    return percent(m, (m ?? 0) + (r ?? 0) || null);
  };
  const workforce = share('workforce');
  const diff = (board: number | null) => (board === null || workforce === null ? null : board - workforce);
  return [
    fig(`Voting board members: ${label} minus workforce`, diff(share('board_voting')), 'points'),
    fig(`Executive board members: ${label} minus workforce`, diff(share('board_executive')), 'points'),
  ];
}

export function headcount(lookups: Lookup[], cohort: Cohort): number | null {
  const totals = lookups.map((l) => sum(l('workforce', cohort)));
  return totals.some((t) => t === null) ? null : totals.reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function events(lookups: Lookup[], measure: Measure, cohort: Cohort): number | null {
  const totals = lookups.map((l) => sum(l(measure, cohort)));
  return totals.some((t) => t === null) ? null : totals.reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function pairs(
  lookup: Lookup,
  measure: Measure,
  a: [Cohort, string],
  b: [Cohort, string],
): IndicatorFigure[] {
  return [
    fig(a[1], surveyPercent(lookup, measure, a[0]), 'percent'),
    fig(b[1], surveyPercent(lookup, measure, b[0]), 'percent'),
  ];
}

export function wresIndicators(figures: Figure[], year: number): Indicator[] {
  const now = lookupFor(figures, year);
  const rolling = figures.some((f) => f.year === year - 1) ? [now, lookupFor(figures, year - 1)] : [now];
  const white: [Cohort, string] = ['white', 'White staff'];
  const bme: [Cohort, string] = ['bme', 'BME staff'];
  const appointed = relativeLikelihood(
    sum(now('appointed', 'white')),
    sum(now('shortlisted', 'white')),
    sum(now('appointed', 'bme')),
    sum(now('shortlisted', 'bme')),
  );
  const disciplinary = relativeLikelihood(
    events(rolling, 'disciplinary', 'bme'),
    headcount(rolling, 'bme'),
    events(rolling, 'disciplinary', 'white'),
    headcount(rolling, 'white'),
  );
  const training = relativeLikelihood(
    sum(now('training', 'white')),
    headcount([now], 'white'),
    sum(now('training', 'bme')),
    headcount([now], 'bme'),
  );
  const list: Omit<Indicator, 'headline' | 'standard'>[] = [
    {
      code: '1',
      title: 'BME staff in each pay band compared with the overall workforce',
      figures: representation(now, 'bme', 'white', '% BME'),
    },
    {
      code: '2',
      title:
        'Relative likelihood of White applicants being appointed from shortlisting compared with BME applicants',
      figures: [fig('Relative likelihood (White ÷ BME)', appointed, 'ratio')],
    },
    {
      code: '3',
      title:
        'Relative likelihood of BME staff entering the formal disciplinary process compared with White staff',
      figures: [fig('Relative likelihood (BME ÷ White)', disciplinary, 'ratio')],
      note:
        rolling.length === 2
          ? `Two-year rolling figure (${year - 1} and ${year}).`
          : 'Single year: import the previous year for the two-year rolling figure.',
    },
    {
      code: '4',
      title:
        'Relative likelihood of White staff accessing non-mandatory training and CPD compared with BME staff',
      figures: [fig('Relative likelihood (White ÷ BME)', training, 'ratio')],
    },
    {
      code: '5',
      title:
        'Staff experiencing harassment, bullying or abuse from patients, relatives or the public in the last 12 months',
      figures: pairs(now, 'harassment_public', white, bme),
    },
    {
      code: '6',
      title: 'Staff experiencing harassment, bullying or abuse from staff in the last 12 months',
      figures: pairs(now, 'harassment_staff', white, bme),
    },
    {
      code: '7',
      title: 'Staff believing the trust provides equal opportunities for career progression or promotion',
      figures: pairs(now, 'equal_opportunities', white, bme),
    },
    {
      code: '8',
      title: 'Staff personally experiencing discrimination at work from a manager, team leader or colleague',
      figures: pairs(now, 'discrimination', white, bme),
    },
    {
      code: '9',
      title: 'Difference between BME board membership and the overall workforce',
      figures: boardDifference(now, 'bme', 'white', '% BME'),
    },
  ];
  return list.map((i) => ({
    ...i,
    standard: 'WRES',
    headline: headlineOf(i.figures, i.code === '5' || i.code === '6' || i.code === '7' || i.code === '8'),
  }));
}

/** For survey pairs the minority group's figure is followed; otherwise the first figure. */
export function headlineOf(figures: IndicatorFigure[], secondOfPair: boolean): IndicatorFigure {
  return (secondOfPair ? figures[1] : figures[0]) ?? fig('', null, 'percent');
}
