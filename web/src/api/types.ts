/**
 * The shapes the API answers with (docs/API.md). Request bodies use the contract's input
 * types; responses are described here because the web may not import services or db.
 */
import type { Role } from '../../../src/domain/vocabulary.js';

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  hcpc_number: string | null;
  totp_enabled: boolean;
  active?: boolean;
}

export interface Session {
  user: User;
  csrf_token: string;
  practice: { name: string };
}

export interface Task {
  id: string;
  title: string;
  kind: string;
  hardness: 'hard' | 'soft' | string;
  due_on: string;
  status: string;
  rule_id: string | null;
  trigger_kind: string | null;
  trigger_on: string | null;
  snoozed_until: string | null;
  assignee_id: string | null;
  assignee_name?: string | null;
  client_id: string | null;
  client_name?: string | null;
  case_id: string | null;
  notes: string;
}

// The briefing's shape is the contract's own (src/contract/responses.ts), so the page and the server cannot drift.
export type { BriefingResponse as Briefing } from '../../../src/contract/deadlines.js';
export type BriefingItem = import('../../../src/contract/deadlines.js').BriefingResponse['items'][number];
export type BriefingSection = BriefingItem['section'];
export type DormantSource = NonNullable<import('../../../src/contract/deadlines.js').BriefingResponse['dormant_sources']>[number];

export interface ClientRow {
  id: string;
  name: string;
  dob: string;
  nhs_number: string | null;
  postcode: string;
  lead_clinician_id: string | null;
  lead_clinician_name: string | null;
}

export interface OrgRow {
  id: string;
  name: string;
  kind: string;
  address?: string;
  phone?: string;
  email?: string;
  contacts?: number;
}

export interface Consent {
  school: boolean;
  la: boolean;
  gp: boolean;
  insurer: boolean;
  solicitor: boolean;
}

export interface ClientContact {
  id: string;
  client_id: string;
  name: string;
  relationship: string;
  is_carer: boolean;
  parental_responsibility: boolean;
  phone: string;
  email: string;
  address: string;
}

export interface CaseSummary {
  id: string;
  client_id: string;
  client_name: string;
  title: string;
  service_line: string;
  funder_kind: string;
  jurisdiction: string;
  status: string;
  clinician_id: string | null;
  clinician_name: string | null;
  opened_on: string;
  closed_on: string | null;
  details: string[];
}

export type DetailRecord = Record<string, string | number | null>;

export interface CaseDetail extends CaseSummary {
  ehcp: DetailRecord | null;
  authorisations: DetailRecord[];
  medico_legal: DetailRecord | null;
  housing: DetailRecord | null;
  workplace: DetailRecord | null;
}

export interface CorrespondenceRow {
  id: string;
  case_id: string | null;
  direction: string;
  channel: string;
  party_name: string;
  on_date: string;
  subject: string;
  summary: string;
  follow_up_on: string | null;
}

export interface SessionRow {
  id: string;
  case_id: string;
  on_date: string;
  duration_minutes: number;
  kind: string;
  attendance: string;
  billable: boolean;
  notes: string;
}

export interface Client {
  id: string;
  name: string;
  dob: string;
  nhs_number: string | null;
  address: string;
  postcode: string;
  phone: string;
  email: string;
  consent: Consent;
  lead_clinician_id: string | null;
  notes: string;
}

export interface ClientDetail extends Client {
  lead_clinician: { id: string; name: string; hcpc_number: string | null } | null;
  contacts: ClientContact[];
  cases: CaseSummary[];
  tasks: Task[];
  correspondence: CorrespondenceRow[];
  sessions: SessionRow[] | null;
  /** How long the record must be kept (REC-03), once care has ended. */
  retention: { state: 'keep_until'; until: string; reason: string } | { state: 'ongoing' | 'not_modelled'; reason: string };
}

export interface Contact {
  id: string;
  organisation_id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  address: string;
  phone: string;
  email: string;
  notes: string;
  contacts: Contact[];
}

export interface Practice {
  id: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  letterhead: string;
  bank_details: string;
  default_jurisdiction: string;
  invoice_prefix: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_id: string | null;
  detail: string;
}
