import type { Generated } from 'kysely';

/**
 * The application database. Identifiers are UUID text and times ISO-8601 text, so the same
 * migrations and queries run unchanged on SQLite and PostgreSQL. Flags are 0/1 integers.
 */
export interface Database {
  analytics_datasets: AnalyticsDatasetTable;
  analytics_indicators: AnalyticsIndicatorTable;
  analytics_results: AnalyticsResultTable;
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  one_time_tokens: OneTimeTokenTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  eds_reviews: EdsReviewTable;
  eds_review_domains: EdsReviewDomainTable;
  eds_review_outcomes: EdsReviewOutcomeTable;
  eds_evidence: EdsEvidenceTable;
  eds_graders: EdsGraderTable;
  eds_grades: EdsGradeTable;
  eds_objectives: EdsObjectiveTable;
  eds_action_objectives: EdsActionObjectiveTable;
  workforce_years: WorkforceYearTable;
  workforce_figures: WorkforceFigureTable;
  organisation_communities: OrganisationCommunityTable;
  organisation_representatives: OrganisationRepresentativeTable;
  membership_applications: MembershipApplicationTable;
  insight_themes: InsightThemeTable;
  insight_items: InsightItemTable;
  insight_item_themes: InsightItemThemeTable;
  insight_item_communities: InsightItemCommunityTable;
  insight_relations: InsightRelationTable;
  insight_tags: InsightTagTable;
  insight_imports: InsightImportTable;
  insight_import_items: InsightImportItemTable;
  actions: ActionTable;
  action_updates: ActionUpdateTable;
  action_links: ActionLinkTable;
  action_reminders: ActionReminderTable;
  meetings: MeetingTable;
  meeting_agenda_items: MeetingAgendaItemTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_decisions: MeetingDecisionTable;
  places: PlaceTable;
  outreach_activities: OutreachActivityTable;
  outreach_activity_communities: OutreachActivityCommunityTable;
  outreach_activity_insights: OutreachActivityInsightTable;
  outreach_activity_actions: OutreachActivityActionTable;
  agreements: AgreementTable;
  agreement_communities: AgreementCommunityTable;
  agreement_instalments: AgreementInstalmentTable;
  agreement_deliverables: AgreementDeliverableTable;
  agreement_milestones: AgreementMilestoneTable;
  agreement_deliveries: AgreementDeliveryTable;
  directory_entries: DirectoryEntryTable;
  directory_entry_communities: DirectoryEntryCommunityTable;
  engagement_guides: EngagementGuideTable;
  initiatives: InitiativeTable;
  initiative_documents: InitiativeDocumentTable;
  initiative_questions: InitiativeQuestionTable;
  initiative_answers: InitiativeAnswerTable;
  initiative_decisions: InitiativeDecisionTable;
  impact_assessments: ImpactAssessmentTable;
  impact_assessment_groups: ImpactAssessmentGroupTable;
  impact_assessment_links: ImpactAssessmentLinkTable;
}

