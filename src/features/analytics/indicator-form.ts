// The "Add an indicator" form: plain fields and one condition per line (for example
// "wait_weeks > 18") instead of JSON, turned into the definition the catalogue schema checks, and
// that schema's complaints turned back into the form's own fields.
import {
  indicatorSchema,
  statisticLabels,
  type Condition,
  type IndicatorDefinition,
} from '../../analytics/indicators/schema.ts';
import { FormError, type FieldError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';

export type IndicatorFormValues = Record<string, string | undefined>;

const symbols: Record<string, Condition['op']> = {
  '=': 'eq',
  '==': 'eq',
  '!=': 'ne',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
};
const symbolOf: Partial<Record<Condition['op'], string>> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
};

const scalar = (raw: string): string | number => {
  const unquoted = raw.trim().replace(/^(['"])(.*)\1$/, '$2');
  return /^-?\d+(\.\d+)?$/.test(unquoted) ? Number(unquoted) : unquoted;
};

const example = 'for example wait_weeks > 18, cancer_stage in 1, 2 or dna present';

/** One condition from a line such as "wait_weeks > 18", "cancer_stage in 1, 2" or "dna present". */
function conditionOf(line: string): Condition | string {
  const [, field, rest] = /^([A-Za-z_][A-Za-z0-9_]*)\s*(.*)$/.exec(line) ?? [];
  if (field === undefined || rest === undefined) return `start with the field name, ${example}`;
  if (field !== field.toLowerCase()) return `write the field name ${field} in lower case`;
  const presence = /^(?:is\s+)?(present|absent|missing)$/i.exec(rest)?.[1];
  if (presence) return { field, op: presence.toLowerCase() === 'present' ? 'present' : 'absent' };
  // Kept as text: "starts with 0" is a code's first figure, not a number.
  const starts = /^starts\s+with\s+(\S.*)$/i.exec(rest)?.[1];
  if (starts)
    return {
      field,
      op: 'startsWith',
      value: starts.split(',').map((v) => v.trim().replace(/^(['"])(.*)\1$/, '$2')),
    };
  const list = /^in\s+(\S.*)$/i.exec(rest)?.[1];
  if (list) return { field, op: 'in', value: list.split(',').map(scalar) };
  const [, symbol, value] = /^(<=|>=|!=|<>|==|=|<|>)\s*(\S.*)$/.exec(rest) ?? [];
  if (symbol && value) {
    const op = symbols[symbol] as Condition['op'];
    const read = scalar(value);
    // "wait_weeks >> 52" reads as "> '> 52'": an order needs a number after it.
    if (['lt', 'lte', 'gt', 'gte'].includes(op) && typeof read !== 'number')
      return `compare with ${symbol} only against a number (not "${value}"), ${example}`;
    return { field, op, value: read };
  }
  return `write the field, a comparison and a value, ${example}`;
}

/** The conditions of a textarea, one per line; every line that cannot be read is named. */
function conditionsOf(
  text: string | undefined,
  field: string,
  label: string,
  errors: FieldError[],
): Condition[] {
  const conditions: Condition[] = [];
  const problems: string[] = [];
  (text ?? '').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parsed = conditionOf(line);
    if (typeof parsed === 'string') problems.push(`line ${i + 1}: ${parsed}`);
    else conditions.push(parsed);
  });
  if (problems.length) errors.push({ field, message: `${label}, ${problems.join('; ')}` });
  return conditions;
}

function numberOf(
  text: string | undefined,
  field: string,
  message: string,
  errors: FieldError[],
): number | undefined {
  const value = text?.trim().replace(/,/g, '');
  if (!value) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  errors.push({ field, message });
  return undefined;
}

const optional = (text: string | undefined): string | undefined => text?.trim() || undefined;
const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[-*•]\s*/, ''))
    .filter(Boolean);

/** The definition the form describes, and the lines and numbers that cannot be read at all. */
function readForm(v: IndicatorFormValues): { definition: unknown; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const numerator = conditionsOf(
    v.numeratorConditions,
    'numeratorConditions',
    'Numerator conditions',
    errors,
  );
  const ages = 'Give the ages as whole numbers from 0 to 90';
  const ageFrom = numberOf(v.populationFrom, 'populationFrom', ages, errors);
  const ageTo = numberOf(v.populationTo, 'populationTo', ages, errors);
  const usesPopulation = Boolean(optional(v.populationFrom) ?? optional(v.populationTo));
  const denominatorWhere = conditionsOf(
    v.denominatorConditions,
    'denominatorConditions',
    'Denominator conditions',
    errors,
  );
  if (usesPopulation && denominatorWhere.length)
    errors.push({
      field: 'denominatorConditions',
      message: 'A denominator is either rows with conditions or a population age range, not both',
    });
  const summarises = v.statistic === 'mean' || v.statistic === 'median';
  if (summarises && !optional(v.valueField))
    errors.push({
      field: 'valueField',
      message: 'Name the field a mean or median summarises, for example wait_weeks',
    });
  if (!summarises && v.statistic && optional(v.valueField))
    errors.push({
      field: 'valueField',
      message: 'Only a mean or a median summarises a field: leave it empty',
    });
  const multiplier = numberOf(
    v.multiplier,
    'multiplier',
    'The multiplier is a number, for example 100 or 100000',
    errors,
  );
  const description = v.denominatorDescription ?? '';
  const definition = {
    id: v.id?.trim() ?? '',
    title: v.title ?? '',
    programme: v.programme ?? '',
    area: v.area ?? '',
    statistic: v.statistic ?? '',
    numerator: { description: v.numeratorDescription ?? '', where: numerator },
    denominator: usesPopulation
      ? { description, population: { ageFrom: ageFrom ?? NaN, ageTo: ageTo ?? NaN } }
      : { description, where: denominatorWhere },
    ...(optional(v.valueField)
      ? { value: { field: optional(v.valueField), description: v.valueDescription ?? '' } }
      : {}),
    ...(multiplier === undefined ? {} : { multiplier }),
    polarity: v.polarity ?? '',
    unit: v.unit ?? '',
    definition: v.definition ?? '',
    caveats: lines(v.caveats),
    ...(optional(v.source) ? { source: optional(v.source) } : {}),
  };
  return { definition, errors };
}

/**
 * The indicator the form describes, checked by the catalogue schema. Every problem is reported at
 * once, each against its own field: lines and numbers that cannot be read, then what the schema
 * finds wrong with the rest.
 */
export function indicatorFromForm(values: IndicatorFormValues): IndicatorDefinition {
  const { definition, errors } = readForm(values);
  try {
    const parsed = parseInput(indicatorSchema, definition);
    if (!errors.length) return parsed;
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    const reported = new Set(errors.map((e) => e.field));
    errors.push(...formErrorsOfIndicator(error).errors.filter((e) => !reported.has(e.field)));
  }
  throw new FormError(inPageOrder(errors));
}

/** The form field each part of a definition comes from (schema paths as parseInput names them). */
const fieldsByPath: [string, string][] = [
  ['numerator.description', 'numeratorDescription'],
  ['numerator', 'numeratorConditions'],
  ['denominator.description', 'denominatorDescription'],
  ['denominator.population.ageTo', 'populationTo'],
  ['denominator.population', 'populationFrom'],
  ['denominator', 'denominatorConditions'],
  ['value.description', 'valueDescription'],
  ['value', 'valueField'],
  ['caveats', 'caveats'],
];

function formField(path: string): string {
  const found = fieldsByPath.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
  return found ? found[1] : (path.split('.')[0] ?? 'form');
}

const labels: Record<string, string> = {
  numeratorConditions: 'Numerator conditions: ',
  denominatorConditions: 'Denominator conditions: ',
};

/** Messages in the words of the form's own choices, where the catalogue's name its codes. */
const formMessages: Record<string, string> = {
  statistic: `Choose the statistic: ${Object.values(statisticLabels).join(', ')}`,
};

/** The form's fields in page order, which its error summary follows. */
const pageOrder = [
  'title',
  'id',
  'programme',
  'area',
  'statistic',
  'numeratorDescription',
  'numeratorConditions',
  'denominatorDescription',
  'denominatorConditions',
  'populationFrom',
  'populationTo',
  'valueField',
  'valueDescription',
  'polarity',
  'unit',
  'multiplier',
  'definition',
  'caveats',
  'source',
];

const inPageOrder = (errors: FieldError[]): FieldError[] => {
  const place = (e: FieldError) => {
    const i = pageOrder.indexOf(e.field);
    return i === -1 ? pageOrder.length : i;
  };
  return [...errors].sort((a, b) => place(a) - place(b));
};

/** The catalogue's errors, named by the form's fields (the first error of each field). */
export function formErrorsOfIndicator(error: FormError): FormError {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const e of error.errors) {
    const field = formField(e.field);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: formMessages[field] ?? `${labels[field] ?? ''}${e.message}` });
  }
  return new FormError(errors);
}

