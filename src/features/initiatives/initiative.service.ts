import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedChange } from '../audit/audited-change.ts';
import { findFlaggedInitiativeIds } from '../impact-assessments/impact-assessment.repository.ts';
import type { MeetingService } from '../meetings/meeting.service.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import {
  managesInitiatives,
  sharedWithMembers,
  stageOf,
  tallyAnswers,
  windowIsOpen,
  type AdviceViewer,
  type AnswerOption,
  type Initiative,
  type InitiativeDetail,
  type InitiativeStage,
} from './initiative.ts';
import {
  countAnsweringOrganisations,
  findAgendaLinks,
  findAnswers,
  findDocuments,
  findInitiative,
  findInitiatives,
  findLead,
  findQuestions,
  insertDocument,
  insertInitiative,
  insertQuestions,
  saveAnswer,
  updateInitiative,
} from './initiative.repository.ts';
import {
  agendaSchema,
  answersSchema,
  documentSchema,
  editInitiativeSchema,
  initiativeSchema,
  questionSchema,
  windowSchema,
} from './initiative.schema.ts';

export interface InitiativeSummary extends Initiative {
  stage: InitiativeStage;
  organisationsAnswered: number;
  flagged: boolean;
}

/**
 * Initiatives brought to the partnership for its perspective: staff bring and manage them; members
 * see them once the answer window opens, and answer the questions for their organisation.
 */
