/**
 * Everything a template may read: the recorded fields of one case, gathered by the service.
 * Templates compose only from these; anything absent becomes a placeholder.
 */
import type { NoteKey } from '../domain/documents/notes.js';
import type { ScoreMetric } from '../domain/outcomes/scores.js';

export interface SourcePerson {
  name: string;
  hcpc_number: string | null;
  role: string;
  qualifications?: string | null;
  professional_bodies?: string | null;
}

export interface SourceAssessment {
  id: string;
  test_name: string;
  edition: string | null;
  test_date: string | null;
  examiner: string | null;
  examiner_qualification: string | null;
  subtest: string | null;
  raw_score: number | null;
  derived_score: number | null;
  metric: ScoreMetric;
  mean: number | null;
  sd: number | null;
  percentile: number | null;
  ci_low: number | null;
  ci_high: number | null;
  band: string | null;
  area: string | null;
  interpretation: string | null;
}

export interface SourceGoal {
  id: string;
  kind: 'smart' | 'copm' | 'gas';
  text: string;
  area: string | null;
  target_date: string | null;
  importance: number | null;
  performance_baseline: number | null;
  satisfaction_baseline: number | null;
  performance_followup: number | null;
  satisfaction_followup: number | null;
  gas_weight: number | null;
  gas_baseline: number | null;
  gas_outcome: number | null;
  status: string | null;
}

export interface SourceProvision {
  id: string;
  section: 'F' | 'G' | 'H';
  need_ref: string | null;
  what: string;
  who: string | null;
  qualification: string | null;
  frequency: string | null;
  duration: string | null;
  programme_length: string | null;
  group_size: string | null;
  delivery: 'direct' | 'indirect' | null;
  location: string | null;
  review: string | null;
  cost_pence: number | null;
  cost_basis: string | null;
}

export interface SourceItem {
  id: string;
  area: string | null;
  text: string;
  on_date: string | null;
  setting: string | null;
}

export interface LaProfile {
  id: string;
  organisation_id: string | null;
  name: string;
  section_order: string[];
  headings: Record<string, string>;
  front_sheet_fields: string[];
  reference_format: string | null;
  provision_layout: 'split' | 'single';
  scores_in: 'body' | 'appendix';
  max_words: number | null;
  max_pages: number | null;
  freshness_months: number | null;
  return_to: string | null;
}

export interface SourceInvoice {
  number: string;
  issued_on: string;
  due_on: string;
  amount_pence: number;
  /** Business payers (insurer, solicitor, LA, employer) may be charged statutory interest; consumers never. */
  business_payer: boolean;
  /** Bank of England reference rate in basis points, when known (Late Payment Act 1998). */
  reference_rate_bp?: number | null;
}

export interface DraftSource {
  today: string;
  practice: { name: string; address: string; phone: string; email: string; letterhead: string; bank_details: string };
  author: SourcePerson | null;
  client: { id: string; name: string; dob: string; nhs_number: string | null; address: string } | null;
  parents: string[];
  case: {
    id: string;
    title: string;
    service_line: string;
    funder_kind: string;
    funder_name: string | null;
    referrer_name: string | null;
    jurisdiction: string;
    status: string;
    opened_on: string;
    closed_on: string | null;
  } | null;
  ehcp: {
    la_name: string | null;
    la_reference: string;
    school_name: string | null;
    year_group: string;
    advice_requested_on: string | null;
    plan_issued_on: string | null;
    last_review_on: string | null;
    next_review_meeting_on: string | null;
    transfer_kind: string | null;
  } | null;
  authorisation: {
    insurer_name: string | null;
    membership_number: string;
    authorisation_code: string;
    sessions_authorised: number;
    valid_from: string;
    valid_until: string;
    /** As `steve authorisations` counts them: attended insured sessions charged to this authorisation. */
    sessions_used: number;
    sessions_left: number;
  } | null;
  medico_legal: {
    solicitor_name: string | null;
    instructed_by: string;
    claim_reference: string;
    court_claim_number: string;
    accident_date: string | null;
    report_type: string;
    instructed_on: string;
    report_due_on: string | null;
  } | null;
  housing: { housing_name: string | null; adaptation: string; tenure: string } | null;
  workplace: { employer_name: string | null; job_title: string } | null;
  sessions: { on_date: string; kind: string; attendance: string; duration_minutes: number }[];
  notes: Partial<Record<NoteKey, string>>;
  needs: SourceItem[];
  observations: SourceItem[];
  recommendations: SourceItem[];
  assessments: SourceAssessment[];
  goals: SourceGoal[];
  provision: SourceProvision[];
  la_profile: LaProfile | null;
  /** Letter options chosen when drafting (chaser level and invoice, marketing audience). */
  letter: { level?: 1 | 2 | 3; invoice?: SourceInvoice | null; audience?: string | null; due_rule?: { rule_id: string; due_on: string } | null };
}

/** A source with nothing recorded: what a template sees for a brand-new case. */
export function emptySource(today: string): DraftSource {
  return {
    today,
    practice: { name: '', address: '', phone: '', email: '', letterhead: '', bank_details: '' },
    author: null,
    client: null,
    parents: [],
    case: null,
    ehcp: null,
    authorisation: null,
    medico_legal: null,
    housing: null,
    workplace: null,
    sessions: [],
    notes: {},
    needs: [],
    observations: [],
    recommendations: [],
    assessments: [],
    goals: [],
    provision: [],
    la_profile: null,
    letter: {},
  };
}