export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  created_at: string;
  updated_at: string;
  charity_number: string | null;
  company_number: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  description: string | null;
  listed_publicly: Generated<number>;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  organisation_id: string | null;
  role: string;
  status: string;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  last_signed_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface OneTimeTokenTable {
  id: string;
  token_hash: string;
  purpose: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface OrganisationCommunityTable {
  id: string;
  organisation_id: string;
  category: string;
  label: string;
}

export interface OrganisationRepresentativeTable {
  id: string;
  organisation_id: string;
  name: string;
  role_title: string;
  email: string | null;
  user_id: string | null;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface MembershipApplicationTable {
  id: string;
  organisation_name: string;
  kind: string;
  charity_number: string | null;
  company_number: string | null;
  website: string | null;
  description: string;
  communities_json: string;
  places: string | null;
  languages: string | null;
  contact_name: string;
  contact_role: string;
  contact_email: string;
  contact_phone: string | null;
  listed_publicly: number;
  status: string;
  decision_reason: string | null;
  organisation_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InsightThemeTable {
  id: string;
  name: string;
  description: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface InsightItemTable {
  id: string;
  title: string;
  description: string;
  service: string | null;
  place: string | null;
  people_affected: string;
  evidence: string | null;
  source: string;
  organisation_id: string | null;
  submitted_by: string | null;
  wants_reply: number;
  reply_name: string | null;
  reply_email: string | null;
  status: string;
  no_action_reason: string | null;
  triage_note: string | null;
  public_summary: string | null;
  publishable: number;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface InsightItemThemeTable {
  insight_id: string;
  theme_id: string;
}

export interface InsightItemCommunityTable {
  insight_id: string;
  community: string;
}

export interface InsightRelationTable {
  id: string;
  insight_id: string;
  related_id: string;
  created_at: string;
}

/** A suggested (model or rule) or staff-given tag of an insight item, and the staff decision on it. */
export interface InsightTagTable {
  id: string;
  insight_id: string;
  kind: string;
  value: string;
  source: string;
  score: number | null;
  reason: string | null;
  status: string;
  model_id: string | null;
  decided_by: string | null;
  decided_by_label: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface InsightImportTable {
  id: string;
  file_name: string;
  rows_read: number;
  rows_imported: number;
  problems_json: string;
  imported_by: string | null;
  imported_by_label: string;
  created_at: string;
}

export interface InsightImportItemTable {
  import_id: string;
  insight_id: string;
}

/** Shared: the partnership's actions, the EDS action plan, advice items and place plans. */
export interface ActionTable {
  id: string;
  title: string;
  description: string;
  owner_user_id: string | null;
  owner_role_label: string;
  directorate: string;
  due_date: string;
  status: string;
  status_reason: string | null;
  publishable: number;
  public_summary: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface ActionUpdateTable {
  id: string;
  action_id: string;
  body: string;
  author_id: string | null;
  author_label: string;
  created_at: string;
}

export interface ActionLinkTable {
  id: string;
  action_id: string;
  target_type: string;
  target_id: string;
  created_at: string;
}

export interface ActionReminderTable {
  id: string;
  action_id: string;
  sent_on: string;
  kind: string;
  created_at: string;
}

export interface MeetingTable {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  location: string;
  description: string | null;
  minutes: string | null;
  agenda_published: number;
  minutes_published: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingAgendaItemTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  notes: string | null;
  target_type: string | null;
  target_id: string | null;
  created_at: string;
}

export interface MeetingAttendanceTable {
  id: string;
  meeting_id: string;
  name: string;
  organisation_name: string | null;
  attendance: string;
  created_at: string;
}

export interface MeetingDecisionTable {
  id: string;
  meeting_id: string;
  body: string;
  created_at: string;
}

export interface EdsReviewTable {
  id: string;
  organisation_id: string | null;
  framework_id: string;
  year_label: string;
  level: string;
  ics_name: string;
  sponsor_name: string;
  lead_user_id: string | null;
  lead_name: string;
  partner_organisations: string;
  services_reviewed: string;
  status: string;
  grades_released: Generated<number>;
  date_authorised: string | null;
  third_party_trade_union: string;
  third_party_peer_reviewers: string;
  published_at: string | null;
  published_json: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EdsReviewDomainTable {
  review_id: string;
  group_code: string;
  stage: string;
  deadline: string | null;
}

export interface EdsReviewOutcomeTable {
  review_id: string;
  outcome_code: string;
  owner: string;
  consensus_score: number | null;
  consensus_agreed_by: string | null;
  consensus_rationale: string | null;
  consensus_recorded_at: string | null;
}

export interface EdsEvidenceTable {
  id: string;
  review_id: string;
  outcome_code: string;
  title: string;
  summary: string;
  link_url: string | null;
  file_key: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  provided_by: string;
  source: string;
  created_by: string | null;
  created_at: string;
}

export interface EdsGraderTable {
  id: string;
  review_id: string;
  user_id: string;
  constituency: string;
  outcome_codes: string;
  created_at: string;
}

export interface EdsGradeTable {
  id: string;
  review_id: string;
  grader_id: string;
  outcome_code: string;
  score: number;
  rationale: string;
  created_at: string;
  updated_at: string;
}

export interface EdsObjectiveTable {
  id: string;
  organisation_id: string | null;
  title: string;
  description: string;
  start_year: number;
  end_year: number;
  created_at: string;
  updated_at: string;
}

export interface EdsActionObjectiveTable {
  action_id: string;
  objective_id: string;
}

export interface WorkforceYearTable {
  id: string;
  year: number;
  row_count: number;
  imported_by: string;
  imported_at: string;
}

export interface WorkforceFigureTable {
  id: string;
  year_id: string;
  measure: string;
  cohort: string;
  cluster: string;
  value: number;
  base: number | null;
}

export interface AnalyticsDatasetTable {
  id: string;
  /** While a dataset is imported beside an earlier one of its name, a placeholder. */
  name: string;
  /** The name an import takes when it succeeds (null once it has). */
  pending_name: string | null;
  /** For an import adding files to a dataset: that dataset's id, whose rows it keeps. */
  adds_to: string | null;
  source_file: string;
  file_format: string;
  lsoa_vintage: string;
  status: string;
  stage: string;
  progress: number;
  rows_read: number | null;
  rows_stored: number | null;
  rows_with_problems: number | null;
  fields_json: string | null;
  mapping_json: string | null;
  report_json: string | null;
  error: string | null;
  imported_by: string | null;
  imported_by_label: string;
  created_at: string;
  updated_at: string;
}

export interface AnalyticsIndicatorTable {
  id: string;
  indicator_key: string;
  definition_json: string;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
}

export interface AnalyticsResultTable {
  id: string;
  dataset_id: string;
  indicator_key: string;
  title: string;
  status: string;
  result_json: string;
  computed_at: string;
  computed_by_label: string;
  published_at: string | null;
  published_by_label: string | null;
}

/** Perspective and advice: an initiative or service development brought to the partnership. */
export interface InitiativeTable {
  id: string;
  title: string;
  service: string;
  summary: string;
  lead_user_id: string | null;
  lead_name: string;
  decision_date: string;
  window_opens_on: string | null;
  window_closes_on: string | null;
  advice_summary: string | null;
  advice_by_label: string | null;
  advice_at: string | null;
  response_changed: string | null;
  response_unchanged: string | null;
  response_by_label: string | null;
  response_at: string | null;
  public_summary: string | null;
  published: Generated<number>;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativeDocumentTable {
  id: string;
  initiative_id: string;
  title: string;
  link_url: string;
  created_at: string;
}

export interface InitiativeQuestionTable {
  id: string;
  initiative_id: string;
  position: number;
  question: string;
  created_at: string;
}

export interface InitiativeAnswerTable {
  id: string;
  initiative_id: string;
  question_id: string;
  organisation_id: string;
  answered_by: string | null;
  answer: string;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativeDecisionTable {
  id: string;
  initiative_id: string;
  decided_on: string;
  decision: string;
  duty_applies: number;
  duty_section: string;
  explanation: string;
  recorded_by_label: string;
  created_at: string;
}

export interface ImpactAssessmentTable {
  initiative_id: string;
  engagement: string | null;
  signed_off_by: string | null;
  signed_off_role: string | null;
  signed_off_on: string | null;
  review_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImpactAssessmentGroupTable {
  id: string;
  initiative_id: string;
  group_key: string;
  impact: string;
  evidence: string | null;
  mitigation: string | null;
  updated_at: string;
}

/** Evidence (insight items, analytics results) and mitigation actions for one group of an EHIA. */
export interface ImpactAssessmentLinkTable {
  id: string;
  initiative_id: string;
  group_key: string;
  target_type: string;
  target_id: string;
  created_at: string;
}

/** A place (e.g. a city or county): its local authorities and wards come from the analytics geography. */
export interface PlaceTable {
  id: string;
  name: string;
  summary: string;
  priorities: string;
  plan_summary: string | null;
  partners: string | null;
  published: number;
  created_at: string;
  updated_at: string;
}

export interface OutreachActivityTable {
  id: string;
  kind: string;
  title: string;
  held_on: string;
  place_id: string | null;
  ward_code: string | null;
  ward_name: string | null;
  location: string | null;
  organisation_id: string | null;
  people_reached: number;
  languages: string | null;
  heard: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OutreachActivityCommunityTable {
  activity_id: string;
  community: string;
}

export interface OutreachActivityInsightTable {
  activity_id: string;
  insight_id: string;
}

export interface OutreachActivityActionTable {
  activity_id: string;
  action_id: string;
}

/** A funded agreement with a VCSE partner. Money is in pence. */
export interface AgreementTable {
  id: string;
  organisation_id: string;
  title: string;
  purpose: string;
  place_id: string | null;
  starts_on: string;
  ends_on: string;
  amount_pence: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface AgreementCommunityTable {
  agreement_id: string;
  community: string;
}

export interface AgreementInstalmentTable {
  id: string;
  agreement_id: string;
  due_on: string;
  amount_pence: number;
  paid_on: string | null;
  created_at: string;
}

export interface AgreementDeliverableTable {
  id: string;
  agreement_id: string;
  description: string;
  community: string | null;
  target: number;
  due_on: string;
  created_at: string;
}

export interface AgreementMilestoneTable {
  id: string;
  agreement_id: string;
  title: string;
  due_on: string;
  met_on: string | null;
  created_at: string;
}

export interface AgreementDeliveryTable {
  id: string;
  agreement_id: string;
  deliverable_id: string;
  quantity: number;
  delivered_on: string;
  notes: string;
  activity_id: string | null;
  insight_id: string | null;
  reported_by: string | null;
  reported_by_label: string;
  created_at: string;
}

export interface DirectoryEntryTable {
  id: string;
  name: string;
  scope: string;
  area: string;
  description: string;
  contact: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  created_at: string;
  updated_at: string;
}

export interface DirectoryEntryCommunityTable {
  entry_id: string;
  community: string;
}

export interface EngagementGuideTable {
  id: string;
  slug: string;
  community: string;
  summary: string;
  body: string;
  updated_by_label: string;
  updated_at: string;
}