export function createInitiativeService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  meetings: MeetingService;
}) {
  const { db, audit, clock, meetings } = deps;
  const now = () => clock().toISOString();
  const today = () => now().slice(0, 10);

  async function load(viewer: AdviceViewer | null, id: string): Promise<Initiative> {
    const initiative = await findInitiative(db, id);
    if (!initiative) throw new NotFoundError('No such initiative');
    if (viewer && !managesInitiatives(viewer) && !sharedWithMembers(initiative, today()))
      throw new NotFoundError('No such initiative');
    return initiative;
  }

  const audited = auditedChange(deps, {
    type: 'initiative',
    find: findInitiative,
    missing: 'No such initiative',
  });
  const change = (
    actor: Actor,
    id: string,
    summary: string,
    write: (trx: Kysely<Database>) => Promise<unknown>,
  ) =>
    audited(actor, id, 'initiative.change', async (trx, initiative) => {
      await write(trx);
      return `${summary} (${initiative.title})`;
    });

  async function leadOf(trx: Kysely<Database>, leadUserId: string | null, actor: Actor) {
    const userId = leadUserId ?? actor.id;
    const lead = userId ? await findLead(trx, userId) : undefined;
    if (!userId || !lead || (lead.role !== 'staff' && lead.role !== 'admin'))
      throw new FormError([
        { field: 'leadUserId', message: 'Choose the service lead from the trust’s staff' },
      ]);
    return { lead_user_id: userId, lead_name: lead.name };
  }

  return {
    async list(viewer: AdviceViewer): Promise<InitiativeSummary[]> {
      const [all, answered, flagged] = await Promise.all([
        findInitiatives(db),
        countAnsweringOrganisations(db),
        findFlaggedInitiativeIds(db),
      ]);
      const staff = managesInitiatives(viewer);
      return all
        .filter((i) => staff || sharedWithMembers(i, today()))
        .map((i) => ({
          ...i,
          stage: stageOf(i, today()),
          organisationsAnswered: answered.get(i.id) ?? 0,
          flagged: staff && flagged.includes(i.id),
        }));
    },

    async get(viewer: AdviceViewer, id: string): Promise<InitiativeDetail> {
      const initiative = await load(viewer, id);
      const [documents, questions, agenda] = await Promise.all([
        findDocuments(db, id),
        findQuestions(db, id),
        findAgendaLinks(db, id),
      ]);
      const stage = stageOf(initiative, today());
      return {
        ...initiative,
        stage,
        windowOpen: windowIsOpen(initiative, today()),
        documents,
        questions,
        agenda,
      };
    },

    /** Staff see every organisation's answers; a member sees their own organisation's. */
    async answers(viewer: AdviceViewer, id: string) {
      await load(viewer, id);
      const staff = managesInitiatives(viewer);
      if (!staff && !viewer.organisationId) return [];
      const [questions, answers] = await Promise.all([
        findQuestions(db, id),
        findAnswers(db, id, staff ? undefined : (viewer.organisationId ?? undefined)),
      ]);
      return tallyAnswers(questions, answers);
    },

    async create(actor: Actor, input: unknown): Promise<string> {
      const data = parseInput(initiativeSchema, input);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        const lead = await leadOf(trx, data.leadUserId, actor);
        const row = {
          id,
          title: data.title,
          service: data.service,
          summary: data.summary,
          decision_date: data.decisionDate,
          ...lead,
        };
        await insertInitiative(trx, row, now());
        await insertQuestions(trx, id, data.questions, now());
        await audit.record(trx, actor, {
          action: 'initiative.create',
          entityType: 'initiative',
          entityId: id,
          summary: `Brought "${data.title}" to the partnership (decision due ${data.decisionDate})`,
          after: { ...row, questions: data.questions },
        });
      });
      return id;
    },

    async edit(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(editInitiativeSchema, input);
      await change(actor, id, 'Changed the initiative', async (trx) => {
        const lead = await leadOf(trx, data.leadUserId, actor);
        await updateInitiative(
          trx,
          id,
          {
            title: data.title,
            service: data.service,
            summary: data.summary,
            decision_date: data.decisionDate,
            ...lead,
          },
          now(),
        );
      });
    },

    async addDocument(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(documentSchema, input);
      await change(actor, id, `Added the document "${data.title}"`, (trx) =>
        insertDocument(trx, id, data, now()),
      );
    },

    async addQuestion(actor: Actor, id: string, input: unknown): Promise<void> {
      const { question } = parseInput(questionSchema, input);
      await change(actor, id, 'Added a question for the partnership', (trx) =>
        insertQuestions(trx, id, [question], now()),
      );
    },

    async setWindow(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(windowSchema, input);
      await change(
        actor,
        id,
        `Set the answer window: ${data.windowOpensOn} to ${data.windowClosesOn}`,
        (trx) =>
          updateInitiative(
            trx,
            id,
            { window_opens_on: data.windowOpensOn, window_closes_on: data.windowClosesOn },
            now(),
          ),
      );
    },

    /** Puts the initiative on a meeting's agenda, linked so the meeting page leads back to it. */
    async addToAgenda(actor: Actor, id: string, input: unknown): Promise<string> {
      const { meetingId } = parseInput(agendaSchema, input);
      const initiative = await load(null, id);
      await meetings.addAgendaItem(actor, meetingId, {
        title: `Perspective and advice: ${initiative.title}`,
        notes: `Decision due ${initiative.decisionDate}. Service lead: ${initiative.leadName}.`,
        target: `initiative:${id}`,
      });
      return meetingId;
    },

    /** A member answers every question for their organisation while the window is open. */
    async answer(viewer: AdviceViewer, id: string, input: unknown): Promise<void> {
      const initiative = await load(viewer, id);
      if (!viewer.organisationId) throw new ForbiddenError('Only members of an organisation can answer');
      if (!windowIsOpen(initiative, today())) throw new ForbiddenError('The window for answers is not open');
      const questions = await findQuestions(db, id);
      const data = parseInput(answersSchema(questions), input) as Record<string, string | null>;
      const organisationId = viewer.organisationId;
      await db.transaction().execute(async (trx) => {
        for (const q of questions) {
          const answer = data[`answer-${q.position}`] as AnswerOption;
          const comment = data[`comment-${q.position}`] ?? null;
          await saveAnswer(
            trx,
            { initiativeId: id, questionId: q.id, organisationId, userId: viewer.id, answer, comment },
            now(),
          );
        }
        await audit.record(
          trx,
          { id: viewer.id, label: viewer.name },
          {
            action: 'initiative.answer',
            entityType: 'initiative',
            entityId: id,
            summary: `Answered the partnership's questions on "${initiative.title}"`,
          },
        );
      });
    },

    /** Initiatives whose EHIA shows a negative impact with no mitigation, for the staff dashboard. */
    async flagged(): Promise<Initiative[]> {
      const ids = await findFlaggedInitiativeIds(db);
      return (await findInitiatives(db)).filter((i) => ids.includes(i.id));
    },
  };
}

export type InitiativeService = ReturnType<typeof createInitiativeService>;