/**
 * The form filled in with an indicator's definition, for one like it: the same but for its
 * identifier, which must be new (the original's with "-local" after it, to be changed at will).
 */
export function formValuesOf(i: IndicatorDefinition): IndicatorFormValues {
  const lines = (conditions: Condition[]) => conditions.map(conditionText).join('\n');
  const population = 'population' in i.denominator ? i.denominator.population : undefined;
  return {
    title: i.title,
    id: `${i.id}-local`,
    programme: i.programme,
    area: i.area,
    statistic: i.statistic,
    numeratorDescription: i.numerator.description,
    numeratorConditions: lines(i.numerator.where),
    denominatorDescription: i.denominator.description,
    denominatorConditions: 'where' in i.denominator ? lines(i.denominator.where) : '',
    populationFrom: population ? String(population.ageFrom) : '',
    populationTo: population ? String(population.ageTo) : '',
    valueField: i.value?.field ?? '',
    valueDescription: i.value?.description ?? '',
    polarity: i.polarity,
    unit: i.unit,
    multiplier: i.multiplier === undefined ? '' : String(i.multiplier),
    definition: i.definition,
    caveats: (i.caveats ?? []).join('\n'),
    source: i.source ?? '',
  };
}

/** A condition as a person would type it in the form. */
export function conditionText(c: Condition): string {
  if (c.op === 'present' || c.op === 'absent') return `${c.field} ${c.op}`;
  if (c.op === 'in') return `${c.field} in ${(c.value as (string | number)[]).join(', ')}`;
  if (c.op === 'startsWith') return `${c.field} starts with ${(c.value as string[]).join(', ')}`;
  return `${c.field} ${symbolOf[c.op] ?? c.op} ${String(c.value)}`;
}

/** What the catalogue page shows of each indicator. */
export function catalogueEntry(i: IndicatorDefinition, builtIn: boolean) {
  return {
    id: i.id,
    title: i.title,
    programme: i.programme,
    statistic: statisticLabels[i.statistic],
    builtIn,
    numerator: [i.numerator.description, ...i.numerator.where.map(conditionText)],
    denominator:
      'population' in i.denominator
        ? [
            i.denominator.description,
            `population aged ${i.denominator.population.ageFrom} to ${i.denominator.population.ageTo}`,
          ]
        : [i.denominator.description, ...i.denominator.where.map(conditionText)],
    value: i.value ? `${i.value.description} (${i.value.field})` : null,
  };
}
