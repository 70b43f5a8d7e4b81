/** What the findings and documents routes answer (docs/API.md), as the pages read it. */
import type { CopmSummary } from '../../../src/domain/outcomes/copm.js';

export interface FindingItem {
  id: string;
  kind: 'need' | 'observation' | 'recommendation';
  area: string | null;
  text: string;
  on_date: string | null;
  setting: string | null;
}

export interface Assessment {
  id: string;
  test_name: string;
  edition: string | null;
  test_date: string | null;
  examiner: string | null;
  examiner_qualification: string | null;
  subtest: string | null;
  raw_score: number | null;
  derived_score: number | null;
  metric: string;
  mean: number | null;
  sd: number | null;
  percentile: number | null;
  ci_low: number | null;
  ci_high: number | null;
  band: string | null;
  area: string | null;
  interpretation: string | null;
}

export interface Goal {
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

export interface ProvisionLine {
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
}

export interface Findings {
  case_id: string;
  notes: Record<string, string>;
  needs: FindingItem[];
  observations: FindingItem[];
  recommendations: FindingItem[];
  assessments: Assessment[];
  goals: Goal[];
  provision: ProvisionLine[];
  copm: CopmSummary | null;
  gas: { baseline_t: number | null; outcome_t: number | null } | null;
}

export type DocStatus = 'draft' | 'in_review' | 'signed' | 'sent';

export interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  status: DocStatus;
  version: number;
  case_id: string | null;
  client_id: string | null;
  client_name: string | null;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  sent_at: string | null;
  signed_by_name: string | null;
}

export interface Block {
  id: string;
  type: 'heading' | 'paragraph' | 'list' | 'table' | 'fields';
  level?: 1 | 2;
  text?: string;
  items?: string[];
  header?: string[];
  rows?: string[][];
  sources: string[];
  composed_by: 'steve' | 'clinician';
  tags?: string[];
}

export interface CheckFinding {
  check: string;
  severity: 'error' | 'warning';
  message: string;
  block_id: string | null;
  text: string | null;
}

export interface DocumentVersion {
  version: number;
  status: DocStatus;
  content_hash: string;
  change: string;
  created_at: string;
  signed_at: string | null;
  signed_by_name: string | null;
}

export interface DocumentView {
  id: string;
  kind: string;
  title: string;
  status: DocStatus;
  version: number;
  current_version: number;
  case_id: string | null;
  client_id: string | null;
  content_hash: string;
  signed_by_name: string | null;
  signed_at: string | null;
  sent_at: string | null;
  running_header: string;
  letterhead: { name: string; lines: string[] };
  blocks: Block[];
  still_needed: { field: string; label: string }[];
  checks: CheckFinding[];
  can_sign: boolean;
  versions: DocumentVersion[];
}

export const STATUS_LABELS: Record<DocStatus, string> = { draft: 'Draft', in_review: 'In review', signed: 'Signed', sent: 'Sent' };

export const CHECK_LABELS: Record<string, string> = {
  placeholders: 'Placeholder left',
  provision: 'Section F specificity',
  pd35: 'PD35 completeness',
  other_client: 'Another client',
  dates: 'Dates',
  la_profile: 'LA profile',
};

/** A block as the clinician edits it: tables and field lists as rows of "a | b" lines, lists one item a line. */
export function blockText(b: Block): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.text ?? '';
    case 'list':
      return (b.items ?? []).join('\n');
    case 'table':
    case 'fields':
      return (b.rows ?? []).map((r) => r.join(' | ')).join('\n');
  }
}

export function placeholderText(label: string): string {
  return `[STILL NEEDED: ${label.replace(/[[\]]/g, '')}]`;
}
