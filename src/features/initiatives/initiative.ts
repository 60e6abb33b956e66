import type { Role } from '../accounts/account.ts';

/** How a member organisation answers one of the partnership's questions, before any free text. */
export const answerOptions = ['agree', 'partly', 'disagree', 'not_sure'] as const;
export type AnswerOption = (typeof answerOptions)[number];

export const answerLabels: Record<AnswerOption, string> = {
  agree: 'Agree',
  partly: 'Partly agree',
  disagree: 'Disagree',
  not_sure: 'Not sure',
};

/** Where an initiative is, worked out from its dates and what has been recorded. */
export type InitiativeStage = 'preparing' | 'open' | 'closed' | 'advice_given' | 'responded' | 'published';

export const stageLabels: Record<InitiativeStage, string> = {
  preparing: 'Preparing',
  open: 'Open for answers',
  closed: 'Answers closed',
  advice_given: 'Advice given',
  responded: 'Response recorded',
  published: 'Published',
};

/** Who is looking: members see initiatives shared with the partnership and answer for their organisation. */
export interface AdviceViewer {
  id: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

export function managesInitiatives(viewer: AdviceViewer): boolean {
  return viewer.role === 'staff' || viewer.role === 'admin';
}

export interface Initiative {
  id: string;
  title: string;
  service: string;
  summary: string;
  leadUserId: string | null;
  leadName: string;
  decisionDate: string;
  windowOpensOn: string | null;
  windowClosesOn: string | null;
  adviceSummary: string | null;
  adviceByLabel: string | null;
  adviceAt: string | null;
  responseChanged: string | null;
  responseUnchanged: string | null;
  responseByLabel: string | null;
  responseAt: string | null;
  publicSummary: string | null;
  published: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InitiativeDocument {
  id: string;
  title: string;
  linkUrl: string;
}

export interface Question {
  id: string;
  position: number;
  question: string;
}

export interface Answer {
  questionId: string;
  organisationId: string;
  organisationName: string;
  answer: AnswerOption;
  comment: string | null;
  updatedAt: string;
}

export interface AgendaLink {
  meetingId: string;
  meetingTitle: string;
  startsAt: string;
}

export interface InitiativeDetail extends Initiative {
  stage: InitiativeStage;
  windowOpen: boolean;
  documents: InitiativeDocument[];
  questions: Question[];
  agenda: AgendaLink[];
}

/** The window is open from the start of its first day to the end of its last (dates as YYYY-MM-DD). */
export function windowIsOpen(
  i: Pick<Initiative, 'windowOpensOn' | 'windowClosesOn'>,
  today: string,
): boolean {
  return (
    i.windowOpensOn !== null &&
    i.windowClosesOn !== null &&
    i.windowOpensOn <= today &&
    today <= i.windowClosesOn
  );
}

/** Members see an initiative once its window has opened, and keep seeing it afterwards. */
export function sharedWithMembers(i: Pick<Initiative, 'windowOpensOn'>, today: string): boolean {
  return i.windowOpensOn !== null && i.windowOpensOn <= today;
}

export function stageOf(i: Initiative, today: string): InitiativeStage {
  if (i.published) return 'published';
  if (i.responseAt) return 'responded';
  if (i.adviceAt) return 'advice_given';
  if (windowIsOpen(i, today)) return 'open';
  if (i.windowClosesOn !== null && i.windowClosesOn < today) return 'closed';
  return 'preparing';
}

export interface QuestionTally {
  question: Question;
  counts: { option: AnswerOption; label: string; count: number }[];
  answers: Answer[];
}

/** Per question: how many organisations chose each answer, and what each said. */
export function tallyAnswers(questions: Question[], answers: Answer[]): QuestionTally[] {
  return questions.map((question) => {
    const mine = answers.filter((a) => a.questionId === question.id);
    return {
      question,
      counts: answerOptions.map((option) => ({
        option,
        label: answerLabels[option],
        count: mine.filter((a) => a.answer === option).length,
      })),
      answers: mine,
    };
  });
}

/** The NHS Act 2006 duties to involve people in decisions about services. */
export const dutySections = ['s242', 's14Z45', 's13Q', 'none'] as const;
export type DutySection = (typeof dutySections)[number];

export const dutySectionLabels: Record<DutySection, string> = {
  s242: 'Section 242 (NHS trusts and foundation trusts)',
  s14Z45: 'Section 14Z45 (integrated care boards)',
  s13Q: 'Section 13Q (NHS England)',
  none: 'No duty applied',
};

export interface Decision {
  id: string;
  initiativeId: string;
  initiativeTitle: string;
  decidedOn: string;
  decision: string;
  dutyApplies: boolean;
  dutySection: DutySection;
  explanation: string;
  recordedByLabel: string;
  createdAt: string;
}
