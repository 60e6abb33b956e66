import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionService } from '../actions/action.service.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Initiative } from '../initiatives/initiative.ts';
import { findInitiative } from '../initiatives/initiative.repository.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import {
  ehiaSections,
  findGroup,
  isUnmitigated,
  sectionStatus,
  type EhiaGroup,
  type GroupAssessment,
  type GroupLink,
  type TaskStatus,
} from './impact-assessment.ts';
import {
  findAssessment,
  findEvidenceChoices,
  findExistingTargets,
  findGroupAssessments,
  findGroupLinks,
  insertActionLink,
  replaceEvidenceLinks,
  saveAssessment,
  saveGroupAssessment,
} from './impact-assessment.repository.ts';
import { engagementSchema, groupSchema, signOffSchema } from './impact-assessment.schema.ts';

export interface GroupView {
  group: EhiaGroup;
  assessment: GroupAssessment | undefined;
  links: GroupLink[];
  unmitigated: boolean;
}

/**
 * The equality and health inequalities impact assessment of an initiative: a likely impact with
 * evidence and mitigation for every group, engagement undertaken, and sign-off with a review date.
 */
export function createImpactAssessmentService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  actions: ActionService;
}) {
  const { db, audit, clock, actions } = deps;
  const now = () => clock().toISOString();

  async function initiativeOf(db: Kysely<Database>, id: string): Promise<Initiative> {
    const initiative = await findInitiative(db, id);
    if (!initiative) throw new NotFoundError('No such initiative');
    return initiative;
  }

  function groupOf(key: string): EhiaGroup {
    const group = findGroup(key);
    if (!group) throw new NotFoundError('No such group');
    return group;
  }

  async function record(
    actor: Actor,
    id: string,
    summary: string,
    write: (trx: Kysely<Database>) => Promise<unknown>,
  ) {
    await db.transaction().execute(async (trx) => {
      const initiative = await initiativeOf(trx, id);
      await write(trx);
      await audit.record(trx, actor, {
        action: 'ehia.change',
        entityType: 'initiative',
        entityId: id,
        summary: `${summary} (${initiative.title})`,
      });
    });
  }

  async function overview(id: string) {
    const initiative = await initiativeOf(db, id);
    const [assessment, assessments, links] = await Promise.all([
      findAssessment(db, id),
      findGroupAssessments(db, id),
      findGroupLinks(db, id),
    ]);
    const assessed = new Set(assessments.map((a) => a.groupKey));
    const sections = ehiaSections.map((section) => ({
      section,
      status: sectionStatus(section, assessed),
      groups: section.groups.map((group): GroupView => {
        const mine = assessments.find((a) => a.groupKey === group.key);
        return {
          group,
          assessment: mine,
          links: links.filter((l) => l.groupKey === group.key),
          unmitigated: mine ? isUnmitigated(mine, links) : false,
        };
      }),
    }));
    const flaggedGroups = sections.flatMap((s) => s.groups.filter((g) => g.unmitigated).map((g) => g.group));
    const engagementStatus: TaskStatus = assessment?.engagement ? 'completed' : 'not_started';
    const signOffStatus: TaskStatus = assessment?.signedOffOn ? 'completed' : 'not_started';
    const groupsDone = sections.every((s) => s.status === 'completed');
    return { initiative, assessment, sections, flaggedGroups, engagementStatus, signOffStatus, groupsDone };
  }

  return {
    overview,

    async group(id: string, key: string) {
      const group = groupOf(key);
      const initiative = await initiativeOf(db, id);
      const [assessments, links, choices] = await Promise.all([
        findGroupAssessments(db, id),
        findGroupLinks(db, id),
        findEvidenceChoices(db, group.communities),
      ]);
      const mine = links.filter((l) => l.groupKey === key);
      return {
        initiative,
        group,
        assessment: assessments.find((a) => a.groupKey === key),
        links: mine,
        choices,
      };
    },

    async saveGroup(actor: Actor, id: string, key: string, input: unknown): Promise<void> {
      const group = groupOf(key);
      const data = parseInput(groupSchema, input);
      if (data.impact === 'not_relevant' && !group.clinical)
        throw new FormError([
          {
            field: 'impact',
            message: 'Every protected characteristic and group must be considered: select an impact',
          },
        ]);
      const targets = await findExistingTargets(db, data.insightIds, data.resultIds);
      const links = [
        ...targets.insightIds.map((targetId) => ({ targetType: 'insight' as const, targetId })),
        ...targets.resultIds.map((targetId) => ({ targetType: 'analytics_result' as const, targetId })),
      ];
      await record(actor, id, `Assessed the impact on ${group.label}: ${data.impact}`, async (trx) => {
        await saveGroupAssessment(
          trx,
          id,
          { groupKey: key, impact: data.impact, evidence: data.evidence, mitigation: data.mitigation },
          now(),
        );
        await replaceEvidenceLinks(trx, id, key, links, now());
      });
    },

    /**
     * A mitigation agreed as a shared action, linked to the initiative (target type 'advice', the
     * initiative's id) and to the group in the EHIA. The action is created first, in its own audited
     * transaction, then tied to the group.
     */
    async addMitigationAction(actor: Actor, id: string, key: string, input: unknown): Promise<string> {
      const group = groupOf(key);
      await initiativeOf(db, id);
      const action = await actions.create(actor, input, [{ targetType: 'advice', targetId: id }]);
      await record(
        actor,
        id,
        `Agreed the action "${action.title}" to mitigate the impact on ${group.label}`,
        (trx) => insertActionLink(trx, id, key, action.id, now()),
      );
      return action.id;
    },

    async saveEngagement(actor: Actor, id: string, input: unknown): Promise<void> {
      const { engagement } = parseInput(engagementSchema, input);
      await record(actor, id, 'Recorded the engagement undertaken for the EHIA', (trx) =>
        saveAssessment(trx, id, { engagement }, now()),
      );
    },

    /** Sign-off needs every group assessed, engagement recorded and every negative impact mitigated. */
    async signOff(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(signOffSchema, input);
      const current = await overview(id);
      const problems = [];
      if (!current.groupsDone) problems.push('Assess the impact on every group before signing off');
      if (current.engagementStatus !== 'completed')
        problems.push('Record the engagement undertaken before signing off');
      if (current.flaggedGroups.length)
        problems.push('Add a mitigation for every negative impact before signing off');
      if (problems.length)
        throw new FormError(problems.map((message) => ({ field: 'signedOffBy', message })));
      await record(actor, id, `Signed off the EHIA (review by ${data.reviewDate})`, (trx) =>
        saveAssessment(
          trx,
          id,
          {
            signed_off_by: data.signedOffBy,
            signed_off_role: data.signedOffRole,
            signed_off_on: data.signedOffOn,
            review_date: data.reviewDate,
          },
          now(),
        ),
      );
    },
  };
}

export type ImpactAssessmentService = ReturnType<typeof createImpactAssessmentService>;
