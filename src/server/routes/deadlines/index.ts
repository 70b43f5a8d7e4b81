/** The deadline engine's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import { getCalendarFeed, getCalendarStatus, issueCalendar, revokeCalendar } from './calendar-feed.js';
import { addCaseAuthorisation, patchAuthorisation, updateDetail } from './case-details.js';
import { addCompliance, listCompliance, renewCompliance } from './compliance.js';
import getEhcpRegister from './get-ehcp-register.js';
import getEhcpTimeline from './get-ehcp-timeline.js';
import getRuleDue from './get-rule-due.js';
import listRules from './list-rules.js';
import recordEhcpEvent from './record-ehcp-event.js';
import { addSar, listSars, updateSar } from './subject-access.js';

export const DEADLINE_ROUTES: readonly AnyRoute[] = [
  getEhcpRegister,
  getEhcpTimeline,
  recordEhcpEvent,
  listRules,
  getRuleDue,
  listCompliance,
  addCompliance,
  renewCompliance,
  listSars,
  addSar,
  updateSar,
  getCalendarStatus,
  issueCalendar,
  revokeCalendar,
  getCalendarFeed,
  updateDetail,
  addCaseAuthorisation,
  patchAuthorisation,
];
