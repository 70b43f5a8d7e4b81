/** Shapes of the deadline engine's API (docs/API.md, "Deadline engine"). */
export interface NextDeadline {
  due_on: string;
  title: string;
  rule_id: string | null;
  hardness: string;
}

export interface EhcpChild {
  case_id: string;
  client_id: string;
  client_name: string;
  dob: string;
  jurisdiction: string;
  la_name: string | null;
  la_reference: string;
  school_name: string | null;
  senco_name: string | null;
  year_group: string;
  plan_issued_on: string | null;
  last_review_on: string | null;
  next_review_meeting_on: string | null;
  advice_requested_on: string | null;
  transfer_year: number | null;
  modelled: boolean;
  next_deadline: NextDeadline | null;
}

export interface TimelineDeadline {
  id: string;
  title: string;
  due_on: string;
  status: string;
  rule_id: string | null;
  reason: string | null;
  hardness: string;
  completed_on: string | null;
  trigger_on: string | null;
}

export interface EhcpEvent {
  id: string;
  kind: string;
  on_date: string;
  meeting_on: string | null;
  notes: string;
}

export interface EhcpTimeline {
  case_id: string;
  client_id: string;
  client_name: string;
  jurisdiction: string;
  modelled: boolean;
  not_modelled_reason: string | null;
  plan: Record<string, string | number | null>;
  events: EhcpEvent[];
  deadlines: TimelineDeadline[];
  follow_on: { rule: string; title: string; due: string; reason: string }[];
}

export interface ComplianceItem {
  id: string;
  rule_id: string;
  title: string;
  holder_name: string | null;
  reference: string;
  last_done_on: string;
  next_due: string;
  reason: string;
  overdue: boolean;
}

export interface SubjectAccessRequest {
  id: string;
  requester: string;
  client_name: string | null;
  received_on: string;
  due: string;
  extended: boolean;
  responded_on: string | null;
}

export const EVENT_LABELS: Record<string, string> = {
  advice_request_received: 'LA request for advice received',
  review_meeting_set: 'Annual review meeting set',
  review_meeting_moved: 'Annual review meeting moved',
  review_meeting_held: 'Annual review meeting held',
  draft_plan_received: 'Draft plan received',
  final_plan_received: 'Final plan received',
  amendment_notice_received: 'Amendment notice received',
  amended_plan_received: 'Amended plan received',
  decision_letter_received: 'LA decision letter received',
  tribunal_appeal: 'Tribunal appeal lodged',
};
