/** The deadline engine's answers as the pages name them, from the contract (src/contract/deadlines.ts). */
import type {
  GetEhcpRegisterResponse,
  GetEhcpTimelineResponse,
  ListComplianceItemsResponse,
  ListSubjectAccessRequestsResponse,
} from '../../../src/contract/deadlines.js';

export type EhcpChild = GetEhcpRegisterResponse['children'][number];
export type EhcpTimeline = GetEhcpTimelineResponse;
export type ComplianceItem = ListComplianceItemsResponse['items'][number];
export type SubjectAccessRequest = ListSubjectAccessRequestsResponse['requests'][number];

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
