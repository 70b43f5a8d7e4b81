import { z } from 'zod';
import { isoDate } from '../../../contract/common.js';
import { getRuleDueResponse, jurisdiction } from '../../../contract/deadlines.js';
import { workingCalendar } from '../../../domain/calendar/bank-holidays.js';
import type { LocalDate } from '../../../domain/calendar/local-date.js';
import { computeDeadline, DIVISION_OF, ruleStanding } from '../../../domain/deadlines/rules.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/rules/:ruleId/due',
  access: 'signed_in',
  summary: "A rule's due date from its trigger date",
  tags: ['deadlines'],
  response: getRuleDueResponse,
  params: z.object({ ruleId: z.string().trim().min(1).max(40) }),
  query: z
    .object({
      from: isoDate,
      jurisdiction: jurisdiction.optional(),
      dob: isoDate.optional(),
      mediation_wanted_on: isoDate.optional(),
      acknowledged_on: isoDate.optional(),
    })
    .strict(),
  handler: async ({ params, query }) => {
    const j = query.jurisdiction ?? 'england';
    const r = computeDeadline(params.ruleId, query.from as LocalDate, {
      jurisdiction: j,
      calendar: workingCalendar(DIVISION_OF[j]),
      ...(query.dob ? { dob: query.dob as LocalDate } : {}),
      ...(query.mediation_wanted_on ? { mediation_wanted_on: query.mediation_wanted_on as LocalDate } : {}),
      ...(query.acknowledged_on ? { acknowledged_on: query.acknowledged_on as LocalDate } : {}),
    });
    const standing = ruleStanding(r.rule)!;
    return {
      rule: r.rule,
      due: r.due,
      reason: r.reason,
      citation: r.citation,
      trigger: r.trigger,
      convention: r.convention,
      hard: r.hard,
      tag: r.tag,
      basis: standing.basis,
      standing: standing.words,
      target: r.target ?? null,
      also: r.also ?? [],
    };
  },
});
