/** The deadline engine's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import getEhcpRegister from './get-ehcp-register.js';
import getEhcpTimeline from './get-ehcp-timeline.js';
import recordEhcpEvent from './record-ehcp-event.js';
import listRules from './list-rules.js';
import getRuleDue from './get-rule-due.js';
import listComplianceItems from './list-compliance-items.js';
import addComplianceItem from './add-compliance-item.js';
import renewComplianceItem from './renew-compliance-item.js';
import listSubjectAccessRequests from './list-subject-access-requests.js';
import addSubjectAccessRequest from './add-subject-access-request.js';
import updateSubjectAccessRequest from './update-subject-access-request.js';
import getCalendarStatus from './get-calendar-status.js';
import issueCalendarFeed from './issue-calendar-feed.js';
import revokeCalendarFeed from './revoke-calendar-feed.js';
import getCalendarFeed from './get-calendar-feed.js';
import syncAllDeadlines from './sync-all-deadlines.js';

export const DEADLINE_ROUTES: readonly AnyRoute[] = [
  getEhcpRegister,
  getEhcpTimeline,
  recordEhcpEvent,
  listRules,
  getRuleDue,
  listComplianceItems,
  addComplianceItem,
  renewComplianceItem,
  listSubjectAccessRequests,
  addSubjectAccessRequest,
  updateSubjectAccessRequest,
  getCalendarStatus,
  issueCalendarFeed,
  revokeCalendarFeed,
  getCalendarFeed,
  syncAllDeadlines,
];
