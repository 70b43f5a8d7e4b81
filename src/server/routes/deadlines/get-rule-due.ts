import { z } from 'zod';
import { isoDate } from '../../../contract/common.js';
import { getRuleDueResponse, jurisdiction } from '../../../contract/deadlines.js';
import { workingCalendar } from '../../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../../domain/calendar/local-date.js';
import { computeDeadline, DIVISION_OF } from '../../../domain/deadlines/rules.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/rules/:ruleId/due',
  access: 'signed_in',
  summary: "A rule's due date from its trigger date",
  tags: ['deadlines'],
  response: getRuleDueResponse,
  params: z.object({ ruleId: z.string().trim().min(1).max(40) }),
  query: z.object({ from: isoDate, jurisdiction: jurisdiction.optional(), dob: isoDate.optional() }).strict(),
  handler: async ({ params, query }) => {
    const j = query.jurisdiction ?? 'england';
    const r = computeDeadline(params.ruleId, query.from as LocalDate, {
      jurisdiction: j,
      calendar: workingCalendar(DIVISION_OF[j]),
      ...(query.dob ? { dob: query.dob as LocalDate } : {}),
    });
    return {
      rule: r.rule,
      due: r.due,
      reason: r.reason,
      citation: r.citation,
      trigger: r.trigger,
      convention: r.convention,
      hard: r.hard,
      tag: r.tag,
      target: r.target ?? null,
      also: r.also ?? [],
    };
  },
});
