/** The demo practice's rows by table, and the shapes the generators pass between them. */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';

/** The tables the demo fills. Rows name every column they set, so each multi-row insert has one column list. */
export const DEMO_TABLES = [
  'practice',
  'users',
  'clients',
  'client_contacts',
  'organisations',
  'contacts',
  'cases',
  'case_shares',
  'ehcp_plans',
  'authorisations',
  'medico_legal_instructions',
  'housing_adaptations',
  'workplace_assessments',
  'sessions',
  'tasks',
  'correspondence',
  'compliance_items',
  'subject_access_requests',
] as const satisfies readonly (keyof Database)[];
export type DemoTable = (typeof DEMO_TABLES)[number];
export type DemoData = { [T in DemoTable]: Insertable<Database[T]>[] };

export const DEMO_PRACTICE_NAME = 'Meadowbank Occupational Therapy';
export const DEMO_EMAIL_DOMAIN = 'demo.steve.test';

export interface DemoOptions {
  seed: number;
  clients: number;
  today: LocalDate;
  passwordHash: string;
}

export interface ContactRef {
  id: string;
  name: string;
  role: string;
}
export interface OrgRef {
  id: string;
  name: string;
  kind: string;
  contacts: ContactRef[];
  jurisdiction: Jurisdiction;
}
export type Case = Insertable<Database['cases']> & {
  clinician_id: string | null;
  status: string;
  opened_on: string;
  service_line: string;
  jurisdiction: string;
};
export type Client = Insertable<Database['clients']> & {
  address: string;
  consent_school: number;
  consent_la: number;
  consent_insurer: number;
  consent_solicitor: number;
  created_at: string;
  updated_at: string;
};

export const emptyData = (): DemoData => ({
  practice: [],
  users: [],
  clients: [],
  client_contacts: [],
  organisations: [],
  contacts: [],
  cases: [],
  case_shares: [],
  ehcp_plans: [],
  authorisations: [],
  medico_legal_instructions: [],
  housing_adaptations: [],
  workplace_assessments: [],
  sessions: [],
  tasks: [],
  correspondence: [],
  compliance_items: [],
  subject_access_requests: [],
});
