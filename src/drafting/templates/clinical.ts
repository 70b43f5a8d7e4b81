/** Clinical reports of an episode: initial assessment, progress, discharge, insurer. */
import { longDate, type Composer } from '../composer.js';
import {
  clientRows,
  findingsByArea,
  goals,
  narrative,
  needsList,
  planLines,
  recommendations,
  reportDateRow,
  scores,
  sessionsSummary,
  signOff,
} from './common.js';

function detailsBlock(c: Composer): void {
  const s = c.src;
  c.heading('Details');
  c.fields([
    ...clientRows(c),
    ['Referrer', c.f(s.case?.referrer_name, 'case.referrer', 'referrer')],
    ['Funder', c.f(s.case?.funder_name ?? (s.case?.funder_kind === 'self_pay' ? 'Self-funded' : null), 'case.funder', 'funder')],
    ...(s.authorisation
      ? ([['Authorisation number', c.f(s.authorisation.authorisation_code, 'authorisation.code', 'authorisation number')]] as [string, string][])
      : []),
    reportDateRow(c),
  ]);
}

export function initialAssessment(c: Composer): void {
  detailsBlock(c);
  c.heading("1. Reason for referral and the client's priorities");
  c.para(c.note('reason_for_referral'));
  c.para(c.note('views.child', "the client's own priorities"));
  c.heading('2. Background');
  c.para(c.note('bg.medical'));
  c.para(c.note('bg.social'));
  c.para(c.note('bg.education'));
  c.heading('3. Methods and conditions');
  c.para(c.note('method'));
  c.para(c.note('validity'));
  c.heading('4. Findings');
  findingsByArea(c, { baselineOnly: true });
  c.heading('5. Needs');
  needsList(c);
  narrative(c, '6. Formulation', 'formulation');
  c.heading('7. Goals');
  goals(c, { baselineOnly: true });
  c.heading('8. Plan');
  planLines(c);
  recommendations(c);
  c.heading('9. Review');
  c.para(`Review date: ${c.f(c.src.provision.find((p) => p.review)?.review, 'provision.review', 'review date and the measures to repeat')}.`);
  signOff(c);
  if (c.src.assessments.length) {
    c.heading('Appendix: standardised assessment results');
    scores(c, { sentences: false, baselineOnly: true });
  }
}

export function progressReport(c: Composer): void {
  detailsBlock(c);
  c.heading('1. Period covered and attendance');
  sessionsSummary(c);
  c.heading('2. Progress against goals');
  goals(c);
  c.heading('3. Re-assessment');
  scores(c);
  c.heading('4. Functional change observed');
  findingsByArea(c);
  narrative(c, '5. Barriers', 'barriers');
  c.heading('6. Recommendation');
  recommendations(c);
  planLines(c);
  signOff(c);
}

export function dischargeSummary(c: Composer): void {
  detailsBlock(c);
  c.heading('1. Episode');
  c.fields([
    ['Episode opened', c.date(c.src.case?.opened_on, 'case.opened_on', 'date the episode began')],
    ['Episode closed', c.date(c.src.case?.closed_on, 'case.closed_on', 'discharge date')],
  ]);
  sessionsSummary(c);
  narrative(c, '2. Reason for referral', 'reason_for_referral');
  narrative(c, '3. Reason for discharge', 'discharge.reason');
  c.heading('4. Baseline and final measures');
  goals(c);
  scores(c, { sentences: false });
  narrative(c, '5. What was done', 'discharge.done');
  c.heading('6. Current function and remaining needs');
  c.para(c.note('current_function'));
  c.para(c.note('discharge.remaining'));
  narrative(c, '7. Home programme and self-management', 'home_programme');
  narrative(c, '8. Equipment and who maintains it', 'equipment');
  narrative(c, '9. If things change: how to re-refer', 're_referral');
  if (c.src.ehcp && c.src.provision.some((p) => p.section === 'F')) {
    c.uses('ehcp', 'provision');
    c.para(
      `${c.f(c.src.client?.name, 'client.name', "client's name")}'s EHC plan names occupational therapy in Section F. The local authority's duty to secure that provision continues after this discharge, so it must be told${c.src.ehcp.la_name ? ` (${c.src.ehcp.la_name})` : ''}.`,
    );
  }
  narrative(c, 'Copies to', 'copy_list');
  signOff(c);
}

export function insurerReport(c: Composer): void {
  const a = c.src.authorisation;
  const s = c.src;
  c.heading('1. Member and authorisation');
  c.fields([
    ['Member', c.f(s.client?.name, 'client.name', "member's name")],
    ['Date of birth', c.date(s.client?.dob, 'client.dob', 'date of birth')],
    ['Insurer', c.f(a?.insurer_name ?? s.case?.funder_name, 'authorisation.insurer', 'insurer')],
    ['Membership number', c.f(a?.membership_number, 'authorisation.membership_number', 'membership number')],
    ['Authorisation code', c.f(a?.authorisation_code, 'authorisation.code', 'authorisation code')],
    ['Referrer', c.f(s.case?.referrer_name, 'case.referrer', 'referrer')],
    reportDateRow(c),
  ]);
  narrative(c, '2. Condition', 'insurer.condition');
  c.heading('3. Sessions authorised, used and remaining');
  if (a) {
    c.uses('authorisation');
    c.fields([
      ['Authorised', `${a.sessions_authorised} sessions, valid ${longDate(a.valid_from)} to ${longDate(a.valid_until)}`],
      ['Used', String(a.sessions_used)],
      ['Remaining', String(a.sessions_left)],
    ]);
  } else c.para(c.need('authorisation', 'the authorisation (sessions authorised and validity)'));
  sessionsSummary(c);
  c.heading('4. Assessment summary and baselines');
  scores(c, { sentences: true });
  c.heading('5. Progress against goals');
  goals(c);
  narrative(c, '6. Current function', 'current_function');
  c.heading('7. Plan and sessions requested');
  planLines(c);
  narrative(c, '8. Clinical rationale and expected benefit', 'insurer.rationale');
  narrative(c, '9. Risks and barriers', 'insurer.risks');
  narrative(c, '10. Discharge and self-management plan', 'insurer.discharge_plan');
  signOff(c);
}
