import { addMonths } from '../../domain/calendar/local-date.js';
import { ADAPTATIONS, TENURES } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, minDate } from './demo-calendar.js';
import type { Scenario } from './demo-scenarios.js';
import type { DemoWriter } from './demo-writer.js';

export function generateHousingCase(
  w: DemoWriter,
  stage: Extract<Scenario, { kind: 'housing' }>['stage'],
  client: Client,
  carers: { name: string; label: string }[],
): Case {
  const t = w.today;
  const housing = w.rng.chance(0.7) ? w.org('housing_authority') : w.org('local_authority', (o) => o.jurisdiction === 'england');
  const la = w.org('local_authority', (o) => o.jurisdiction === 'england');
  const laContact = w.contact(la, /social care/);
  const officer = w.contact(housing, /Grants|officer/i);
  const adaptation = w.rng.pick(ADAPTATIONS);
  const opened = w.past(
    stage === 'assessment' ? 5 : stage === 'recommendation_sent' ? 20 : stage === 'application_submitted' ? 60 : 200,
    stage === 'assessment' ? 20 : stage === 'recommendation_sent' ? 50 : stage === 'application_submitted' ? 170 : 330,
  );
  const cs = w.addCase({
    client,
    title: `Home adaptations – ${adaptation.toLowerCase()} (DFG)`,
    line: 'housing',
    funder_kind: 'local_authority',
    funder: la,
    referrer: la,
    referrer_contact: laContact,
    jurisdiction: 'england',
    status: stage === 'works_complete' ? 'discharged' : 'open',
    clinician: w.clinician('housing'),
    opened_on: opened,
  });
  const applied = stage === 'application_submitted' || stage === 'approved' || stage === 'works_complete' ? addDays(opened, w.rng.int(25, 45)) : null;
  const approved = applied && (stage === 'approved' || stage === 'works_complete') ? addDays(applied, w.rng.int(60, 150)) : null;
  w.data.housing_adaptations.push({
    id: w.ids.next(),
    case_id: cs.id,
    housing_org_id: housing.id,
    adaptation,
    tenure: w.rng.pick(TENURES),
    dfg_application_on: applied ? minDate(applied, t) : null,
    dfg_approved_on: approved ? minDate(approved, t) : null,
    stage,
  });
  w.corr(cs, client, {
    dir: 'in',
    channel: 'email',
    org: la,
    contact: laContact,
    on: addDays(opened, -3),
    subject: 'Referral for home adaptations assessment',
  });
  w.session(cs, w.weekday(addDays(opened, w.rng.int(4, 10))), 'assessment', { minutes: 120 });
  w.session(cs, w.weekday(addDays(opened, w.rng.int(4, 10))), 'travel');
  if (stage === 'assessment') {
    w.task(cs, {
      title: `Send DFG recommendation (${adaptation.toLowerCase()}) to ${housing.name}`,
      kind: 'report_back',
      hardness: 'soft',
      due_on: addDays(t, w.rng.int(1, 14)),
    });
  } else {
    const sent = minDate(addDays(opened, w.rng.int(12, 20)), t);
    w.session(cs, addDays(sent, -1), 'report_writing', { minutes: 120 });
    w.corr(cs, client, {
      dir: 'out',
      channel: 'letter',
      org: housing,
      contact: officer,
      on: sent,
      subject: 'Recommendation for adaptations – Disabled Facilities Grant',
      summary: `${adaptation} recommended as necessary and appropriate (DFG-02).`,
    });
  }
  if (applied && !approved) {
    w.task(cs, {
      title: `Chase ${housing.name} for DFG decision (due within six months of application)`,
      kind: 'chaser',
      hardness: 'soft',
      due_on: addMonths(applied, 6),
      rule_id: 'DFG-03',
      trigger_kind: 'dfg_application',
      trigger_on: applied,
    });
  }
  if (approved) {
    w.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: housing,
      contact: officer,
      on: minDate(approved, t),
      subject: 'Disabled Facilities Grant approved',
    });
    if (stage === 'works_complete') w.session(cs, w.past(5, 40), 'review');
    else w.task(cs, { title: 'Post-works review visit', kind: 'practice', hardness: 'soft', due_on: w.softDue() });
  }
  w.genericCorrespondence(cs, client, carers, opened);
  return cs;
}
