import { listRulesResponse } from '../../../contract/deadlines.js';
import { RULES, ruleStanding } from '../../../domain/deadlines/rules.js';
import { defineRoute } from '../../route.js';

export default defineRoute({
  method: 'GET',
  url: '/api/rules',
  access: 'signed_in',
  summary: 'Every date-producing rule with its convention, citation and verification tag',
  tags: ['deadlines'],
  response: listRulesResponse,
  handler: async () => ({
    rules: RULES.map((r) => ({
      id: r.id,
      family: r.family,
      title: r.title,
      trigger: r.trigger,
      party: r.party,
      convention: r.convention,
      citation: r.citation,
      tag: r.tag,
      basis: ruleStanding(r.id)!.basis,
      standing: ruleStanding(r.id)!.words,
      hard: r.hard,
      jurisdictions: r.jurisdictions,
      params: r.params,
    })),
  }),
});
