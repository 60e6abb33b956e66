import { z } from 'zod';

/**
 * An EDS version described as data: its domains (or goals), outcomes, the per-outcome scale and,
 * when the version has one, the overall rating bands over the total score.
 */
const outcomeSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9.]{1,8}$/, 'Outcome codes are up to 8 letters, digits or dots'),
  text: z.string().min(1),
});

const groupSchema = z.object({
  code: z.string().min(1).max(8),
  name: z.string().min(1),
  graders: z.string().optional(),
  reviewsServices: z.boolean().default(false),
  thirdPartyInvolvement: z.boolean().default(false),
  workforceEvidence: z.boolean().default(false),
  outcomes: z.array(outcomeSchema).min(1),
});

const scaleStepSchema = z.object({
  score: z.number().int().min(0),
  label: z.string().min(1),
  shortLabel: z.string().min(1),
});

const thresholdSchema = z.object({
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  label: z.string().min(1),
});

export const frameworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'Framework ids are lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    description: z.string().min(1),
    groupTerm: z.string().min(1),
    scale: z.array(scaleStepSchema).min(2),
    thresholds: z.array(thresholdSchema).optional(),
    groups: z.array(groupSchema).min(1),
  })
  .superRefine((framework, context) => {
    for (const problem of frameworkProblems(framework))
      context.addIssue({ code: 'custom', message: problem });
  });

export type Framework = z.output<typeof frameworkSchema>;
export type FrameworkGroup = Framework['groups'][number];
export type FrameworkOutcome = FrameworkGroup['outcomes'][number];
export type Threshold = NonNullable<Framework['thresholds']>[number];

type FrameworkInput = z.input<typeof frameworkSchema>;

/** Rules zod cannot say field by field: unique codes, a 0..n scale, and bands that tile 0..maximum. */
function frameworkProblems(framework: FrameworkInput): string[] {
  const problems: string[] = [];
  const codes = framework.groups.flatMap((g) => g.outcomes.map((o) => o.code));
  const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
  if (duplicate) problems.push(`Outcome code ${duplicate} is used twice`);
  const scores = framework.scale.map((s) => s.score);
  if (scores.some((score, i) => score !== i)) problems.push('The scale must run 0, 1, 2 … in order');
  if (framework.thresholds) {
    const maximum = codes.length * (scores.length - 1);
    let next = 0;
    for (const band of framework.thresholds) {
      if (band.min !== next || band.max < band.min) {
        problems.push(`Rating band ${band.label} must start at ${next} and not end before it starts`);
        return problems;
      }
      next = band.max + 1;
    }
    if (next !== maximum + 1) problems.push(`Rating bands must end at the maximum total, ${maximum}`);
  }
  return problems;
}

export function maximumScore(framework: Framework): number {
  return framework.scale.length - 1;
}

export function outcomesOf(framework: Framework): (FrameworkOutcome & { groupCode: string })[] {
  return framework.groups.flatMap((g) => g.outcomes.map((o) => ({ ...o, groupCode: g.code })));
}

export function findOutcome(framework: Framework, code: string) {
  return outcomesOf(framework).find((o) => o.code === code);
}

export function groupOf(framework: Framework, outcomeCode: string): FrameworkGroup | undefined {
  return framework.groups.find((g) => g.outcomes.some((o) => o.code === outcomeCode));
}

export function scoreLabel(framework: Framework, score: number | null): string {
  if (score === null) return 'Not yet graded';
  return framework.scale[score]?.label ?? 'Unknown';
}
