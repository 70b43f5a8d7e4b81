/** Housing and workplace reports (dfg-recommendation, workplace-report). */
import type { Composer } from '../composer.js';
import { clientName, clientRows, words, findingsByArea, narrative, needsList, planLines, recommendations, reportDateRow, signOff } from './common.js';

export function dfgRecommendation(c: Composer): void {
  const h = c.src.housing;
  c.para(`To: ${c.f(h?.housing_name, 'housing.authority', 'housing authority')}`);
  c.heading('1. Disabled occupant and household');
  c.fields([
    ...clientRows(c),
    ['Tenure', c.f(words(h?.tenure), 'housing.tenure', 'tenure')],
    ['Adaptation sought', c.f(h?.adaptation, 'housing.adaptation', 'adaptation sought')],
    reportDateRow(c),
  ]);
  c.para(c.note('dfg.household'));
  narrative(c, '2. Diagnosis and prognosis', 'dfg.prognosis');
  c.heading('3. Function, activity by activity');
  findingsByArea(c);
  needsList(c);
  narrative(c, '4. Alternatives considered', 'dfg.alternatives');
  c.heading('5. Statement of need');
  c.para(
    'The works recommended below are, in my opinion, necessary and appropriate to meet the needs described (Housing Grants, Construction and Regeneration Act 1996 s23 purposes). Whether they are reasonable and practicable for the property is for the housing authority.',
  );
  recommendations(c);
  narrative(c, '6. Functional specification', 'dfg.specification');
  narrative(c, '7. Priority and interim measures', 'dfg.priority');
  narrative(c, "8. Applicant's agreement", 'dfg.agreement');
  c.para('Works must not start before the grant is approved.');
  signOff(c);
}

export function workplaceReport(c: Composer): void {
  const w = c.src.workplace;
  c.heading('1. Employee and employer');
  c.fields([
    ['Employee', clientName(c)],
    ['Employer', c.f(w?.employer_name, 'workplace.employer', 'employer')],
    ['Job title', c.f(w?.job_title, 'workplace.job_title', 'job title')],
    ['Referrer', c.f(c.src.case?.referrer_name, 'case.referrer', 'referrer')],
    reportDateRow(c),
  ]);
  c.para(`What the employer may see: ${c.note('work.consent_scope')}`);
  narrative(c, '2. Reason for referral', 'reason_for_referral');
  narrative(c, '3. The condition in functional terms', 'work.condition');
  narrative(c, '4. Job demands', 'work.job_demands');
  c.heading('5. Findings');
  findingsByArea(c);
  narrative(c, '6. Barriers and disadvantage identified', 'work.barriers');
  c.heading('7. Recommendations');
  c.para('These are recommendations for the employer to consider; the employer decides what is reasonable.');
  recommendations(c);
  planLines(c);
  narrative(c, '8. Fitness for work and review', 'work.fitness');
  signOff(c);
}
